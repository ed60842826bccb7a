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
    expect(result).not.toHaveProperty('verdictReason');
  });

  it('lists the data group checks in number order, those the SOD holds and those read beside them', () => {
    const read = new Map<number, Uint8Array>([[11, Uint8Array.of(0x6b, 0x00)], [2, dataGroups.get(2)!], [3, Uint8Array.of(0x63, 0x00)], [1, dataGroups.get(1)!]]);
    expect(verify({ dataGroups: read }).checks.filter((c) => c.check === 'dg_hash').map((c) => [c.dg, c.status])).toEqual([
      [1, 'passed'],
      [2, 'passed'],
      [3, 'failed'],
      [11, 'failed'],
    ]);
  });

  it('a hash algorithm this booth does not support leaves every read data group unchecked, never passed', () => {
    // SHA-256's OID in the security object (its second occurrence: after SignedData's digestAlgorithms) becomes SHA3-256's.
    const sha256 = Buffer.from('0609608648016503040201', 'hex');
    const bytes = Buffer.from(sod);
    const inContent = bytes.indexOf(sha256, bytes.indexOf(sha256) + 1);
    const unsupported = Uint8Array.from(bytes);
    unsupported[inContent + sha256.length - 1] = 0x08;
    const result = verify({ sod: unsupported });
    expect(result.checks.filter((c) => c.check === 'dg_hash')).toEqual([1, 2].map((dg) => ({ check: 'dg_hash', dg, status: 'not_possible', reason: 'hash algorithm 2.16.840.1.101.3.4.2.8 is not supported', detail: { read: true } })));
    expect(result.verdict).not.toBe('verified');
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

describe('the chain when names do not match byte for byte', () => {
  it('an issuer without a country is looked up by its exact name only', async () => {
    const ds = await documentSigner(rdn([['2.5.4.10', 'Booth Test PKI'], ['2.5.4.3', 'Booth Test CSCA']]), real.csca);
    const result = verify({ sod: await buildSod({ dataGroups, ds, hashAlgorithm: 'SHA-256' }) });
    expect(find(result.checks, 'csca_chain')).toEqual({
      check: 'csca_chain',
      status: 'not_possible',
      reason: 'no CSCA named O=Booth Test PKI, CN=Booth Test CSCA is in the trust store',
      detail: { issuer: 'O=Booth Test PKI, CN=Booth Test CSCA' },
    });
    expect(result.verdictReason).toBe('Chip data signed by an untrusted signer: no CSCA named O=Booth Test PKI, CN=Booth Test CSCA is in the trust store');
    expect(find(verify({ sod: await buildSod({ dataGroups, ds, hashAlgorithm: 'SHA-256' }), anchors: [] }).checks, 'csca_chain')?.detail).toEqual({ issuer: 'O=Booth Test PKI, CN=Booth Test CSCA' });
  });

  it('a CSCA of another country with the same key is not a candidate for a differently encoded name', async () => {
    const twin = await cscaTwin(real.csca, 'NZ');
    const ds = await documentSigner(rdn([['2.5.4.6', 'UT'], ['2.5.4.10', 'Booth Test PKI'], ['2.5.4.3', 'Booth Test CSCA']]), real.csca);
    const result = verify({ sod: await buildSod({ dataGroups, ds, hashAlgorithm: 'SHA-256' }), anchors: [new TrustAnchor(twin, 'NZ twin')] });
    expect(find(result.checks, 'csca_chain')?.status).toBe('not_possible');
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

/** A name of PrintableStrings: the encoding our test PKI does not use (it writes O and CN as UTF8String). */
function rdn(attributes: readonly (readonly [string, string])[]): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({ typesAndValues: attributes.map(([type, value]) => new pkijs.AttributeTypeAndValue({ type, value: new asn1js.PrintableString({ value }) })) });
}

const keyIdExtension = (oid: '2.5.29.14' | '2.5.29.35', keyId: Uint8Array) =>
  new pkijs.Extension({
    extnID: oid,
    critical: false,
    extnValue: (oid === '2.5.29.14' ? new asn1js.OctetString({ valueHex: keyId }) : new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyId }) }).toSchema()).toBER(false),
  });

/** A Document Signer named as issued by `issuer`, signed with the key of `csca`, whose key identifier it carries. */
async function documentSigner(issuer: pkijs.RelativeDistinguishedNames, csca: PkiEntity): Promise<PkiEntity> {
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: 77 });
  cert.issuer = issuer;
  cert.subject = rdn([['2.5.4.3', 'Booth Test Document Signer']]);
  cert.notBefore.value = notBefore;
  cert.notAfter.value = new Date('2027-01-01T00:00:00Z');
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  cert.extensions = [keyIdExtension('2.5.29.35', Buffer.from(subjectKeyIdentifier(csca.certificate)!, 'hex'))];
  await cert.sign(csca.privateKey, 'SHA-256');
  const der = new Uint8Array(cert.toSchema().toBER(false));
  return { certificate: pkijs.Certificate.fromBER(der), der, privateKey: keys.privateKey, keyAlgorithm: 'ecdsa-p256' };
}

/** A self-signed CSCA of `country` holding the same key (and key identifier) as `csca`. */
async function cscaTwin(csca: PkiEntity, country: string): Promise<Uint8Array> {
  const name = rdn([['2.5.4.6', country], ['2.5.4.3', 'Twin CSCA']]);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: 78 });
  cert.issuer = name;
  cert.subject = name;
  cert.notBefore.value = notBefore;
  cert.notAfter.value = new Date('2030-01-01T00:00:00Z');
  cert.subjectPublicKeyInfo = csca.certificate.subjectPublicKeyInfo;
  cert.extensions = [keyIdExtension('2.5.29.14', Buffer.from(subjectKeyIdentifier(csca.certificate)!, 'hex'))];
  await cert.sign(csca.privateKey, 'SHA-256');
  return new Uint8Array(cert.toSchema().toBER(false));
}

/** A Document Signer of `csca` whose issuer name uses PrintableString where the CSCA's subject uses UTF8String. */
async function documentSignerWithReencodedIssuer(csca: PkiEntity): Promise<PkiEntity> {
  const ds = await documentSigner(rdn([['2.5.4.6', 'UT'], ['2.5.4.10', 'Booth Test PKI'], ['2.5.4.3', 'Booth Test CSCA']]), csca);
  expect(hex(ds.der)).not.toContain(new TrustAnchor(csca.der, 'csca').subjectKey);
  return ds;
}
