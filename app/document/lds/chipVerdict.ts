import { z } from 'zod';
import type { ChipCheck, ChipCheckName } from './chipCheck';

/**
 * Three verdicts, never two. `verified`: every check Passive Authentication needs was made and passed.
 * `failed`: a check was made and failed (the data or its signer is not genuine). `not_verifiable`: a check
 * could not be made (no CSCA for that state, a data group not read, no usable CRL where one is needed), so
 * nothing proves the data genuine, and nothing proves it forged either. Not green.
 */
export const chipVerdictSchema = z.enum(['verified', 'not_verifiable', 'failed']);
export type ChipVerdict = z.infer<typeof chipVerdictSchema>;

/** What Passive Authentication must establish before it may say `verified` (booth setting `chipPolicy`). */
export const passiveAuthenticationPolicySchema = z.strictObject({
  /** Data groups that must have been read and hash-checked (DG1: the MRZ, DG2: the face the officer compares). */
  requiredDataGroups: z.array(z.number().int().min(1).max(16)).max(16).default([1, 2]),
  /** When true, a Document Signer whose state has no current, CSCA-signed CRL loaded is not verifiable. */
  requireCrl: z.boolean().default(false),
});
export type PassiveAuthenticationPolicy = z.output<typeof passiveAuthenticationPolicySchema>;

/** Checks whose outcome decides Passive Authentication; the rest (trust-store loading, AA/CA, DG1 vs MRZ) do not. */
export const passiveAuthenticationChecks: readonly ChipCheckName[] = ['sod_structure', 'sod_signature', 'dg_hash', 'ds_certificate_validity', 'csca_chain', 'crl'];
/** Checks that must have passed (not merely not failed) for `verified`. */
const mustPass: readonly ChipCheckName[] = ['sod_structure', 'sod_signature', 'ds_certificate_validity', 'csca_chain'];

export interface VerdictWithReason {
  readonly verdict: ChipVerdict;
  /** One line for the headline: why it failed or could not be verified; undefined when verified. */
  readonly reason?: string;
}

/**
 * Why a CRL check that could not be made matters. The crl check says in `detail.crl` what it found:
 * 'none' (no CRL of that state loaded: fine unless the policy requires one), 'expired' or 'unauthentic'
 * (a CRL is loaded but cannot be relied on: revocation status unknown).
 */
function crlBlocks(check: ChipCheck, policy: PassiveAuthenticationPolicy): boolean {
  if (check.status !== 'not_possible') return false;
  return check.detail?.crl !== 'none' || policy.requireCrl;
}

function untrustedSignerHeadline(chain: ChipCheck, issuingState: string | undefined): string {
  const state = issuingState ?? (typeof chain.detail?.issuerCountry === 'string' ? chain.detail.issuerCountry : undefined);
  return state ? `Chip data signed by an untrusted signer: no CSCA for ${state} in the trust list` : `Chip data signed by an untrusted signer: ${chain.reason ?? 'no CSCA in the trust list'}`;
}

/**
 * The Passive Authentication verdict of a list of chip checks. `issuingState` (from DG1, when read) names the
 * state in the headline; otherwise the Document Signer's issuer country is used.
 */
export function passiveAuthenticationVerdict(checks: readonly ChipCheck[], policy: PassiveAuthenticationPolicy, issuingState?: string): VerdictWithReason {
  const relevant = checks.filter((c) => passiveAuthenticationChecks.includes(c.check));
  const failed = relevant.find((c) => c.status === 'failed');
  if (failed) return { verdict: 'failed', reason: `Chip data NOT genuine: ${failed.reason ?? `${failed.check} failed`}` };
  for (const name of mustPass) {
    const check = relevant.find((c) => c.check === name);
    if (!check) return { verdict: 'not_verifiable', reason: `Chip data not verifiable: the ${name.replace(/_/g, ' ')} check was not made` };
    if (check.status === 'passed') continue;
    if (name === 'csca_chain') return { verdict: 'not_verifiable', reason: untrustedSignerHeadline(check, issuingState) };
    return { verdict: 'not_verifiable', reason: `Chip data not verifiable: ${check.reason ?? `${name.replace(/_/g, ' ')} not possible`}` };
  }
  // A data group whose hash could not be computed (unsupported algorithm) is unchecked data. Only a check that
  // says the group was never read is excused: one that does not say is counted as unchecked, never as passed.
  const unchecked = relevant.find((c) => c.check === 'dg_hash' && c.status === 'not_possible' && c.detail?.read !== false);
  if (unchecked) return { verdict: 'not_verifiable', reason: `Chip data not verifiable: ${unchecked.reason ?? `DG${unchecked.dg} could not be checked`}` };
  for (const dg of policy.requiredDataGroups) {
    const hash = relevant.find((c) => c.check === 'dg_hash' && c.dg === dg);
    if (!hash) return { verdict: 'not_verifiable', reason: `Chip data not verifiable: the security object holds no hash for DG${dg}` };
    if (hash.status !== 'passed') return { verdict: 'not_verifiable', reason: `Chip data not verifiable: ${hash.reason ?? `DG${dg} was not checked`}` };
  }
  const crl = relevant.find((c) => c.check === 'crl');
  if (!crl && policy.requireCrl) return { verdict: 'not_verifiable', reason: 'Chip data not verifiable: no CRL check was made' };
  if (crl && crlBlocks(crl, policy)) return { verdict: 'not_verifiable', reason: `Chip data not verifiable: ${crl.reason ?? 'revocation status unknown'}` };
  return { verdict: 'verified' };
}

/**
 * The verdict of a whole chip read: failed when any check failed (clone checks and DG1 vs MRZ included),
 * otherwise the Passive Authentication verdict.
 */
export function chipReadVerdict(checks: readonly ChipCheck[], policy: PassiveAuthenticationPolicy, issuingState?: string): VerdictWithReason {
  const passive = passiveAuthenticationVerdict(checks, policy, issuingState);
  if (passive.verdict === 'failed') return passive;
  const failed = checks.find((c) => c.status === 'failed' && !passiveAuthenticationChecks.includes(c.check) && c.check !== 'master_list');
  if (failed) return { verdict: 'failed', reason: `Chip check FAILED: ${failed.reason ?? `${failed.check} failed`}` };
  return passive;
}
