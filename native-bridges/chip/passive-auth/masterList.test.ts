import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMasterList } from '../pki/buildMasterList.node.ts';
import type { PkiEntity, TestPki } from '../pki/testPki.node.ts';
import { ensurePkijsEngine, generateMasterListSigner, generateTestPki } from '../pki/testPki.node.ts';
import { MasterListError, idCscaMasterList, parseMasterList } from './masterList.node.ts';

// A master list makes its CSCAs trusted only when its own signature verifies, its signer chains to a CSCA (one
// given separately, or one of the list's own) and that signer is valid on the day of the check. Anything else
// lists the certificates but trusts none of them, saying why; a file that is no master list at all is refused.

const notBefore = new Date('2026-01-01T00:00:00Z');
const at = new Date('2026-06-01T00:00:00Z');
const signerName = 'C=UT, O=Booth Test PKI, CN=Booth Test Master List Signer';
const cscaName = 'C=UT, O=Booth Test PKI, CN=Booth Test CSCA';

let state: TestPki;
let lookalike: TestPki;
let other: TestPki;
let signer: PkiEntity;
beforeAll(async () => {
  [state, lookalike, other] = await Promise.all([
    generateTestPki({ algorithm: 'ecdsa-p256', notBefore }),
    generateTestPki({ algorithm: 'ecdsa-p256', notBefore }),
    generateTestPki({ algorithm: 'ecdsa-p256', notBefore, cscaName: 'Another CSCA' }),
  ]);
  signer = await generateMasterListSigner(state.csca, notBefore);
}, 60_000);

/** A CMS SignedData signed by `by` around `content` of type `eContentType` (what a master list's wrapper is). */
async function signedContent(by: PkiEntity, eContentType: string, content: ArrayBuffer, contentType = '1.2.840.113549.1.7.2'): Promise<Uint8Array> {
  ensurePkijsEngine();
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType, eContent: new asn1js.OctetString({ valueHex: content }) }),
    signerInfos: [new pkijs.SignerInfo({ version: 1, sid: new pkijs.IssuerAndSerialNumber({ issuer: by.certificate.issuer, serialNumber: by.certificate.serialNumber }) })],
    certificates: [by.certificate],
  });
  await signedData.sign(by.privateKey, 0, 'SHA-256');
  return new Uint8Array(new pkijs.ContentInfo({ contentType, content: signedData.toSchema(true) }).toSchema().toBER(false));
}

describe('a master list whose signature and signer check out', () => {
  it('lists every CSCA it holds, in order, with its source, signed by a signer one of its own CSCAs certified', async () => {
    const list = parseMasterList(await buildMasterList(signer, [other.csca.certificate, state.csca.certificate]), 'UT.ml', at);
    expect(list).toEqual({ anchors: expect.any(Array), signatureValid: true, signerSubject: signerName, signerIssuer: cscaName, signerAnchor: 'list' });
    expect(list.anchors.map((a) => [a.der, a.source])).toEqual([
      [other.csca.der, 'UT.ml'],
      [state.csca.der, 'UT.ml'],
    ]);
  });

  it('anchors the signer in a CSCA given separately: the list is authentic, not only intact', async () => {
    const list = parseMasterList(await buildMasterList(signer, [other.csca.certificate]), 'UT.ml', at, [other.csca.certificate, state.csca.certificate]);
    expect(list).toMatchObject({ signatureValid: true, signerIssuer: cscaName, signerAnchor: 'given' });
  });

  it('falls back to the list\'s own CSCAs when no given CSCA certified the signer', async () => {
    const list = parseMasterList(await buildMasterList(signer, [state.csca.certificate]), 'UT.ml', at, [other.csca.certificate, lookalike.csca.certificate]);
    expect(list).toMatchObject({ signatureValid: true, signerIssuer: cscaName, signerAnchor: 'list' });
  });
});

