import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PkiEntity, TestPki } from '../pki/testPki.node.ts';
import { buildCrl, generateTestPki } from '../pki/testPki.node.ts';
import { checkCrl, crlSignedBy } from './crlCheck.node.ts';

// Revocation as an officer's agency states it: only a CRL signed by the Document Signer's own CSCA says anything;
// a forged, mislabelled or out-of-date CRL leaves revocation unknown (not verifiable), never "not revoked".

const notBefore = new Date('2026-01-01T00:00:00Z');
const at = new Date('2026-06-01T00:00:00Z');
const issuerName = 'C=UT, O=Booth Test PKI, CN=Booth Test CSCA';

let real: TestPki;
/** Same names, other keys: a forger's CSCA behind the right name. */
let lookalike: TestPki;
let foreign: TestPki;
beforeAll(async () => {
  [real, lookalike, foreign] = await Promise.all([
    generateTestPki({ algorithm: 'ecdsa-p256', notBefore, dsSerial: 42 }),
    generateTestPki({ algorithm: 'ecdsa-p256', notBefore, dsSerial: 42 }),
    generateTestPki({ algorithm: 'ecdsa-p256', notBefore, country: 'NZ', dsSerial: 42 }),
  ]);
}, 60_000);

const crlOf = async (issuer: PkiEntity, serials: number[], nextUpdate: Date = new Date('2026-07-01'), thisUpdate = new Date('2026-05-01')) =>
  pkijs.CertificateRevocationList.fromBER(Uint8Array.from(await buildCrl(issuer, serials, thisUpdate, nextUpdate)));

/**
 * A CRL with no nextUpdate (optional in X.509: nothing says when it goes out of date). pkijs cannot encode one,
 * so the field is dropped after parsing; the signature still covers the bytes as signed.
 */
async function crlWithoutNextUpdate(issuer: PkiEntity): Promise<pkijs.CertificateRevocationList> {
  const crl = await crlOf(issuer, []);
  delete crl.nextUpdate;
  return crl;
}

const check = (crls: pkijs.CertificateRevocationList[], when = at) => checkCrl(real.ds.certificate, real.csca.certificate, crls, when);

describe('the CRL check of a Document Signer', () => {
  it('with no CRL of its CSCA loaded, it is not possible and says none was loaded', async () => {
    expect(check([])).toEqual({ check: 'crl', status: 'not_possible', reason: `no CRL from ${issuerName} is loaded`, detail: { crl: 'none', serial: '2a' } });
    // Another state's CRL says nothing about this signer.
    expect(check([await crlOf(foreign.csca, [42])])).toMatchObject({ status: 'not_possible', detail: { crl: 'none' } });
  });

  it('when the CSCA is unknown, its CRL cannot be authenticated', async () => {
    expect(checkCrl(real.ds.certificate, undefined, [await crlOf(real.csca, [])], at)).toEqual({
      check: 'crl',
      status: 'not_possible',
      reason: 'the CSCA is unknown, so its CRL cannot be authenticated',
      detail: { crl: 'unauthentic', serial: '2a' },
    });
  });

  it('a CRL not signed by the CSCA (a forger\'s CRL under its name) leaves revocation unknown', async () => {
    expect(check([await crlOf(lookalike.csca, [])])).toEqual({
      check: 'crl',
      status: 'not_possible',
      reason: `the CRL of ${issuerName} is not signed by its CSCA: revocation status unknown`,
      detail: { crl: 'unauthentic', serial: '2a' },
    });
  });

  it('a Document Signer on its CSCA\'s CRL is revoked: failed, with the serial and the date', async () => {
    expect(check([await crlOf(real.csca, [7, 42])])).toEqual({
      check: 'crl',
      status: 'failed',
      reason: 'Document Signer certificate (serial 2a) was revoked on 2026-05-01',
      detail: { crl: 'current', serial: '2a' },
    });
  });

  it('a revocation counts from any authentic CRL, not only the newest', async () => {
    const older = await crlOf(real.csca, [42], new Date('2026-07-01'), new Date('2026-04-01'));
    const newer = await crlOf(real.csca, [], new Date('2026-07-01'), new Date('2026-05-01'));
    expect(check([newer, older]).status).toBe('failed');
  });

  it('a forged CRL can neither revoke nor clear: only the authentic one is read', async () => {
    const authentic = await crlOf(real.csca, []);
    expect(check([await crlOf(lookalike.csca, [42]), authentic])).toEqual({ check: 'crl', status: 'passed', detail: { crl: 'current', serial: '2a', crls: 1 } });
    expect(check([await crlOf(lookalike.csca, []), await crlOf(real.csca, [42])]).status).toBe('failed');
  });

  it('a current authentic CRL that does not list it: passed, counting the authentic CRLs', async () => {
    expect(check([await crlOf(real.csca, [7]), await crlOf(real.csca, [8])])).toEqual({ check: 'crl', status: 'passed', detail: { crl: 'current', serial: '2a', crls: 2 } });
  });

  it('an expired CRL (past its next update) leaves revocation unknown', async () => {
    expect(check([await crlOf(real.csca, [], new Date('2026-05-15'))])).toEqual({
      check: 'crl',
      status: 'not_possible',
      reason: `the CRL of ${issuerName} expired on 2026-05-15: revocation status unknown`,
      detail: { crl: 'expired', serial: '2a' },
    });
  });

  it('a CRL is current up to and including its next update', async () => {
    const crl = await crlOf(real.csca, [], at);
    expect(check([crl]).status).toBe('passed');
    expect(check([crl], new Date(at.getTime() + 1)).detail).toMatchObject({ crl: 'expired' });
  });

  it('the newest authentic CRL (by this update) decides whether the list is out of date, whatever the order', async () => {
    const expiredOlder = await crlOf(real.csca, [], new Date('2026-05-15'), new Date('2026-04-01'));
    const currentNewer = await crlOf(real.csca, [], new Date('2026-07-01'), new Date('2026-05-01'));
    expect(check([expiredOlder, currentNewer]).status).toBe('passed');
    expect(check([currentNewer, expiredOlder]).status).toBe('passed');
    const expiredNewer = await crlOf(real.csca, [], new Date('2026-05-20'), new Date('2026-05-10'));
    expect(check([currentNewer, expiredNewer]).detail).toMatchObject({ crl: 'expired' });
    expect(check([expiredNewer, currentNewer]).detail).toMatchObject({ crl: 'expired' });
  });

  it('a CRL without a next update is taken as current', async () => {
    expect(check([await crlWithoutNextUpdate(real.csca)])).toMatchObject({ status: 'passed', detail: { crl: 'current' } });
  });
});

describe('crlSignedBy', () => {
  it('is true for the CSCA that signed it and false for a look-alike', async () => {
    const crl = await crlOf(real.csca, []);
    expect(crlSignedBy(crl, real.csca.certificate)).toBe(true);
    expect(crlSignedBy(crl, lookalike.csca.certificate)).toBe(false);
  });

  it('is false, not an error, when the signature algorithm cannot be checked', async () => {
    const crl = await crlOf(real.csca, []);
    crl.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.3.4', algorithmParams: new asn1js.Null() });
    expect(crlSignedBy(crl, real.csca.certificate)).toBe(false);
  });
});
