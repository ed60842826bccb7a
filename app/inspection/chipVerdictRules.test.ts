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
import { finalRulePolicy } from '../policy/testSupport/shippedPolicies';
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
const withSeverity = (notVerifiableSeverity: InspectionPolicy['chip']['notVerifiableSeverity']): InspectionPolicy => ({ ...finalRulePolicy, chip: { notVerifiableSeverity } });
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
