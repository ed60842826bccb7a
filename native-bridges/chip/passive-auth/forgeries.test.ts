import { KeyObject, constants, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PassiveAuthenticationPolicy } from '../../../app/document/lds/chipVerdict';
import { buildSod } from '../pki/buildSod.node.ts';
import type { TestPki } from '../pki/testPki.node.ts';
import { buildCrl, generateTestPki } from '../pki/testPki.node.ts';
import { buildDg1 } from '../simulator/ldsBuilder.node.ts';
import type { PassiveAuthenticationInput } from './passiveAuthentication.node.ts';
import { verifyPassiveAuthentication } from './passiveAuthentication.node.ts';
import { TrustAnchor } from './trustAnchor.node.ts';

// Forged documents built from our own PKI: every way a forger can re-sign, re-issue or replay chip data must
// come out failed or not verifiable, never verified. The booth's policy: DG1 and DG2 read and hashed.

const notBefore = new Date('2026-01-01T00:00:00Z');
const at = new Date('2026-06-01T00:00:00Z');
const boothPolicy: PassiveAuthenticationPolicy = { requiredDataGroups: [1, 2], requireCrl: false };
const mrz = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const genuine = new Map<number, Uint8Array>([
  [1, buildDg1(mrz)],
  [2, Uint8Array.from({ length: 2000 }, (_, i) => (i * 13) & 0xff)],
]);
const altered = new Map(genuine).set(1, buildDg1([mrz[0]!.replace('ERIKSSON', 'FORGERSON'), mrz[1]!]));

let real: TestPki;
/** Same names as the real CSCA and DS (C=UT, 'Booth Test CSCA'): a forger's own keys behind the right country name. */
let lookalike: TestPki;
/** A forger's own PKI under another state's name. */
let foreign: TestPki;
let anchors: TrustAnchor[];
beforeAll(async () => {
  [real, lookalike, foreign] = await Promise.all([
    generateTestPki({ algorithm: 'ecdsa-p256', notBefore, dsSerial: 42 }),
    generateTestPki({ algorithm: 'ecdsa-p256', notBefore, dsSerial: 42 }),
    generateTestPki({ algorithm: 'ecdsa-p256', notBefore, country: 'NZ' }),
  ]);
  anchors = [new TrustAnchor(real.csca.der, 'trusted CSCA')];
}, 60_000);

const verify = (input: Partial<PassiveAuthenticationInput> & Pick<PassiveAuthenticationInput, 'sod' | 'dataGroups'>) => verifyPassiveAuthentication({ anchors, at, policy: boothPolicy, ...input });
const check = (result: ReturnType<typeof verify>, name: string, dg?: number) => result.checks.find((c) => c.check === name && (dg === undefined || c.dg === dg));
const crlOf = async (issuer: TestPki, serials: number[], nextUpdate = new Date('2026-07-01')) =>
  pkijs.CertificateRevocationList.fromBER(Uint8Array.from(await buildCrl(issuer.csca, serials, new Date('2026-05-01'), nextUpdate)));

