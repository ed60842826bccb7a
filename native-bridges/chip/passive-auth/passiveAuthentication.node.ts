import { createHash } from 'node:crypto';
import type * as pkijs from 'pkijs';
import type { ChipCheck } from '../../../app/document/lds/chipCheck';
import type { ChipVerdict, PassiveAuthenticationPolicy } from '../../../app/document/lds/chipVerdict';
import { passiveAuthenticationVerdict } from '../../../app/document/lds/chipVerdict';
import { countryOf, describeName, isValidAt, isoDate, mayHaveIssued, verifyCertificateSignature } from './certificates.node.ts';
import { checkCrl } from './crlCheck.node.ts';
import type { ParsedSod } from './parseSod.node.ts';
import { parseSod } from './parseSod.node.ts';
import { verifySignedData } from './signedDataSignature.node.ts';
import type { TrustAnchor } from './trustAnchor.node.ts';
import { nameKey } from './trustAnchor.node.ts';

export interface PassiveAuthenticationInput {
  /** EF.SOD bytes (tag 0x77). */
  readonly sod: Uint8Array;
  /** Data group bytes as read from the chip, by number. */
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  /** CSCAs (from verified master lists or certificate folders). Empty: the chain check is not possible. */
  readonly anchors: readonly TrustAnchor[];
  /** Checks that loading the trust store produced (master list signatures), passed through into the result. */
  readonly trustChecks?: readonly ChipCheck[];
  readonly crls?: readonly pkijs.CertificateRevocationList[];
  /** Document Signer certificates to use when the SOD does not embed its signer. */
  readonly documentSigners?: readonly pkijs.Certificate[];
  /** The date certificates must be valid at (injected: the inspection time). */
  readonly at: Date;
  /** What must be established for `verified` (default: no data group required, no CRL required). */
  readonly policy?: PassiveAuthenticationPolicy;
  /** The issuing state (from DG1) for the headline; default the Document Signer issuer's country. */
  readonly issuingState?: string;
}

/** The policy of a bare SOD check: the data groups given are checked, none is required beyond them. */
export const sodOnlyPolicy: PassiveAuthenticationPolicy = { requiredDataGroups: [], requireCrl: false };

export interface PassiveAuthenticationResult {
  readonly checks: readonly ChipCheck[];
  /** verified only when every needed check was made and passed; a check that could not be made is not_verifiable. */
  readonly verdict: ChipVerdict;
  /** Why it failed or is not verifiable, in one line (the headline). */
  readonly verdictReason?: string;
  readonly hashAlgorithm?: string;
  readonly ldsVersion?: string;
  readonly documentSigner?: string;
}

function hashChecks(sod: ParsedSod, dataGroups: ReadonlyMap<number, Uint8Array>): ChipCheck[] {
  const { hashAlgorithm, hashAlgorithmOid, dataGroupHashes } = sod.securityObject;
  const numbers = [...new Set([...dataGroupHashes.keys(), ...dataGroups.keys()])].sort((a, b) => a - b);
  return numbers.map((dg): ChipCheck => {
    const expected = dataGroupHashes.get(dg);
    const bytes = dataGroups.get(dg);
    if (!expected) return { check: 'dg_hash', dg, status: 'failed', reason: `DG${dg} was read but the SOD holds no hash for it` };
    if (!bytes) return { check: 'dg_hash', dg, status: 'not_possible', reason: `DG${dg} was not read`, detail: { read: false } };
    if (!hashAlgorithm) return { check: 'dg_hash', dg, status: 'not_possible', reason: `hash algorithm ${hashAlgorithmOid} is not supported`, detail: { read: true } };
    const actual = createHash(hashAlgorithm).update(bytes).digest();
    const detail = { algorithm: hashAlgorithm, expected: Buffer.from(expected).toString('hex') };
    return actual.equals(Buffer.from(expected))
      ? { check: 'dg_hash', dg, status: 'passed', detail }
      : { check: 'dg_hash', dg, status: 'failed', reason: `DG${dg} does not match its hash in the SOD: the data group was altered`, detail: { ...detail, actual: actual.toString('hex') } };
  });
}

