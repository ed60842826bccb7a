import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedderManifestSchema } from '../biometrics/modelManifest';
import type { ChipCheck } from '../document/lds/chipCheck';
import type { ChipReport } from '../ports/chipReport';
import { sequentialIds } from '../ports/Ids';
import { scriptedVehicleSession } from '../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import { assembleVehicleSession } from './assembleVehicleSession';
import { parseDecisionRecord } from './decisionRecordSchema';
import { evaluateVehicleSession, type Recommendation } from './evaluateVehicleSession';
import { applyOfficerDecision } from './officerDecision';
import { finalRulePolicy, pilotEraPolicy } from '../policy/testSupport/shippedPolicies';
import type { InspectionPolicy } from '../policy/inspectionPolicySchema';

// The chip's three verdicts in the decision rules: not verifiable is its own reason (severity from the inspection
// policy in force: refer in both shipped ones), failed stays mandatory, and the decision record's evidence names the verdict.

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };

const untrustedChain: ChipCheck = { check: 'csca_chain', status: 'not_possible', reason: 'no CSCA named C=NZ, CN=Rogue is in the trust store', detail: { issuerCountry: 'NZ' } };
function notVerifiable(): ChipReport {
  const passed = (['sod_structure', 'sod_signature', 'ds_certificate_validity', 'active_authentication', 'chip_authentication', 'dg1_vs_mrz'] as const).map((check): ChipCheck => ({ check, status: 'passed' }));
  return {
    reportId: 'chip-nv',
    readAt: now.toISOString(),
    reader: 'sim',
    outcome: 'read',
    checks: [...passed, { check: 'dg_hash', dg: 1, status: 'passed' }, untrustedChain, { check: 'crl', status: 'not_possible', detail: { crl: 'none' } }],
    verdict: 'not_verifiable',
    verdictReason: 'Chip data signed by an untrusted signer: no CSCA for NZL in the trust list',
  };
}
const withSeverity = (notVerifiableSeverity: InspectionPolicy['chip']['notVerifiableSeverity']): InspectionPolicy => ({ ...finalRulePolicy, chip: { ...finalRulePolicy.chip, notVerifiableSeverity } });
const traveller = (chip: ChipReport, inspectionPolicy: InspectionPolicy = finalRulePolicy) =>
  evaluateVehicleSession(assembleVehicleSession(scriptedVehicleSession({ now, model, chips: { 1: chip }, inspectionPolicy }), clock), clock).occupants.find(
    (o) => o.subject.kind === 'occupant' && o.subject.identityKey === 'record:TR-0001',
  )!;
const codes = (r: Recommendation) => r.reasons.map((x) => `${x.code}:${x.severity}`);

describe('chip verdict rules', () => {
  it('a chip signed by an untrusted signer is referred (by default) with its own reason, headline and evidence', () => {
    const occupant = traveller(notVerifiable());
    expect(codes(occupant)).toContain('passive_authentication_not_verifiable:refer');
    expect(occupant.outcome).toBe('refer');
    expect(occupant.mandatory).toBe(false);
    const reason = occupant.reasons.find((r) => r.code === 'passive_authentication_not_verifiable')!;
    expect(reason.message).toBe('Chip data signed by an untrusted signer: no CSCA for NZL in the trust list');
    expect(reason.evidence).toEqual([
      { kind: 'chip_report', reportId: 'chip-nv', outcome: 'read', verdict: 'not_verifiable' },
      { kind: 'chip_check', reportId: 'chip-nv', check: 'csca_chain', status: 'not_possible', reason: untrustedChain.reason },
      { kind: 'chip_check', reportId: 'chip-nv', check: 'crl', status: 'not_possible' },
    ]);
  });

  it('the policy sets the severity: mandatory forces the referral, warning only asks the officer to look', () => {
    expect(traveller(notVerifiable(), withSeverity('mandatory')).mandatory).toBe(true);
    const warned = traveller(notVerifiable(), withSeverity('warning'));
    expect(codes(warned)).toContain('passive_authentication_not_verifiable:warning');
  });

  it('the decision record keeps the verdict in its evidence, and its schema accepts the new code', () => {
    const occupant = traveller(notVerifiable());
    const decided = applyOfficerDecision(occupant, { officer: 'officer-1', outcome: 'refer', reasons: [] }, clock, sequentialIds());
    if (decided.kind !== 'recorded') throw new Error(`not recorded: ${decided.kind}`);
    const parsed = parseDecisionRecord(JSON.parse(JSON.stringify(decided.decision)));
    expect(parsed.ruleReasons).toContain('passive_authentication_not_verifiable');
    expect(parsed.evidence).toContainEqual({ kind: 'chip_report', reportId: 'chip-nv', outcome: 'read', verdict: 'not_verifiable' });
  });

  it('an expired Document Signer (a failed validity check) is a mandatory referral like any failed Passive Authentication', () => {
    const report = notVerifiable();
    const expired: ChipReport = { ...report, verdict: 'failed', checks: report.checks.map((c) => (c.check === 'ds_certificate_validity' ? { ...c, status: 'failed', reason: 'expired' } : c)) };
    const occupant = traveller(expired);
    expect(codes(occupant)).toContain('passive_authentication_failed:mandatory');
    expect(codes(occupant)).not.toContain('passive_authentication_not_verifiable:refer');
  });
});

