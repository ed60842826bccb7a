import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeTlv, encodeConstructedTlv, encodeTlv, findTlv } from '../../app/document/lds/tlv';
import { td1Lines, td2Lines, td3Lines, specimenPassport, visaLines } from '../../app/document/mrz/testSupport/buildMrzLines';
import { encodeJpeg2000ForTests } from '../../native-bridges/chip/faceImage/encodeJpeg2000ForTests.node.ts';
import { buildMasterList } from '../../native-bridges/chip/pki/buildMasterList.node.ts';
import { buildSod } from '../../native-bridges/chip/pki/buildSod.node.ts';
import { generateTestPki, type TestPki } from '../../native-bridges/chip/pki/testPki.node.ts';
import { generateAaKey, generateCaKey } from '../../native-bridges/chip/simulator/chipSecrets.node.ts';
import { defaultPortrait } from '../../native-bridges/chip/simulator/createSimulatedPassport.node.ts';
import { buildCardAccess, buildCom, buildDg1, buildDg14, buildDg15, buildDg2 } from '../../native-bridges/chip/simulator/ldsBuilder.node.ts';
import { oids } from '../../native-bridges/chip/oid';

/** Sound inputs the fuzz targets mutate: made here (the project makes its own bombs), never copied from a dataset. */
export interface FuzzSeeds {
  readonly mrzLines: readonly (readonly string[])[];
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  readonly com: Uint8Array;
  readonly dg7: Uint8Array;
  readonly dg11: Uint8Array;
  readonly dg12: Uint8Array;
  readonly cardAccess: Uint8Array;
  /** The ISO 19794-5 block of DG2 (5F2E content). */
  readonly iso19794: Uint8Array;
  readonly iso39794: Uint8Array;
  readonly jpeg2000: Uint8Array;
  readonly pki: TestPki;
  readonly sod: Uint8Array;
  readonly masterList: Uint8Array;
  readonly scenarioFiles: readonly string[];
  readonly manifestFiles: readonly string[];
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const assets = fileURLToPath(new URL('../../assets/', import.meta.url));

/** An ISO 39794-5 face block (BER, context tags) around a small image: the shape parseIso39794Face reads. */
function iso39794Block(image: Uint8Array): Uint8Array {
  const imageData = encodeConstructedTlv(0xa0, [encodeTlv(0x80, image)]);
  const representation = encodeConstructedTlv(0x30, [encodeConstructedTlv(0xa0, [imageData])]);
  return encodeConstructedTlv(0xa1, [encodeConstructedTlv(0xa0, [encodeTlv(0x80, Uint8Array.of(0)), encodeTlv(0x81, Uint8Array.of(1))]), encodeConstructedTlv(0xa1, [representation])]);
}

let seeds: Promise<FuzzSeeds> | undefined;

export function fuzzSeeds(): Promise<FuzzSeeds> {
  seeds ??= (async () => {
    const mrzLines = [td3Lines(specimenPassport), td2Lines({ ...specimenPassport, documentCode: 'I', optional1: 'AB12' }), td1Lines({ ...specimenPassport, documentCode: 'ID', optional1: 'X1' }), visaLines({ ...specimenPassport, documentCode: 'V', optional1: '<2020711' }, 36), visaLines({ ...specimenPassport, documentCode: 'V', optional1: '' }, 44)];
    const jpeg2000 = await encodeJpeg2000ForTests(64, 48);
    const dg2 = buildDg2(defaultPortrait(), 'jpeg');
    const dg2j2k = buildDg2(jpeg2000, 'jpeg2000');
    const dataGroups = new Map<number, Uint8Array>([
      [1, buildDg1(mrzLines[0]!)],
      [2, dg2],
      [14, buildDg14(generateCaKey('P-256').publicSpki, `${oids.caEcdh}.2`, '0.4.0.127.0.7.1.1.4.1.3')],
      [15, buildDg15(generateAaKey('rsa').publicSpki)],
    ]);
    const pki = await generateTestPki({ algorithm: 'ecdsa-p256', notBefore: new Date('2026-01-01T00:00:00Z') });
    const sod = await buildSod({ dataGroups, ds: pki.ds, hashAlgorithm: 'SHA-256' });
    const jsonFiles = (dir: string) => readdirSync(`${assets}${dir}`).filter((f) => f.endsWith('.json')).map((f) => readFileSync(`${assets}${dir}/${f}`, 'utf8'));
    return {
      mrzLines,
      dataGroups: new Map([...dataGroups, [102, dg2j2k]]),
      com: buildCom([1, 2, 11, 12, 14, 15]),
      dg7: encodeConstructedTlv(0x67, [encodeTlv(0x02, Uint8Array.of(1)), encodeTlv(0x5f43, defaultPortrait().subarray(0, 400))]),
      dg11: encodeConstructedTlv(0x6b, [encodeTlv(0x5c, Uint8Array.of(0x5f, 0x0e, 0x5f, 0x2b, 0x5f, 0x42)), encodeTlv(0x5f0e, utf8('ÉRIKSSON<<ANNA<MARIA')), encodeTlv(0x5f2b, utf8('19740812')), encodeTlv(0x5f42, utf8('1 Main Street<Zenith')), encodeConstructedTlv(0xa0, [encodeTlv(0x02, Uint8Array.of(1)), encodeTlv(0x5f0f, utf8('ANNA<<OTHER'))])]),
      dg12: encodeConstructedTlv(0x6c, [encodeTlv(0x5c, Uint8Array.of(0x5f, 0x19, 0x5f, 0x26)), encodeTlv(0x5f19, utf8('ZENITH CITY')), encodeTlv(0x5f26, utf8('20240115'))]),
      cardAccess: buildCardAccess(`${oids.pace}.2.2`, 12),
      iso19794: findTlv(decodeTlv(dg2), 0x5f2e)!.value,
      iso39794: iso39794Block(jpeg2000),
      jpeg2000,
      pki,
      sod,
      masterList: await buildMasterList(pki.csca, [pki.csca.certificate]),
      scenarioFiles: jsonFiles('scenarios'),
      manifestFiles: jsonFiles('models'),
    };
  })();
  return seeds;
}
