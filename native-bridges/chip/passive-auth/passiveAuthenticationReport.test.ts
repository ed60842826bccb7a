import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChipCheck } from '../../../app/document/lds/chipCheck';
import type { PassiveAuthenticationPolicy } from '../../../app/document/lds/chipVerdict';
import { buildSod } from '../pki/buildSod.node.ts';
import type { PkiEntity, TestPki } from '../pki/testPki.node.ts';
import { generateTestPki } from '../pki/testPki.node.ts';
import { subjectKeyIdentifier } from './certificates.node.ts';
import type { PassiveAuthenticationInput } from './passiveAuthentication.node.ts';
import { verifyPassiveAuthentication } from './passiveAuthentication.node.ts';
import { TrustAnchor } from './trustAnchor.node.ts';

// What the officer's chip report says, check by check, for a genuine document from our own PKI: each check's
// status and the facts it shows (who signed, with what, valid when), and the chain cases beside the forgeries.

const notBefore = new Date('2026-01-01T00:00:00Z');
const at = new Date('2026-06-01T00:00:00Z');
const boothPolicy: PassiveAuthenticationPolicy = { requiredDataGroups: [1, 2], requireCrl: false };
const dataGroups = new Map<number, Uint8Array>([
  [1, Uint8Array.from({ length: 93 }, (_, i) => (i * 5) & 0xff)],
  [2, Uint8Array.from({ length: 700 }, (_, i) => (i * 13) & 0xff)],
]);
const cscaName = 'C=UT, O=Booth Test PKI, CN=Booth Test CSCA';
const dsName = 'C=UT, O=Booth Test PKI, CN=Booth Test Document Signer';

let real: TestPki;
let lookalike: TestPki;
let sod: Uint8Array;
beforeAll(async () => {
  [real, lookalike] = await Promise.all([generateTestPki({ algorithm: 'ecdsa-p256', notBefore }), generateTestPki({ algorithm: 'ecdsa-p256', notBefore })]);
  sod = await buildSod({ dataGroups, ds: real.ds, hashAlgorithm: 'SHA-256', ldsVersion: { lds: '0108', unicode: '040000' } });
}, 60_000);

const verify = (input: Partial<PassiveAuthenticationInput> = {}) =>
  verifyPassiveAuthentication({ sod, dataGroups, anchors: [new TrustAnchor(real.csca.der, 'csca/UT.der')], at, policy: boothPolicy, ...input });
const find = (checks: readonly ChipCheck[], name: string, dg?: number) => checks.find((c) => c.check === name && (dg === undefined || c.dg === dg));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('the report of a genuine document', () => {
  it('lists every check with its facts, in order, and the trust-store checks first', () => {
    const trustCheck: ChipCheck = { check: 'master_list', status: 'passed', detail: { file: 'UT.ml' } };
    const result = verify({ trustChecks: [trustCheck] });
    expect(result).toEqual({
      verdict: 'verified',
      hashAlgorithm: 'sha256',
      ldsVersion: '0108',
      documentSigner: dsName,
      checks: [
        trustCheck,
        { check: 'sod_structure', status: 'passed', detail: { eContentType: '2.23.136.1.1.1', dataGroups: '1,2' } },
        { check: 'sod_signature', status: 'passed', detail: { algorithm: 'ECDSA with SHA-256', documentSigner: dsName } },
        { check: 'dg_hash', dg: 1, status: 'passed', detail: { algorithm: 'sha256', expected: expect.stringMatching(/^[0-9a-f]{64}$/) } },
        { check: 'dg_hash', dg: 2, status: 'passed', detail: { algorithm: 'sha256', expected: expect.stringMatching(/^[0-9a-f]{64}$/) } },
        { check: 'ds_certificate_validity', status: 'passed', detail: { notBefore: '2026-01-01', notAfter: '2027-01-01', checkedAt: '2026-06-01' } },
        { check: 'csca_chain', status: 'passed', detail: { csca: cscaName, source: 'csca/UT.der', cscaValidUntil: '2035-12-30', cscaValidAtCheckDate: true } },
        { check: 'crl', status: 'not_possible', reason: `no CRL from ${cscaName} is loaded`, detail: { crl: 'none', serial: '02' } },
      ],
    });
  });

  it('a data group that does not match shows the hash expected and the hash found', () => {
    const altered = new Map(dataGroups).set(2, Uint8Array.of(1, 2, 3));
    const expected = find(verify().checks, 'dg_hash', 2)!.detail!.expected;
    expect(find(verify({ dataGroups: altered }).checks, 'dg_hash', 2)).toEqual({
      check: 'dg_hash',
      dg: 2,
      status: 'failed',
      reason: 'DG2 does not match its hash in the SOD: the data group was altered',
      detail: { algorithm: 'sha256', expected, actual: '039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81' },
    });
  });

  it('a data group the SOD lists but the chip did not give is not possible, marked as not read', () => {
    expect(find(verify({ dataGroups: new Map([[1, dataGroups.get(1)!]]) }).checks, 'dg_hash', 2)).toEqual({ check: 'dg_hash', dg: 2, status: 'not_possible', reason: 'DG2 was not read', detail: { read: false } });
  });

  it('a data group read with no hash in the SOD fails', () => {
    const result = verify({ dataGroups: new Map(dataGroups).set(3, Uint8Array.of(0x63, 0x00)) });
    expect(find(result.checks, 'dg_hash', 3)).toEqual({ check: 'dg_hash', dg: 3, status: 'failed', reason: 'DG3 was read but the SOD holds no hash for it' });
    expect(result.verdict).toBe('failed');
  });

  it('a CSCA past its own validity still anchors the chain, and the report says so', () => {
    const later = new Date('2036-06-01T00:00:00Z');
    expect(find(verify({ at: later }).checks, 'csca_chain')).toMatchObject({ status: 'passed', detail: { cscaValidAtCheckDate: false } });
  });
});

