import type * as pkijs from 'pkijs';
import type { ChipCheck } from '../../../app/document/lds/chipCheck';
import { signatureSchemeOf } from './algorithms';
import { describeName, isoDate, serialHex, spkiOf } from './certificates.node.ts';
import { importSpki, verifySignature } from './verifySignature.node.ts';

/**
 * Checks the Document Signer against the CRLs of its CSCA: the CRL must be signed by that CSCA and current
 * at `at`, and must not list the DSC's serial number.
 */
export function checkCrl(dsc: pkijs.Certificate, csca: pkijs.Certificate | undefined, crls: readonly pkijs.CertificateRevocationList[], at: Date): ChipCheck {
  if (crls.length === 0) return { check: 'crl', status: 'not_possible', reason: 'no CRL was given' };
  const mine = crls.filter((crl) => crl.issuer.isEqual(dsc.issuer));
  if (mine.length === 0) return { check: 'crl', status: 'not_possible', reason: `no CRL from ${describeName(dsc.issuer)} was given` };
  if (!csca) return { check: 'crl', status: 'not_possible', reason: 'the CSCA is unknown, so its CRL signature cannot be checked' };
  const serial = serialHex(dsc);
  for (const crl of mine) {
    let signed: boolean;
    try {
      signed = verifySignature(crl.tbsView, crl.signatureValue.valueBlock.valueHexView, importSpki(spkiOf(csca)), signatureSchemeOf(crl.signatureAlgorithm));
    } catch (error) {
      return { check: 'crl', status: 'failed', reason: `CRL signature could not be checked: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!signed) return { check: 'crl', status: 'failed', reason: `CRL of ${describeName(crl.issuer)} is not signed by the CSCA` };
    const revoked = crl.revokedCertificates?.find((r) => Buffer.from(r.userCertificate.valueBlock.valueHexView).toString('hex') === serial);
    if (revoked) {
      return { check: 'crl', status: 'failed', reason: `Document Signer certificate (serial ${serial}) was revoked on ${isoDate(revoked.revocationDate.value)}`, detail: { serial } };
    }
    const nextUpdate = crl.nextUpdate?.value;
    if (nextUpdate && nextUpdate.getTime() < at.getTime()) {
      return { check: 'crl', status: 'not_possible', reason: `the CRL expired on ${isoDate(nextUpdate)}; revocation status unknown`, detail: { serial } };
    }
  }
  return { check: 'crl', status: 'passed', detail: { serial, crls: mine.length } };
}