describe('forged chip data is never verified', () => {
  it('control: the genuine document is verified', async () => {
    const result = verify({ sod: await buildSod({ dataGroups: genuine, ds: real.ds, hashAlgorithm: 'SHA-256' }), dataGroups: genuine });
    expect(result.verdict).toBe('verified');
  });

  it('altered DG1 with the original SOD: hash mismatch, failed', async () => {
    const result = verify({ sod: await buildSod({ dataGroups: genuine, ds: real.ds, hashAlgorithm: 'SHA-256' }), dataGroups: altered });
    expect(check(result, 'dg_hash', 1)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/DG1 does not match/) });
    expect(result.verdict).toBe('failed');
    expect(result.verdictReason).toMatch(/^Chip data NOT genuine: DG1 does not match/);
  });

  it('altered DG1 with an SOD re-signed by a self-made Document Signer of another state: untrusted, not verifiable', async () => {
    const sod = await buildSod({ dataGroups: altered, ds: foreign.ds, hashAlgorithm: 'SHA-256' });
    const result = verify({ sod, dataGroups: altered, issuingState: 'NZL' });
    expect(check(result, 'sod_signature')?.status).toBe('passed');
    expect(check(result, 'dg_hash', 1)?.status).toBe('passed');
    expect(check(result, 'csca_chain')?.status).toBe('not_possible');
    expect(result.verdict).toBe('not_verifiable');
    expect(result.verdictReason).toBe('Chip data signed by an untrusted signer: no CSCA for NZL in the trust list');
    // Without DG1's issuing state the signer's own country names the state.
    expect(verify({ sod, dataGroups: altered }).verdictReason).toBe('Chip data signed by an untrusted signer: no CSCA for NZ in the trust list');
  });

  it('a Document Signer issued by a self-made CSCA with the right country name: the chain fails, failed', async () => {
    const result = verify({ sod: await buildSod({ dataGroups: altered, ds: lookalike.ds, hashAlgorithm: 'SHA-256' }), dataGroups: altered });
    expect(check(result, 'csca_chain')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/does not verify with any of the 1 CSCA/) });
    expect(result.verdict).toBe('failed');
  });

  it('an expired Document Signer: failed', async () => {
    const old = await generateTestPki({ algorithm: 'ecdsa-p256', notBefore: new Date('2020-01-01T00:00:00Z'), validityDays: 30 });
    const result = verify({ sod: await buildSod({ dataGroups: genuine, ds: old.ds, hashAlgorithm: 'SHA-256' }), dataGroups: genuine, anchors: [new TrustAnchor(old.csca.der, 'old CSCA')] });
    expect(check(result, 'csca_chain')?.status).toBe('passed');
    expect(check(result, 'ds_certificate_validity')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/not on 2026-06-01/) });
    expect(result.verdict).toBe('failed');
  });

  it('a revoked Document Signer with its CSCA\'s CRL loaded: failed', async () => {
    const sod = await buildSod({ dataGroups: genuine, ds: real.ds, hashAlgorithm: 'SHA-256' });
    const result = verify({ sod, dataGroups: genuine, crls: [await crlOf(real, [42])] });
    expect(check(result, 'crl')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/revoked/) });
    expect(result.verdict).toBe('failed');
    expect(verify({ sod, dataGroups: genuine, crls: [await crlOf(real, [7])] }).verdict).toBe('verified');
  });

  it('a CRL not signed by the CSCA (a forger\'s CRL that omits the revoked signer): not verifiable', async () => {
    const result = verify({ sod: await buildSod({ dataGroups: genuine, ds: real.ds, hashAlgorithm: 'SHA-256' }), dataGroups: genuine, crls: [await crlOf(lookalike, [])] });
    expect(check(result, 'crl')).toMatchObject({ status: 'not_possible', reason: expect.stringMatching(/not signed by its CSCA/), detail: { crl: 'unauthentic' } });
    expect(result.verdict).toBe('not_verifiable');
  });

  it('an expired CRL: revocation unknown, not verifiable', async () => {
    const result = verify({ sod: await buildSod({ dataGroups: genuine, ds: real.ds, hashAlgorithm: 'SHA-256' }), dataGroups: genuine, crls: [await crlOf(real, [], new Date('2026-05-15'))] });
    expect(check(result, 'crl')).toMatchObject({ status: 'not_possible', reason: expect.stringMatching(/expired on 2026-05-15/) });
    expect(result.verdict).toBe('not_verifiable');
  });

  it('no CRL at all where the policy requires one: not verifiable', async () => {
    const result = verify({ sod: await buildSod({ dataGroups: genuine, ds: real.ds, hashAlgorithm: 'SHA-256' }), dataGroups: genuine, policy: { ...boothPolicy, requireCrl: true } });
    expect(result.verdict).toBe('not_verifiable');
    expect(result.verdictReason).toMatch(/no CRL/);
  });

  it('a data group read that the SOD does not hash: failed', async () => {
    const sod = await buildSod({ dataGroups: genuine, ds: real.ds, hashAlgorithm: 'SHA-256' });
    const result = verify({ sod, dataGroups: new Map(genuine).set(11, Uint8Array.of(0x6b, 0x00)) });
    expect(check(result, 'dg_hash', 11)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/SOD holds no hash/) });
    expect(result.verdict).toBe('failed');
  });

  it('a required data group not read (DG2 withheld): not verifiable', async () => {
    const sod = await buildSod({ dataGroups: genuine, ds: real.ds, hashAlgorithm: 'SHA-256' });
    const result = verify({ sod, dataGroups: new Map([[1, genuine.get(1)!]]) });
    expect(result.verdict).toBe('not_verifiable');
    expect(result.verdictReason).toMatch(/DG2 was not read/);
  });
});