describe('the chain to a CSCA', () => {
  it('with an empty trust list it is not possible, naming the issuer and its country', () => {
    const result = verify({ anchors: [] });
    expect(find(result.checks, 'csca_chain')).toEqual({
      check: 'csca_chain',
      status: 'not_possible',
      reason: 'the trust list is empty: no CSCA certificates or master lists are loaded',
      detail: { issuer: cscaName, issuerCountry: 'UT' },
    });
    expect(result.verdict).toBe('not_verifiable');
  });

  it('with no CSCA of that name it is not possible', () => {
    const other = new TrustAnchor(lookalike.ds.der, 'not a CSCA of UT');
    expect(find(verify({ anchors: [other] }).checks, 'csca_chain')).toEqual({
      check: 'csca_chain',
      status: 'not_possible',
      reason: `no CSCA named ${cscaName} is in the trust store`,
      detail: { issuer: cscaName, issuerCountry: 'UT' },
    });
  });

  it('tries every CSCA of that name: a look-alike listed first does not hide the real one', () => {
    const anchors = [new TrustAnchor(lookalike.csca.der, 'look-alike'), new TrustAnchor(real.csca.der, 'real')];
    expect(find(verify({ anchors }).checks, 'csca_chain')).toMatchObject({ status: 'passed', detail: { source: 'real' } });
  });

  it('fails when no CSCA of that name verifies the Document Signer, counting them and giving the first reason', () => {
    const anchors = [new TrustAnchor(lookalike.csca.der, 'one'), new TrustAnchor(lookalike.csca.der, 'two')];
    expect(find(verify({ anchors }).checks, 'csca_chain')).toEqual({
      check: 'csca_chain',
      status: 'failed',
      reason: `Document Signer certificate does not verify with any of the 2 CSCA(s) named ${cscaName}: certificate signature does not verify with the issuer key`,
    });
  });

  it('finds a CSCA whose name is encoded differently by its key identifier, within the issuer\'s country', async () => {
    const ds = await documentSignerWithReencodedIssuer(real.csca);
    const reencoded = await buildSod({ dataGroups, ds, hashAlgorithm: 'SHA-256' });
    const result = verify({ sod: reencoded });
    expect(find(result.checks, 'csca_chain')).toMatchObject({ status: 'passed', detail: { source: 'csca/UT.der' } });
    expect(result.verdict).toBe('verified');
    // The look-alike CSCA has the same country and name but another key identifier: not a candidate.
    expect(find(verify({ sod: reencoded, anchors: [new TrustAnchor(lookalike.csca.der, 'look-alike')] }).checks, 'csca_chain')?.status).toBe('not_possible');
  });
});

describe('an SOD without its Document Signer certificate', () => {
  // ICAO 9303-10 requires the SOD to carry its Document Signer certificate: one without it fails its signature check.
  it('fails its signature check, and validity and chain cannot be checked', async () => {
    const bare = await buildSod({ dataGroups, ds: real.ds, hashAlgorithm: 'SHA-256', faults: ['no_certificate'] });
    const result = verify({ sod: bare });
    expect(find(result.checks, 'sod_signature')).toEqual({ check: 'sod_signature', status: 'failed', reason: 'the signing certificate named by the SignerInfo is neither embedded nor supplied' });
    expect(result.checks.slice(-2)).toEqual([
      { check: 'ds_certificate_validity', status: 'not_possible', reason: 'no Document Signer certificate' },
      { check: 'csca_chain', status: 'not_possible', reason: 'no Document Signer certificate' },
    ]);
    expect(result).toMatchObject({ verdict: 'failed', hashAlgorithm: 'sha256' });
    expect(result).not.toHaveProperty('documentSigner');
    // Given separately (as some states publish them), the signer is found and the document verified.
    expect(verify({ sod: bare, documentSigners: [real.ds.certificate] }).verdict).toBe('verified');
  });
});

/** A Document Signer of `csca` whose issuer name uses PrintableString where the CSCA's subject uses UTF8String. */
async function documentSignerWithReencodedIssuer(csca: PkiEntity): Promise<PkiEntity> {
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const name = (commonName: string) =>
    new pkijs.RelativeDistinguishedNames({
      typesAndValues: [
        new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'UT' }) }),
        new pkijs.AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.PrintableString({ value: 'Booth Test PKI' }) }),
        new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.PrintableString({ value: commonName }) }),
      ],
    });
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: 77 });
  cert.issuer = name('Booth Test CSCA');
  cert.subject = name('Booth Test Document Signer');
  cert.notBefore.value = notBefore;
  cert.notAfter.value = new Date('2027-01-01T00:00:00Z');
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  const cscaKeyId = Buffer.from(subjectKeyIdentifier(csca.certificate)!, 'hex');
  cert.extensions = [new pkijs.Extension({ extnID: '2.5.29.35', critical: false, extnValue: new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: cscaKeyId }) }).toSchema().toBER(false) })];
  await cert.sign(csca.privateKey, 'SHA-256');
  const der = new Uint8Array(cert.toSchema().toBER(false));
  expect(hex(der)).not.toContain(new TrustAnchor(csca.der, 'csca').subjectKey);
  return { certificate: pkijs.Certificate.fromBER(der), der, privateKey: keys.privateKey, keyAlgorithm: 'ecdsa-p256' };
}
