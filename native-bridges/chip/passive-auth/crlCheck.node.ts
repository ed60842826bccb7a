import type * as pkijs from 'pkijs';
import type { ChipCheck } from '../../../app/document/lds/chipCheck';
import { signatureSchemeOf } from './algorithms';
import { describeName, isoDate, serialHex, spkiOf } from './certificates.node.ts';
import { importSpki, verifySignature } from './verifySignature.node.ts';

/** Whether `csca` signed the CRL. */
export function crlSignedBy(crl: pkijs.CertificateRevocationList, csca: pkijs.Certificate): boolean {
  try {
    return verifySignature(crl.tbsView, crl.signatureValue.valueBlock.valueHexView, importSpki(spkiOf(csca)), signatureSchemeOf(crl.signatureAlgorithm));
  } catch {
    // A key or algorithm that cannot check it: the CRL cannot be relied on, which is what false means here.
    return false;
  }
}

/**
 * Checks the Document Signer against the CRLs of its CSCA. Only a CRL signed by that CSCA counts: one that
 * is not (a forged or mislabelled file) says nothing about revocation. `detail.crl` tells the verdict what was
 * found: 'none' (no CRL of that state loaded), 'unauthentic' (loaded, but not signed by the CSCA), 'expired'
 * (the newest authentic one is past its next update), 'current'.
 */
export function checkCrl(dsc: pkijs.Certificate, csca: pkijs.Certificate | undefined, crls: readonly pkijs.CertificateRevocationList[], at: Date): ChipCheck {
  const serial = serialHex(dsc);
  const mine = crls.filter((crl) => crl.issuer.isEqual(dsc.issuer));
  if (mine.length === 0) return { check: 'crl', status: 'not_possible', reason: `no CRL from ${describeName(dsc.issuer)} is loaded`, detail: { crl: 'none', serial } };
  if (!csca) return { check: 'crl', status: 'not_possible', reason: 'the CSCA is unknown, so its CRL cannot be authenticated', detail: { crl: 'unauthentic', serial } };
  const authentic = mine.filter((crl) => crlSignedBy(crl, csca));
  if (authentic.length === 0) {
    return { check: 'crl', status: 'not_possible', reason: `the CRL of ${describeName(dsc.issuer)} is not signed by its CSCA: revocation status unknown`, detail: { crl: 'unauthentic', serial } };
  }
  for (const crl of authentic) {
    const revoked = crl.revokedCertificates?.find((r) => Buffer.from(r.userCertificate.valueBlock.valueHexView).toString('hex') === serial);
    if (revoked) {
      return { check: 'crl', status: 'failed', reason: `Document Signer certificate (serial ${serial}) was revoked on ${isoDate(revoked.revocationDate.value)}`, detail: { crl: 'current', serial } };
    }
  }
  const newest = authentic.reduce((a, b) => (b.thisUpdate.value.getTime() > a.thisUpdate.value.getTime() ? b : a));
  const nextUpdate = newest.nextUpdate?.value;
  if (nextUpdate && nextUpdate.getTime() < at.getTime()) {
    return { check: 'crl', status: 'not_possible', reason: `the CRL of ${describeName(dsc.issuer)} expired on ${isoDate(nextUpdate)}: revocation status unknown`, detail: { crl: 'expired', serial } };
  }
  return { check: 'crl', status: 'passed', detail: { crl: 'current', serial, crls: authentic.length } };
}