describe('a master list none of whose CSCAs is trusted', () => {
  it('a signer no CSCA certified, though one of the same name is listed, does not chain', async () => {
    const list = parseMasterList(await buildMasterList(signer, [lookalike.csca.certificate, other.csca.certificate]), 'UT.ml', at, [lookalike.csca.certificate]);
    expect(list).toEqual({
      anchors: expect.any(Array),
      signatureValid: false,
      signerSubject: signerName,
      reason: `Master List Signer ${signerName} does not chain to a known CSCA`,
    });
    expect(list.anchors).toHaveLength(2);
  });

  for (const { when, validFrom, days } of [
    { when: 'expired before the check date', validFrom: notBefore, days: 30 },
    { when: 'not yet valid on the check date', validFrom: new Date('2026-07-01T00:00:00Z'), days: 365 },
  ]) {
    it(`a signer whose certificate is ${when}`, async () => {
      const dated = await generateMasterListSigner(state.csca, validFrom, days);
      const list = parseMasterList(await buildMasterList(dated, [state.csca.certificate]), 'UT.ml', at);
      expect(list).toEqual({
        anchors: expect.any(Array),
        signatureValid: false,
        signerSubject: signerName,
        signerIssuer: cscaName,
        signerAnchor: 'list',
        reason: 'Master List Signer certificate is not valid on 2026-06-01',
      });
    });
  }

  it('a certificate list changed after signing breaks the signature, naming the signer', async () => {
    const bytes = await buildMasterList(signer, [state.csca.certificate]);
    const der = Buffer.from(bytes);
    const offset = der.indexOf(Buffer.from(state.csca.der));
    der[offset + state.csca.der.length - 1]! ^= 0x01;
    const list = parseMasterList(new Uint8Array(der), 'UT.ml', at);
    expect(list).toMatchObject({ signatureValid: false, signerSubject: signerName, reason: expect.stringMatching(/^signature: /) });
    expect(list).not.toHaveProperty('signerAnchor');
  });
});

describe('a file that is no master list', () => {
  const refused = (bytes: Uint8Array, reason: RegExp) => {
    let error: unknown;
    try {
      parseMasterList(bytes, 'file.ml', at);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MasterListError);
    expect((error as MasterListError).name).toBe('MasterListError');
    expect((error as MasterListError).code).toBe('bad_master_list');
    expect((error as MasterListError).message).toMatch(reason);
  };

  it('signed content of another type (e.g. a Document Security Object) is refused', async () => {
    const content = new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 }), new asn1js.Set({ value: [state.csca.certificate.toSchema()] })] }).toBER(false);
    refused(await signedContent(signer, '2.23.136.1.1.1', content), /^master list: eContentType 2\.23\.136\.1\.1\.1 is not id-icao-cscaMasterList$/);
  });

  it('a ContentInfo that is not SignedData is refused', async () => {
    const content = new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 }), new asn1js.Set({ value: [] })] }).toBER(false);
    refused(await signedContent(signer, idCscaMasterList, content, '1.2.840.113549.1.7.1'), /^master list: ContentInfo type 1\.2\.840\.113549\.1\.7\.1 is not signedData$/);
  });

  it('master-list content that is not { version, SET OF Certificate } is refused', async () => {
    const versionOnly = new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 })] }).toBER(false);
    refused(await signedContent(signer, idCscaMasterList, versionOnly), /^master list: content is not CscaMasterList \{ version, certList SET \}$/);
    const sequenceNotSet = new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 }), new asn1js.Sequence({ value: [] })] }).toBER(false);
    refused(await signedContent(signer, idCscaMasterList, sequenceNotSet), /content is not CscaMasterList/);
    const notSequence = new asn1js.Set({ value: [new asn1js.Integer({ value: 0 }), new asn1js.Set({ value: [] })] }).toBER(false);
    refused(await signedContent(signer, idCscaMasterList, notSequence), /content is not CscaMasterList/);
  });

  it('a ContentInfo of type SignedData whose content is not SignedData is refused', () => {
    const bytes = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: new asn1js.Integer({ value: 1 }) }).toSchema().toBER(false);
    refused(new Uint8Array(bytes), /^master list: not a CMS SignedData: /);
  });

  it('a SignedData with no encapsulated content is refused', () => {
    ensurePkijsEngine();
    const signedData = new pkijs.SignedData({ version: 3, encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: idCscaMasterList }), signerInfos: [], certificates: [signer.certificate] });
    const bytes = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) }).toSchema().toBER(false);
    refused(new Uint8Array(bytes), /^master list: no encapsulated content$/);
  });

  it('a certificate list holding something that is not a certificate is refused', async () => {
    const content = new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 }), new asn1js.Set({ value: [new asn1js.Integer({ value: 5 })] })] }).toBER(false);
    refused(await signedContent(signer, idCscaMasterList, content), /^master list: certificate list is malformed: certificate has no tbsCertificate$/);
  });

  it('bytes that are not BER are refused', () => {
    refused(Uint8Array.from([0x30, 0x84, 0xff]), /^master list: not valid BER/);
  });
});
