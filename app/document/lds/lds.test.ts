import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LdsError } from './ldsError';
import { parseCom } from './parseCom';
import { parseDg1 } from './parseDg1';
import { parseDg11 } from './parseDg11';
import { parseDg12 } from './parseDg12';
import { parseDg14 } from './parseDg14';
import { parseDg15 } from './parseDg15';
import { parseDg2 } from './parseDg2';
import { parseDg7 } from './parseDg7';
import { parseIso19794Face } from './parseIso19794Face';
import { parseIso39794Face } from './parseIso39794Face';
import { encodeConstructedTlv, encodeTlv } from './tlv';
import { dataset } from '../../../testSupport/datasets';

const { path: emrtd, present } = dataset(import.meta.url, 'emrtd', 'LDS parsing of real data groups');
const read = (path: string) => new Uint8Array(readFileSync(resolve(emrtd, path)));
const utf8 = (s: string) => new TextEncoder().encode(s);

function errorOf(fn: () => unknown): LdsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LdsError) return error;
    throw error;
  }
  throw new Error('expected an LdsError');
}

describe.skipIf(!present)('DG2 biometric samples (gmrtd)', () => {
  const samples = 'iso19794_39794_dg2_samples/document';
  it('ISO 19794-5 block yields exactly the extracted JPEG', () => {
    const [face, ...rest] = parseIso19794Face(read(`${samples}/iso19794/test_data/ISO19794_Test1_Data.bin`));
    expect(rest).toHaveLength(0);
    expect(face!.mimeType).toBe('image/jpeg');
    expect(Buffer.from(face!.image).equals(Buffer.from(read(`${samples}/iso19794/test_data/ISO19794_Test1_Face.jpg`)))).toBe(true);
    expect([face!.width, face!.height]).toEqual([148, 70]);
    // The sample's header declares JPEG 2000 around a JPEG: kept as a warning, not trusted for the MIME type.
    expect(face!.warnings[0]).toMatch(/declares jpeg2000/);
  });
  it('a truncated ISO 19794-5 block gives a bad_structure error naming the problem', () => {
    const block = read(`${samples}/iso19794/test_data/ISO19794_Test1_Data.bin`);
    const error = errorOf(() => parseIso19794Face(block.subarray(0, 1000)));
    expect(error.code).toBe('bad_structure');
    expect(error.message).toMatch(/record length 5145 exceeds the 1000 bytes present/);
  });
  it('ISO 19794-5 block with a corrupted image gives a clear invalid_image error', () => {
    const error = errorOf(() => parseIso19794Face(read(`${samples}/iso19794/test_data/ISO19794_Test2_Data_InvalidImage.bin`)));
    expect(error.code).toBe('invalid_image');
    expect(error.message).toMatch(/neither JPEG .* nor JPEG 2000/);
  });
  it.each(['ICAO_39794_5_AP_AllFields.dat', 'ICAO_39794_5_AP_MandFields.dat'])('ISO 39794-5 block %s yields exactly the extracted image', (name) => {
    const [face] = parseIso39794Face(read(`${samples}/iso39794/test_data/${name}`));
    expect(face!.encoding).toBe('iso39794-5');
    expect(face!.mimeType).toBe('image/jp2');
    expect(Buffer.from(face!.image).equals(Buffer.from(read(`${samples}/iso39794/test_data/ICAO_39794_5_AP_Face.jpg`)))).toBe(true);
  });
  it('ISO 39794-5 all-fields block exposes its metadata', () => {
    const [face] = parseIso39794Face(read(`${samples}/iso39794/test_data/ICAO_39794_5_AP_AllFields.dat`));
    expect(face).toMatchObject({ width: 572, height: 731, gender: 'female', declaredFormat: 'jpeg2000' });
    expect(face!.details).toMatchObject({ captureDateTime: '2024-01-20T13:23:09Z', versionGeneration: 3, versionYear: 2019 });
  });
  it('ISO 39794-5 block with a corrupted image gives a clear invalid_image error', () => {
    const error = errorOf(() => parseIso39794Face(read(`${samples}/iso39794/test_data/ICAO_39794_5_AP_MandFields_InvalidImage.dat`)));
    expect(error.code).toBe('invalid_image');
  });
  it.each(['ICAO_39794_5_AP_DG2_AllFields.dat', 'ICAO_39794_5_AP_DG2_MandFields.dat'])('full DG2 %s (7F2E) yields the extracted image', (name) => {
    const { faces } = parseDg2(read(`${samples}/test_data/${name}`));
    expect(faces).toHaveLength(1);
    expect(faces[0]!.header.formatType).toBe('002a');
    expect(Buffer.from(faces[0]!.image).equals(Buffer.from(read(`${samples}/test_data/ICAO_39794_5_AP_DG2_Face.jpg`)))).toBe(true);
  });
});

