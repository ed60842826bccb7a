import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPki } from '../pki/testPki.node.ts';
import { generateTestPki } from '../pki/testPki.node.ts';
import { TrustAnchor, nameKey, subjectDer } from './trustAnchor.node.ts';

// A trust anchor is found by the subject name's DER, read without decoding the certificate: the key must be exactly
// the subject (never the issuer or another field), for version 3 and version 1 certificates alike.

let pki: TestPki;
beforeAll(async () => {
  pki = await generateTestPki({ algorithm: 'ecdsa-p256', notBefore: new Date('2026-01-01T00:00:00Z'), cscaName: 'Anchor Test CSCA' });
}, 60_000);

const hex = (bytes: Uint8Array | ArrayBuffer) => Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString('hex');
const subjectOf = (der: Uint8Array) => hex(pkijs.Certificate.fromBER(Uint8Array.from(der)).subject.valueBeforeDecode);

describe('TrustAnchor', () => {
  it('keys a CSCA by its subject DER, the key a Document Signer\'s issuer name looks up', () => {
    const anchor = new TrustAnchor(pki.csca.der, 'csca/UT.der');
    expect(anchor.subjectKey).toBe(subjectOf(pki.csca.der));
    expect(anchor.subjectKey).toBe(nameKey(pkijs.Certificate.fromBER(Uint8Array.from(pki.ds.der)).issuer));
    // The Document Signer's own subject differs from its issuer: the key is the subject, not the issuer.
    expect(new TrustAnchor(pki.ds.der, 'ds').subjectKey).toBe(subjectOf(pki.ds.der));
    expect(new TrustAnchor(pki.ds.der, 'ds').subjectKey).not.toBe(anchor.subjectKey);
    expect(anchor.source).toBe('csca/UT.der');
  });

  it('decodes the certificate once, when first needed', () => {
    const anchor = new TrustAnchor(pki.csca.der, 'csca');
    const certificate = anchor.certificate;
    expect(hex(certificate.subject.valueBeforeDecode)).toBe(anchor.subjectKey);
    expect(anchor.certificate).toBe(certificate);
  });

  it('finds the subject inside a larger buffer (a master list holds its certificates back to back)', () => {
    const backing = new Uint8Array(pki.csca.der.length + 50);
    backing.set(pki.csca.der, 30);
    expect(hex(subjectDer(backing.subarray(30, 30 + pki.csca.der.length)))).toBe(subjectOf(pki.csca.der));
  });

  it('reads the subject of a version 1 certificate (no [0] version field)', async () => {
    const v1 = await versionOneCertificate();
    expect(hex(subjectDer(v1.der))).toBe(subjectOf(v1.der));
    expect(hex(subjectDer(v1.der))).not.toBe(hex(v1.issuer));
  });

  it('refuses bytes that are not a certificate, saying what is missing', () => {
    expect(() => subjectDer(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00))).toThrow('certificate has no tbsCertificate');
    // A tbsCertificate with fewer than five fields before the subject.
    expect(() => subjectDer(Uint8Array.of(0x30, 0x07, 0x30, 0x05, 0xa0, 0x03, 0x02, 0x01, 0x02))).toThrow('certificate has no subject');
    // A subject that is not a SEQUENCE.
    const fields = [0x02, 0x01, 0x01, 0x30, 0x00, 0x30, 0x00, 0x30, 0x00, 0x04, 0x00];
    expect(() => subjectDer(Uint8Array.of(0x30, fields.length + 2, 0x30, fields.length, ...fields))).toThrow('certificate has no subject');
  });
});

async function versionOneCertificate(): Promise<{ der: Uint8Array; issuer: ArrayBuffer }> {
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const name = (cn: string) => new pkijs.RelativeDistinguishedNames({ typesAndValues: [new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: cn }) })] });
  const cert = new pkijs.Certificate();
  cert.version = 0;
  cert.serialNumber = new asn1js.Integer({ value: 5 });
  cert.issuer = name('Old Root');
  cert.subject = name('Old Subject');
  cert.notBefore.value = new Date('2026-01-01T00:00:00Z');
  cert.notAfter.value = new Date('2027-01-01T00:00:00Z');
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(keys.privateKey, 'SHA-256');
  const der = new Uint8Array(cert.toSchema().toBER(false));
  const parsed = pkijs.Certificate.fromBER(der);
  expect(parsed.version).toBe(0);
  return { der, issuer: parsed.issuer.valueBeforeDecode };
}
