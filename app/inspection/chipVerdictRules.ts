import type { ChipCheck, ChipCheckName } from '../document/lds/chipCheck';
import { passiveAuthenticationChecks } from '../document/lds/chipVerdict';
import type { InspectionPolicy } from '../policy/inspectionPolicySchema';
import type { ChipReport } from '../ports/chipReport';
import type { Evidence, Reason } from './reasons';

/** Checks that prove the chip is the original (a copied chip cannot answer them). */
export const cloneChecks: readonly ChipCheckName[] = ['active_authentication', 'chip_authentication'];

/**
 * Whether the chip offered this clone check (its DG15 for Active Authentication, its DG14 for Chip Authentication), as
 * the reader says in `detail.offered`. A check that does not say (a report from before the reader said it) is taken as
 * offered: a check that could not be made is never silently excused.
 */
export const cloneCheckOffered = (check: ChipCheck): boolean => check.detail?.offered !== false;

/**
 * The clone checks the chip offered that could not be made (an ECDSA hash this booth cannot compute, a key type it
 * cannot use, DH Chip Authentication, skipped): a clone check offered and not made is not one never offered. None
 * when another clone check passed (that one proves the chip is the original) or one failed (a clone is suspected).
 */
export function cloneChecksNotMade(checks: readonly ChipCheck[]): ChipCheck[] {
  const clone = checks.filter((c) => cloneChecks.includes(c.check));
  if (clone.some((c) => c.status !== 'not_possible')) return [];
  return clone.filter(cloneCheckOffered);
}

/**
 * The chip's reasons: Passive Authentication failed or not verifiable, a clone suspected or a clone check the chip
 * offered not made, the chip's MRZ differing from the printed one, the chip not read. Severities of what could not
 * be made come from the policy in force (`chip.notVerifiableSeverity`, `chip.cloneCheckNotMadeSeverity`); a check that
 * failed is always mandatory.
 */
export function chipReasons(chip: ChipReport, policy: InspectionPolicy): Reason[] {
  const reasons: Reason[] = [];
  const failed = (names: readonly ChipCheckName[]) => chip.checks.filter((c) => names.includes(c.check) && c.status === 'failed');
  const asEvidence = (checks: readonly ChipCheck[]): Evidence[] => checks.map((c) => ({ kind: 'chip_check', reportId: chip.reportId, check: c.check, status: c.status, ...(c.reason ? { reason: c.reason } : {}) }));
  const pa = failed(passiveAuthenticationChecks);
  if (pa.length > 0) reasons.push({ code: 'passive_authentication_failed', severity: 'mandatory', message: `passive authentication failed (${pa.map((c) => c.check).join(', ')}): the chip data is not genuine`, evidence: asEvidence(pa) });
  const clone = failed(cloneChecks);
  if (clone.length > 0) reasons.push({ code: 'chip_clone_suspected', severity: 'mandatory', message: `${clone.map((c) => c.check.replace('_', ' ')).join(' and ')} failed: the chip may be a clone`, evidence: asEvidence(clone) });
  const dg1 = failed(['dg1_vs_mrz']);
  if (dg1.length > 0) reasons.push({ code: 'chip_data_mismatch', severity: 'mandatory', message: 'the chip\'s MRZ differs from the printed one', evidence: asEvidence(dg1) });
  if (chip.outcome === 'read' && chip.verdict === 'not_verifiable') {
    // Not green and not a forgery: the checks that could not be made are the evidence.
    const unverified = chip.checks.filter((c) => passiveAuthenticationChecks.includes(c.check) && c.status === 'not_possible' && c.detail?.read !== false);
    reasons.push({
      code: 'passive_authentication_not_verifiable',
      severity: policy.chip.notVerifiableSeverity,
      message: chip.verdictReason ?? 'the chip data could not be verified: a Passive Authentication check could not be made',
      evidence: [{ kind: 'chip_report', reportId: chip.reportId, outcome: chip.outcome, verdict: chip.verdict }, ...asEvidence(unverified)],
    });
  }
  const notMade = chip.outcome === 'read' ? cloneChecksNotMade(chip.checks) : [];
  if (notMade.length > 0) {
    reasons.push({
      code: 'chip_clone_check_not_made',
      severity: policy.chip.cloneCheckNotMadeSeverity,
      message: `the chip offers ${notMade.map((c) => c.check.replace('_', ' ')).join(' and ')}, but it could not be made (${notMade.map((c) => c.reason ?? 'no reason given').join('; ')}): nothing shows the chip is not a copy`,
      evidence: asEvidence(notMade),
    });
  }
  if (chip.outcome === 'failed') {
    reasons.push({ code: 'chip_not_read', severity: 'warning', message: `the chip could not be read${chip.error ? `: ${chip.error.message}` : ''}`, evidence: [{ kind: 'chip_report', reportId: chip.reportId, outcome: chip.outcome, ...(chip.error ? { error: chip.error.code } : {}) }] });
  }
  return reasons;
}