describe('RSA-PSS whose MGF1 hash differs from the message hash', () => {
  const sha = { sha1: '1.3.14.3.2.26', sha256: '2.16.840.1.101.3.4.2.1' } as const;
  /** Re-signs the SignerInfo with RSA-PSS (SHA-256, MGF1-SHA-256, salt 32) but declares `declaredMgf` as the MGF1 hash. */
  const pssWith = (pki: TestPki, declaredMgf: keyof typeof sha) => (signedData: pkijs.SignedData) => {
    const signerInfo = signedData.signerInfos[0]!;
    const attributes = new Uint8Array(signerInfo.signedAttrs!.toSchema().toBER(false));
    attributes[0] = 0x31; // CMS signs the attributes as a SET, not as their [0] IMPLICIT encoding
    const key = KeyObject.from(pki.ds.privateKey);
    const signature = sign('sha256', attributes, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    const params = new pkijs.RSASSAPSSParams({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: sha.sha256, algorithmParams: new asn1js.Null() }),
      maskGenAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.8', algorithmParams: new pkijs.AlgorithmIdentifier({ algorithmId: sha[declaredMgf], algorithmParams: new asn1js.Null() }).toSchema() }),
      saltLength: 32,
    });
    signerInfo.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.10', algorithmParams: params.toSchema() });
    signerInfo.signature = new asn1js.OctetString({ valueHex: new Uint8Array(signature) });
  };

  it('is verified when the declared MGF1 hash is the one used, and never when it differs', { timeout: 60_000 }, async () => {
    const rsa = await generateTestPki({ algorithm: 'rsa', notBefore });
    const rsaAnchors = [new TrustAnchor(rsa.csca.der, 'rsa CSCA')];
    const honest = await buildSod({ dataGroups: genuine, ds: rsa.ds, hashAlgorithm: 'SHA-256', afterSigning: pssWith(rsa, 'sha256') });
    const honestResult = verify({ sod: honest, dataGroups: genuine, anchors: rsaAnchors });
    expect(check(honestResult, 'sod_signature')).toMatchObject({ status: 'passed', detail: { algorithm: 'RSA-PSS with SHA-256 (salt 32)' } });
    expect(honestResult.verdict).toBe('verified');

    const mismatched = await buildSod({ dataGroups: genuine, ds: rsa.ds, hashAlgorithm: 'SHA-256', afterSigning: pssWith(rsa, 'sha1') });
    const result = verify({ sod: mismatched, dataGroups: genuine, anchors: rsaAnchors });
    // node:crypto would check MGF1 with the message hash: another scheme than declared, so the check is not made.
    expect(check(result, 'sod_signature')).toMatchObject({ status: 'not_possible', reason: 'RSA-PSS with MGF1-sha1 different from the message hash sha256 is not supported', detail: { algorithm: 'RSA-PSS with SHA-256 (salt 32)' } });
    expect(result.verdict).toBe('not_verifiable');
  });
});