describe.skipIf(!present)('BSI TR-03105-5 reference passport and JMRTD samples', () => {
  it('EF.COM', () => {
    expect(parseCom(read('bsi_tr03105_5_reference_dataset/EF_COM.bin'))).toEqual({ ldsVersion: '1.7', unicodeVersion: '4.0.0', dataGroups: [1, 2, 3, 4, 14], unknownTags: [] });
    expect(parseCom(read('jmrtd_samples/loes2006/ef011E.bin')).dataGroups).toEqual([1, 2, 15]);
  });
  it('DG1', () => {
    expect(parseDg1(read('bsi_tr03105_5_reference_dataset/Datagroup1.bin'))).toEqual({
      format: 'TD3',
      lines: ['P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', 'C11T002JM4D<<9608122F2310314<<<<<<<<<<<<<<<4'],
    });
    expect(parseDg1(read('jmrtd_samples/loes2006/ef0101.bin')).lines[0]).toBe('P<NLDMEULENDIJK<<LOES<ALBERTINE<<<<<<<<<<<<<');
  });
  it('DG2 with a JPEG 2000 face equal to the extracted JP2', () => {
    const { faces } = parseDg2(read('bsi_tr03105_5_reference_dataset/Datagroup2.bin'));
    expect(faces[0]).toMatchObject({ encoding: 'iso19794-5', mimeType: 'image/jp2', declaredFormat: 'jpeg2000', warnings: [] });
    expect(Buffer.from(faces[0]!.image).equals(Buffer.from(read('bsi_tr03105_5_reference_dataset/DG2_face_extracted.jp2')))).toBe(true);
    expect(parseDg2(read('jmrtd_samples/loes2006/ef0102.bin')).faces[0]!.mimeType).toBe('image/jp2');
  });
  it('DG14: Chip Authentication key (explicit EC parameters) and protocol', () => {
    const dg14 = parseDg14(read('bsi_tr03105_5_reference_dataset/Datagroup14.bin'));
    expect(dg14.chipAuthentication).toEqual([{ type: 'chipAuthentication', oid: '0.4.0.127.0.7.2.2.3.2.1', keyAgreement: 'ecdh', cipher: '3des-cbc-cbc', version: 1, keyId: undefined }]);
    expect(dg14.chipAuthenticationPublicKeys[0]!.publicKey).toMatchObject({ algorithm: 'ec', explicitParameters: true });
    expect(Buffer.from(dg14.chipAuthenticationPublicKeys[0]!.publicKey.spki).equals(Buffer.from(read('bsi_tr03105_5_reference_dataset/DG14_pk.bin')))).toBe(true);
    expect(dg14.securityInfos.map((i) => i.type)).toEqual(['chipAuthenticationPublicKey', 'chipAuthentication', 'terminalAuthentication']);
    const spec = parseDg14(read('jmrtd_samples/doc9303/spec_sample_encoded_dg14.bin'));
    expect(spec.chipAuthenticationPublicKeys[0]!.keyAgreement).toBe('dh');
  });
  it('DG15: RSA Active Authentication key as SPKI DER', () => {
    const dg15 = parseDg15(read('bsi_tr03105_5_reference_dataset/Datagroup15.bin'));
    expect(dg15.algorithm).toBe('rsa');
    expect(Buffer.from(dg15.spki).equals(Buffer.from(read('bsi_tr03105_5_reference_dataset/DG15_pk.bin')))).toBe(true);
    expect(parseDg15(read('jmrtd_samples/loes2006/ef010F.bin')).algorithm).toBe('rsa');
  });
});

describe('generated data groups (no dataset needed)', () => {
  it('DG11 personal details', () => {
    const dg11 = encodeConstructedTlv(0x6b, [
      encodeTlv(0x5c, Uint8Array.of(0x5f, 0x0e, 0x5f, 0x2b, 0x5f, 0x11)),
      encodeTlv(0x5f0e, utf8('MUSTERMANN<<ERIKA')),
      encodeTlv(0x5f2b, utf8('19640812')),
      encodeTlv(0x5f11, utf8('BERLIN')),
      encodeConstructedTlv(0xa0, [encodeTlv(0x02, Uint8Array.of(1)), encodeTlv(0x5f0f, utf8('GABLER<<ERIKA'))]),
    ]);
    expect(parseDg11(dg11)).toMatchObject({ fullName: 'MUSTERMANN<<ERIKA', fullDateOfBirth: '1964-08-12', placeOfBirth: 'BERLIN', otherNames: ['GABLER<<ERIKA'] });
  });
  it('DG12 document details', () => {
    const dg12 = encodeConstructedTlv(0x6c, [encodeTlv(0x5f19, utf8('STADT KÖLN')), encodeTlv(0x5f26, utf8('20201031')), encodeTlv(0x5f55, utf8('20201030142300'))]);
    expect(parseDg12(dg12)).toMatchObject({ issuingAuthority: 'STADT KÖLN', dateOfIssue: '2020-10-31', personalizationDateTime: '2020-10-30T14:23:00' });
  });
  it('DG7 signature image must be JPEG or JPEG 2000', () => {
    const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);
    expect(parseDg7(encodeConstructedTlv(0x67, [encodeTlv(0x02, Uint8Array.of(1)), encodeTlv(0x5f43, jpeg)])).images[0]!.mimeType).toBe('image/jpeg');
    expect(errorOf(() => parseDg7(encodeConstructedTlv(0x67, [encodeTlv(0x5f43, Uint8Array.of(1, 2, 3, 4))]))).code).toBe('invalid_image');
  });
  it('names what is wrong in malformed files', () => {
    expect(errorOf(() => parseDg1(encodeConstructedTlv(0x61, [encodeTlv(0x5f1f, utf8('P<UTO'))]))).message).toMatch(/DG1: MRZ has 5 characters/);
    expect(errorOf(() => parseDg2(Uint8Array.of(0x75, 0x05, 0x7f, 0x61))).code).toBe('bad_structure');
    expect(errorOf(() => parseCom(encodeConstructedTlv(0x60, [encodeTlv(0x5f01, utf8('0107'))]))).code).toBe('missing_field');
    expect(errorOf(() => parseIso19794Face(utf8('FAC\u0000030\u0000'))).code).toBe('unsupported');
    expect(errorOf(() => parseDg11(encodeConstructedTlv(0x6b, [encodeTlv(0x5f0e, Uint8Array.of(0x4b, 0xc3))]))).message).toMatch(/DG11: full name is not valid UTF-8/);
    expect(parseDg11(encodeConstructedTlv(0x6b, [encodeTlv(0x5f0e, utf8('Ζωή 😀 ÅSA'))])).fullName).toBe('Ζωή 😀 ÅSA');
  });
});
