import type { EmbedderManifest } from '../../app/biometrics/modelManifest';
import { assembleVehicleSession } from '../../app/inspection/assembleVehicleSession';
import type { DecisionSyncPayload } from '../../app/inspection/decisionRecordSchema';
import { evaluateVehicleSession } from '../../app/inspection/evaluateVehicleSession';
import { applyOfficerDecision, type DecisionRecord } from '../../app/inspection/officerDecision';
import type { ChipReport } from '../../app/ports/chipReport';
import type { DecisionSubmission } from '../../app/ports/decisionSubmission';
import { sequentialIds } from '../../app/ports/Ids';
import { scriptedVehicleSession, type ScriptedVehicleOptions } from './scriptedVehicleSession.node.ts';

/**
 * Real decisions, made by the real rules on the scripted vehicles, for tests, benchmarks and trainers that send
 * decisions to the records service: every occupant and each vehicle decided as recommended, across variants that
 * between them produce every kind of evidence (a match, an impostor, a cloned chip, a chip that could not be read,
 * a records outage, a photography opt-out, an expired document, a car with a stowaway).
 */
export function scriptedDecisionRecords(model: EmbedderManifest, now: Date, officer = 'officer-7'): DecisionRecord[] {
  const clock = { now: () => now };
  const ids = sequentialIds();
  const variants: Partial<ScriptedVehicleOptions>[] = [
    {},
    { impostors: [0] },
    { chips: { 0: chipReport(now, ['active_authentication', 'chip_authentication']), 1: chipReport(now, [], 'failed') } },
    { recordsDown: true },
    { stowaways: 1 },
    { vehicle: 1 },
    { vehicle: 2 },
  ];
  const decisions: DecisionRecord[] = [];
  variants.forEach((variant, i) => {
    const input = scriptedVehicleSession({ now, model, ...variant });
    const optOut = i === 0 ? [{ identityKey: 'record:TR-0002', trackId: 'track-1', declaredAt: now.toISOString() }] : [];
    const session = assembleVehicleSession({ ...input, sessionId: `${input.sessionId}-${i + 1}`, photographyOptOuts: optOut }, clock);
    const { occupants, vehicle } = evaluateVehicleSession(session, clock);
    for (const recommendation of [...occupants, vehicle]) {
      const result = applyOfficerDecision(recommendation, { officer, outcome: recommendation.outcome, reasons: [] }, clock, ids);
      if (result.kind === 'recorded') decisions.push(result.decision);
    }
  });
  return decisions;
}

/** Each decision as the outbox would send it: idempotency key `decision:<id>`, offline when decided without records. */
export function scriptedDecisionSubmissions(decisions: readonly DecisionRecord[], recordedAt: string): DecisionSubmission[] {
  return decisions.map((decision) => {
    const payload: DecisionSyncPayload = { decision, offline: decision.ruleReasons.includes('records_unavailable'), recordedAt };
    return { idempotencyKey: `decision:${decision.decisionId}`, payload };
  });
}

function chipReport(now: Date, failed: readonly ChipReport['checks'][number]['check'][], outcome: ChipReport['outcome'] = 'read'): ChipReport {
  const all = ['sod_signature', 'dg_hash', 'csca_chain', 'active_authentication', 'chip_authentication', 'dg1_vs_mrz'] as const;
  return {
    reportId: `chip-${outcome}-${failed.length}`,
    readAt: now.toISOString(),
    reader: 'sim',
    outcome,
    checks: outcome === 'failed' ? [] : all.map((check) => ({ check, status: failed.includes(check) ? 'failed' : 'passed', ...(failed.includes(check) ? { reason: `${check} failed (scripted)` } : {}) })),
    verdict: outcome === 'failed' ? 'not_verifiable' : failed.length > 0 ? 'failed' : 'verified',
    ...(outcome === 'failed' ? { error: { code: 'card_removed', message: 'the card was removed' } } : {}),
  };
}
