import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { verifyPassiveAuthentication } from '../passive-auth/passiveAuthentication.node.ts';
import { parseSod } from '../passive-auth/parseSod.node.ts';
import { TrustAnchor } from '../passive-auth/trustAnchor.node.ts';
import { loadCrls, loadTrustStore } from '../passive-auth/trustStore.node.ts';
import { buildSod } from './buildSod.node.ts';
import type { TestKeyAlgorithm } from './testPki.node.ts';
import { buildCrl, generateTestPki } from './testPki.node.ts';

const notBefore = new Date('2026-01-01T00:00:00Z');
const at = new Date('2026-06-01T00:00:00Z');
// Small generated data groups: the SOD does not care what they hold, only their exact bytes.
const dataGroups = new Map<number, Uint8Array>([
  [1, Uint8Array.from([0x61, 0x03, 0x5f, 0x1f, 0x00])],
  [2, Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) & 0xff)],
  [14, Uint8Array.from([0x6e, 0x02, 0x31, 0x00])],
]);

// RSA key generation is slow on shared machines: each PKI is generated once and reused by the tests that need it.
const cache = new Map<string, ReturnType<typeof generateTestPki>>();
function pkiFor(algorithm: TestKeyAlgorithm, name = 'main') {
  const key = `${algorithm}/${name}`;
  if (!cache.has(key)) cache.set(key, generateTestPki({ algorithm, notBefore }));
  return cache.get(key)!;
}

const statusOf = (checks: readonly { check: string; status: string; dg?: number }[], name: string, dg?: number) =>
  checks.find((c) => c.check === name && (dg === undefined || c.dg === dg))?.status;

describe.each<TestKeyAlgorithm>(['ecdsa-p256', 'rsa'])('buildSod with a %s test PKI', (algorithm) => {
  it('produces an EF.SOD that passes Passive Authentication against the generated CSCA', { timeout: 60_000 }, async () => {
    const pki = await pkiFor(algorithm);
    const sod = await buildSod({ dataGroups, ds: pki.ds, hashAlgorithm: 'SHA-256', ldsVersion: { lds: '0108', unicode: '040000' } });
    expect(sod[0]).toBe(0x77);
    const parsed = parseSod(sod);
    expect(parsed.eContentType).toBe('2.23.136.1.1.1');
    expect([...parsed.securityObject.dataGroupHashes.keys()]).toEqual([1, 2, 14]);
    expect(parsed.securityObject.ldsVersion).toBe('0108');
    const result = verifyPassiveAuthentication({ sod, dataGroups, anchors: [new TrustAnchor(pki.csca.der, 'generated')], at });
    expect(result.checks.filter((c) => c.status !== 'passed').map((c) => c.check)).toEqual(['crl']);
    expect(result.verdict).toBe('verified');
  });

  it('faulty SODs fail the right check', async () => {
    const pki = await pkiFor(algorithm);
    const anchors = [new TrustAnchor(pki.csca.der, 'generated')];
    const badSignature = await buildSod({ dataGroups, ds: pki.ds, hashAlgorithm: 'SHA-256', faults: ['bad_signature'] });
    expect(statusOf(verifyPassiveAuthentication({ sod: badSignature, dataGroups, anchors, at }).checks, 'sod_signature')).toBe('failed');
    const wrongHash = await buildSod({ dataGroups, ds: pki.ds, hashAlgorithm: 'SHA-256', faults: ['wrong_hash'], wrongHashDataGroup: 2 });
    const wrong = verifyPassiveAuthentication({ sod: wrongHash, dataGroups, anchors, at });
    expect([statusOf(wrong.checks, 'sod_signature'), statusOf(wrong.checks, 'dg_hash', 1), statusOf(wrong.checks, 'dg_hash', 2)]).toEqual(['passed', 'passed', 'failed']);
    const noCert = await buildSod({ dataGroups, ds: pki.ds, hashAlgorithm: 'SHA-256', faults: ['no_certificate'] });
    expect(statusOf(verifyPassiveAuthentication({ sod: noCert, dataGroups, anchors, at }).checks, 'sod_signature')).toBe('failed');
    expect(statusOf(verifyPassiveAuthentication({ sod: noCert, dataGroups, anchors, at, documentSigners: [pki.ds.certificate] }).checks, 'sod_signature')).toBe('passed');
  });

  it('a tampered SOD or a foreign CSCA fails', { timeout: 60_000 }, async () => {
    const pki = await pkiFor(algorithm);
    const other = await pkiFor(algorithm, 'other');
    const sod = await buildSod({ dataGroups, ds: pki.ds, hashAlgorithm: 'SHA-384' });
    const tampered = sod.slice();
    const hash = parseSod(sod).securityObject.dataGroupHashes.get(2)!;
    tampered[Buffer.from(sod).indexOf(Buffer.from(hash))]! ^= 0x80;
    expect(statusOf(verifyPassiveAuthentication({ sod: tampered, dataGroups, anchors: [new TrustAnchor(pki.csca.der, 'generated')], at }).checks, 'sod_signature')).toBe('failed');
    const foreign = verifyPassiveAuthentication({ sod, dataGroups, anchors: [new TrustAnchor(other.csca.der, 'other')], at });
    expect(statusOf(foreign.checks, 'csca_chain')).toBe('failed');
  });
});

