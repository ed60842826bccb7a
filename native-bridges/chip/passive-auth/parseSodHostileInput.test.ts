import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { encodeConstructedTlv, encodeTlv } from '../../../app/document/lds/tlv';
import { MasterListError, parseMasterList } from './masterList.node.ts';
import { idLdsSecurityObject, parseSod, SodError } from './parseSod.node.ts';

/** An EF.SOD (unsigned: parsing needs no signature) around the given LDSSecurityObject. */
function sodAround(securityObject: asn1js.AsnType): Uint8Array {
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: idLdsSecurityObject, eContent: new asn1js.OctetString({ valueHex: securityObject.toBER(false) }) }),
    digestAlgorithms: [],
    signerInfos: [],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) });
  return encodeTlv(0x77, new Uint8Array(contentInfo.toSchema().toBER(false)));
}

const hashEntry = new asn1js.Sequence({ value: [new asn1js.Integer({ value: 1 }), new asn1js.OctetString({ valueHex: new Uint8Array(32).buffer })] });

/** Regression test of issue #19 finding 4: pkijs errors inside parseSod become SodErrors with their cause. */
describe('parseSod under hostile input', () => {
  it('a hashAlgorithm that is no AlgorithmIdentifier is a SodError keeping the pkijs error as its cause', () => {
    const sod = sodAround(new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 }), new asn1js.Sequence({ value: [new asn1js.Integer({ value: 5 })] }), new asn1js.Sequence({ value: [hashEntry] })] }));
    let error: unknown;
    try {
      parseSod(sod);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SodError);
    expect((error as SodError).message).toContain('hashAlgorithm is not an AlgorithmIdentifier');
    expect((error as SodError).cause).toBeInstanceOf(Error);
  });

  it('the same builder with a real AlgorithmIdentifier parses (the test input is otherwise sound)', () => {
    const sha256 = new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' }).toSchema();
    const sod = sodAround(new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 }), sha256, new asn1js.Sequence({ value: [hashEntry] })] }));
    expect(parseSod(sod).securityObject.hashAlgorithm).toBe('sha256');
  });
});

/** Found by `npm run fuzz`: asn1js's error for a malformed GeneralizedTime escaped parseMasterList. */
describe('parseMasterList under hostile input', () => {
  it('a malformed GeneralizedTime is a MasterListError keeping the asn1js error as its cause', () => {
    const list = encodeConstructedTlv(0x30, [encodeTlv(0x18, new TextEncoder().encode('2024XX01'))]);
    let error: unknown;
    try {
      parseMasterList(list, 'hostile.ml', new Date('2026-06-01T00:00:00Z'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MasterListError);
    expect((error as MasterListError).message).toContain('Wrong input string for conversion');
    expect((error as MasterListError).cause).toBeInstanceOf(Error);
  });
});