function chainCheck(dsc: pkijs.Certificate, anchors: readonly TrustAnchor[], at: Date): { check: ChipCheck; csca?: pkijs.Certificate } {
  const country = countryOf(dsc.issuer);
  const issuerDetail = { issuer: describeName(dsc.issuer), ...(country ? { issuerCountry: country } : {}) };
  if (anchors.length === 0) return { check: { check: 'csca_chain', status: 'not_possible', reason: 'the trust list is empty: no CSCA certificates or master lists are loaded', detail: issuerDetail } };
  const key = nameKey(dsc.issuer);
  let candidates = anchors.filter((a) => a.subjectKey === key);
  // Names encoded differently (string types) still match by comparison or key identifier: scan the issuer's country.
  if (candidates.length === 0) {
    candidates = anchors.filter((a) => a.subjectKey.includes(Buffer.from(country ?? '??').toString('hex')) && mayHaveIssued(a.certificate, dsc));
  }
  const issuerName = describeName(dsc.issuer);
  if (candidates.length === 0) {
    return { check: { check: 'csca_chain', status: 'not_possible', reason: `no CSCA named ${issuerName} is in the trust store`, detail: issuerDetail } };
  }
  const failures: string[] = [];
  for (const anchor of candidates) {
    const csca = anchor.certificate;
    const verified = verifyCertificateSignature(dsc, csca);
    if (!verified.ok) {
      failures.push(verified.reason);
      continue;
    }
    const detail = { csca: describeName(csca.subject), source: anchor.source, cscaValidUntil: isoDate(csca.notAfter.value), cscaValidAtCheckDate: isValidAt(csca, at) };
    return { check: { check: 'csca_chain', status: 'passed', detail }, csca };
  }
  return {
    check: { check: 'csca_chain', status: 'failed', reason: `Document Signer certificate does not verify with any of the ${candidates.length} CSCA(s) named ${issuerName}: ${failures[0] ?? ''}` },
  };
}

/**
 * ICAO 9303-11 Passive Authentication: the SOD's CMS signature, every data group hash, the Document Signer
 * certificate's validity at `at`, its chain to a CSCA, and CRLs. Every check is reported, never thrown, so the
 * officer sees all of them; a malformed SOD yields a failed sod_structure check.
 */
export function verifyPassiveAuthentication(input: PassiveAuthenticationInput): PassiveAuthenticationResult {
  const checks: ChipCheck[] = [...(input.trustChecks ?? [])];
  const done = (extra: Partial<PassiveAuthenticationResult> = {}): PassiveAuthenticationResult => {
    const { verdict, reason } = passiveAuthenticationVerdict(checks, input.policy ?? sodOnlyPolicy, input.issuingState);
    return { checks, verdict, ...(reason ? { verdictReason: reason } : {}), ...extra };
  };
  let sod: ParsedSod;
  try {
    sod = parseSod(input.sod);
  } catch (error) {
    checks.push({ check: 'sod_structure', status: 'failed', reason: error instanceof Error ? error.message : String(error) });
    return done();
  }
  checks.push({ check: 'sod_structure', status: 'passed', detail: { eContentType: sod.eContentType, dataGroups: [...sod.securityObject.dataGroupHashes.keys()].join(',') } });

  const signature = verifySignedData(sod.signedData, sod.eContent, sod.eContentType, input.documentSigners ?? []);
  const dsc = signature.signer;
  checks.push(
    signature.ok
      ? { check: 'sod_signature', status: 'passed', detail: { algorithm: signature.algorithm, documentSigner: describeName(signature.signer.subject) } }
      : // An algorithm this booth cannot check is a check not made, not a forgery; either way never verified.
        { check: 'sod_signature', status: signature.unsupported ? 'not_possible' : 'failed', reason: signature.reason, ...(signature.algorithm ? { detail: { algorithm: signature.algorithm } } : {}) },
  );
  checks.push(...hashChecks(sod, input.dataGroups));

  if (!dsc) {
    checks.push({ check: 'ds_certificate_validity', status: 'not_possible', reason: 'no Document Signer certificate' });
    checks.push({ check: 'csca_chain', status: 'not_possible', reason: 'no Document Signer certificate' });
    return done({ hashAlgorithm: sod.securityObject.hashAlgorithm });
  }
  const validity = { notBefore: isoDate(dsc.notBefore.value), notAfter: isoDate(dsc.notAfter.value), checkedAt: isoDate(input.at) };
  checks.push(
    isValidAt(dsc, input.at)
      ? { check: 'ds_certificate_validity', status: 'passed', detail: validity }
      : { check: 'ds_certificate_validity', status: 'failed', reason: `Document Signer certificate is valid ${validity.notBefore} to ${validity.notAfter}, not on ${validity.checkedAt}`, detail: validity },
  );
  const chain = chainCheck(dsc, input.anchors, input.at);
  checks.push(chain.check);
  checks.push(checkCrl(dsc, chain.csca, input.crls ?? [], input.at));
  return done({ hashAlgorithm: sod.securityObject.hashAlgorithm, ldsVersion: sod.securityObject.ldsVersion, documentSigner: describeName(dsc.subject) });
}