describe('a clone check the chip offered and could not be made', () => {
  // A genuine chip (Passive Authentication verified) with an ECDSA Active Authentication key whose hash this booth's
  // runtime cannot compute: DG15 present, the check not made. No Chip Authentication (no DG14).
  const ecdsaNotComputable: ChipCheck = { check: 'active_authentication', status: 'not_possible', reason: 'ECDSA with SHA3-256 cannot be computed by this booth: Active Authentication not checked', detail: { offered: true, algorithm: 'ECDSA SHA3-256' } };
  const noDg14: ChipCheck = { check: 'chip_authentication', status: 'not_possible', reason: 'the chip has no DG14 (Chip Authentication not supported)', detail: { offered: false } };
  const verified = (clone: readonly ChipCheck[]): ChipReport => {
    const passed = (['sod_structure', 'sod_signature', 'ds_certificate_validity', 'csca_chain', 'dg1_vs_mrz'] as const).map((check): ChipCheck => ({ check, status: 'passed' }));
    return { reportId: 'chip-aa', readAt: now.toISOString(), reader: 'sim', outcome: 'read', checks: [...passed, { check: 'dg_hash', dg: 1, status: 'passed' }, { check: 'dg_hash', dg: 2, status: 'passed' }, ...clone], verdict: 'verified' };
  };
  const withCloneSeverity = (cloneCheckNotMadeSeverity: InspectionPolicy['chip']['cloneCheckNotMadeSeverity']): InspectionPolicy => ({ ...finalRulePolicy, chip: { ...finalRulePolicy.chip, cloneCheckNotMadeSeverity } });

  it('is referred (by the policy in force) with its own reason naming the check and why, not passed over as on a chip without AA', () => {
    const occupant = traveller(verified([ecdsaNotComputable, noDg14]));
    // Before: no reason at all (the verdict stayed Passive Authentication's "verified") and the traveller could be cleared.
    expect(codes(occupant)).toContain('chip_clone_check_not_made:refer');
    expect(occupant.outcome).toBe('refer');
    const reason = occupant.reasons.find((r) => r.code === 'chip_clone_check_not_made')!;
    expect(reason.message).toBe(
      'the chip offers active authentication, but it could not be made (ECDSA with SHA3-256 cannot be computed by this booth: Active Authentication not checked): nothing shows the chip is not a copy',
    );
    expect(reason.evidence).toEqual([{ kind: 'chip_check', reportId: 'chip-aa', check: 'active_authentication', status: 'not_possible', reason: ecdsaNotComputable.reason }]);
  });

  it('is nothing on a chip that offers no clone check, or when another clone check passed', () => {
    const noDg15: ChipCheck = { check: 'active_authentication', status: 'not_possible', reason: 'the chip has no DG15 (Active Authentication not supported)', detail: { offered: false } };
    expect(codes(traveller(verified([noDg15, noDg14])))).not.toContain('chip_clone_check_not_made:refer');
    const caPassed: ChipCheck = { check: 'chip_authentication', status: 'passed', detail: { offered: true } };
    expect(codes(traveller(verified([ecdsaNotComputable, caPassed])))).not.toContain('chip_clone_check_not_made:refer');
    // A failed clone check is the mandatory clone reason, not this one.
    const caFailed: ChipCheck = { check: 'chip_authentication', status: 'failed', reason: 'the chip did not prove its key', detail: { offered: true } };
    expect(codes(traveller(verified([ecdsaNotComputable, caFailed])))).toEqual(expect.arrayContaining(['chip_clone_suspected:mandatory']));
    expect(codes(traveller(verified([ecdsaNotComputable, caFailed]))).some((c) => c.startsWith('chip_clone_check_not_made'))).toBe(false);
  });

  it('names both when the chip offers both and neither could be made', () => {
    const dhOnly: ChipCheck = { check: 'chip_authentication', status: 'not_possible', reason: 'DG14 offers no ECDH Chip Authentication this reader supports (DH CA is not implemented)', detail: { offered: true } };
    const reason = traveller(verified([ecdsaNotComputable, dhOnly])).reasons.find((r) => r.code === 'chip_clone_check_not_made')!;
    expect(reason.message).toMatch(/^the chip offers active authentication and chip authentication, but it could not be made \(ECDSA .*; DG14 offers no ECDH/);
    expect(reason.evidence.map((e) => (e.kind === 'chip_check' ? e.check : e.kind))).toEqual(['active_authentication', 'chip_authentication']);
  });

  it('a report that does not say whether the check was offered counts it as offered (never silently excused)', () => {
    const unsaid: ChipCheck = { check: 'active_authentication', status: 'not_possible', reason: 'DG15 public key cannot be read: bad key' };
    expect(codes(traveller(verified([unsaid, noDg14])))).toContain('chip_clone_check_not_made:refer');
  });

  it('names a check that gave no reason as such, and reads nothing into a chip that was not read', () => {
    const silent: ChipCheck = { check: 'active_authentication', status: 'not_possible', detail: { offered: true } };
    expect(traveller(verified([silent, noDg14])).reasons.find((r) => r.code === 'chip_clone_check_not_made')?.message).toBe(
      'the chip offers active authentication, but it could not be made (no reason given): nothing shows the chip is not a copy',
    );
    const unread: ChipReport = { ...verified([ecdsaNotComputable, noDg14]), outcome: 'failed', error: { code: 'card_removed', message: 'the card was removed' } };
    expect(codes(traveller(unread))).toEqual(expect.arrayContaining(['chip_not_read:warning']));
    expect(codes(traveller(unread)).some((c) => c.startsWith('chip_clone_check_not_made'))).toBe(false);
  });

  it('takes its severity from the policy: mandatory forces the referral, warning asks the officer to look; both shipped files refer', () => {
    expect(traveller(verified([ecdsaNotComputable, noDg14]), withCloneSeverity('mandatory')).mandatory).toBe(true);
    const warned = traveller(verified([ecdsaNotComputable, noDg14]), withCloneSeverity('warning'));
    expect(codes(warned)).toContain('chip_clone_check_not_made:warning');
    expect(warned.outcome).not.toBe('refer');
    expect(pilotEraPolicy.chip.cloneCheckNotMadeSeverity).toBe('refer');
    expect(finalRulePolicy.chip.cloneCheckNotMadeSeverity).toBe('refer');
  });

  it('the decision record keeps the reason and its evidence', () => {
    const decided = applyOfficerDecision(traveller(verified([ecdsaNotComputable, noDg14])), { officer: 'officer-1', outcome: 'refer', reasons: [] }, clock, sequentialIds());
    if (decided.kind !== 'recorded') throw new Error(`not recorded: ${decided.kind}`);
    const parsed = parseDecisionRecord(JSON.parse(JSON.stringify(decided.decision)));
    expect(parsed.ruleReasons).toContain('chip_clone_check_not_made');
  });
});