describe('CRL check with a generated CRL', () => {
  it('passes when the DSC is not listed and fails when it is revoked', async () => {
    const pki = await generateTestPki({ algorithm: 'ecdsa-p256', notBefore, dsSerial: 42 });
    const sod = await buildSod({ dataGroups, ds: pki.ds, hashAlgorithm: 'SHA-256' });
    const anchors = [new TrustAnchor(pki.csca.der, 'generated')];
    const crl = async (serials: number[]) => pkijs.CertificateRevocationList.fromBER(Uint8Array.from(await buildCrl(pki.csca, serials, new Date('2026-05-01'), new Date('2026-07-01'))));
    expect(verifyPassiveAuthentication({ sod, dataGroups, anchors, at, crls: [await crl([7])] }).checks.find((c) => c.check === 'crl')).toMatchObject({ status: 'passed' });
    const revoked = verifyPassiveAuthentication({ sod, dataGroups, anchors, at, crls: [await crl([42])] });
    expect(revoked.checks.find((c) => c.check === 'crl')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/revoked/) });
    expect(revoked.verdict).toBe('failed');
  });
});

describe('trust from a folder of CSCA certificates', () => {
  it('loads PEM and DER files and chains to the right one', async () => {
    const pki = await pkiFor('ecdsa-p256');
    const other = await generateTestPki({ algorithm: 'ecdsa-p256', notBefore, country: 'XX' });
    const dir = mkdtempSync(join(tmpdir(), 'booth-csca-'));
    try {
      const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(pki.csca.der).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
      writeFileSync(join(dir, 'test-csca.pem'), pem);
      writeFileSync(join(dir, 'other.der'), other.csca.der);
      writeFileSync(join(dir, 'notes.txt'), 'ignored');
      const crl = await buildCrl(pki.csca, [2], new Date('2026-05-01'), new Date('2026-07-01'));
      writeFileSync(join(dir, 'csca.crl'), crl);
      writeFileSync(join(dir, 'csca-crl.pem'), `-----BEGIN X509 CRL-----\n${Buffer.from(crl).toString('base64')}\n-----END X509 CRL-----\n`);
      const crls = loadCrls([join(dir, 'csca.crl'), join(dir, 'csca-crl.pem')]);
      expect(crls.map((c) => c.revokedCertificates?.length)).toEqual([1, 1]);
      const store = loadTrustStore([dir], at);
      expect(store.anchors.map((a) => a.source)).toEqual(['other.der', 'test-csca.pem']);
      const sod = await buildSod({ dataGroups, ds: pki.ds, hashAlgorithm: 'SHA-256' });
      const result = verifyPassiveAuthentication({ sod, dataGroups, anchors: store.anchors, at });
      expect(result.checks.find((c) => c.check === 'csca_chain')).toMatchObject({ status: 'passed', detail: { source: 'test-csca.pem', csca: 'C=UT, O=Booth Test PKI, CN=Booth Test CSCA' } });
      const revoked = verifyPassiveAuthentication({ sod, dataGroups, anchors: store.anchors, crls, at });
      expect(revoked.checks.find((c) => c.check === 'crl')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/serial 02\) was revoked/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
