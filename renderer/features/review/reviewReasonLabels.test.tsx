import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { embedderManifestSchema } from '../../../app/biometrics/modelManifest';
import { assembleVehicleSession } from '../../../app/inspection/assembleVehicleSession';
import { parseDecisionRecord } from '../../../app/inspection/decisionRecordSchema';
import { evaluateVehicleSession } from '../../../app/inspection/evaluateVehicleSession';
import { applyOfficerDecision, type DecisionRecord, type SupervisorAlert } from '../../../app/inspection/officerDecision';
import { sequentialIds } from '../../../app/ports/Ids';
import { scriptedRecordsScenario } from '../../../native-bridges/records-service/scriptedRecords.node.ts';
import { scriptedVehicleSession, type ScriptedVehicleOptions } from '../../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import type { ReviewDetail } from '../../storage/decisionStoreTypes';
import { finalRulePolicy, pilotEraPolicy, shippedPolicies } from '../../../app/policy/testSupport/shippedPolicies';
import { ReviewDetailPanel } from './ReviewDetailPanel';
import { reasonLabels, ruleReasonLabel } from './reviewLabels';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };

/**
 * What the officer's referral of one traveller at an air booth records, under the real rules: passport typed in by
 * a keyboard-wedge reader (no chip, no page photo), the record without gallery photos, so nothing to compare the
 * face with (`compared`: the gallery kept and the face compared, e.g. an impostor); `faceInView` false: papers alone.
 */
function referral(traveller: number, { faceInView = true, compared = false, ...options }: Partial<ScriptedVehicleOptions> & { faceInView?: boolean; compared?: boolean } = {}) {
  const scenario = compared ? scriptedRecordsScenario : { ...scriptedRecordsScenario, travellers: scriptedRecordsScenario.travellers.map((t) => ({ ...t, gallery: [] })) };
  const { plate: _plate, ...input } = scriptedVehicleSession({ now, model, scenario, occupants: [traveller], ...options });
  const session = assembleVehicleSession(
    {
      ...input,
      laneType: 'air',
      rfidCards: [],
      records: { travellers: input.records.travellers.filter((lookup) => lookup.by.kind === 'document') },
      faces: faceInView ? input.faces : [],
      comparisons: compared ? input.comparisons : [],
    },
    clock,
  );
  const [recommendation] = evaluateVehicleSession(session, clock).occupants;
  if (!recommendation) throw new Error('no traveller at the booth');
  const refer = applyOfficerDecision(recommendation, { officer: 'officer-7', outcome: 'refer', reasons: [] }, clock, sequentialIds());
  const clear = applyOfficerDecision(recommendation, { officer: 'officer-7', outcome: 'clear', reasons: ['face_compared_by_eye'] }, clock, sequentialIds());
  if (refer.kind !== 'recorded') throw new Error(`the referral was not recorded: ${refer.kind}`);
  return { status: session.occupants[0]?.status, decision: parseDecisionRecord(JSON.parse(JSON.stringify(refer.decision))), alert: clear.kind === 'override_refused' ? clear.alert : null };
}

const review = { reviewId: 'review-1', kind: 'forced_referral', kinds: ['forced_referral'], state: 'open', createdAt: now.toISOString(), ageMs: 60_000, decisionId: 'decision-1', outboxItemId: null, officer: 'officer-7', outcome: 'refer', ruleReasons: [], resolvedAt: null, resolvedBy: null, supervisorNote: null } as const;

/** The supervisor's evidence panel for a stored decision (or an override alert), as static text. */
function panelText(decision: DecisionRecord | null, alert: SupervisorAlert | null = null): string {
  const detail: ReviewDetail = {
    review: { ...review, ruleReasons: decision?.ruleReasons ?? [] },
    decision: decision ? { decision, offline: false, mandatory: true, recordedAt: now.toISOString(), reviewState: 'pending' } : null,
    departure: null,
    alert,
  };
  const html = renderToStaticMarkup(<ReviewDetailPanel opened={{ reviewId: review.reviewId, detail, problem: null }} noting={false} busy={false} onSubmitReturn={() => undefined} onCancelReturn={() => undefined} policies={shippedPolicies} />);
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the reason the supervisor reads for a face check', () => {
  it('a referral of a face that could not be compared (no reference photo) reads as such, not as a face that did not match', () => {
    const { status, decision, alert } = referral(1);
    expect(status).toBe('not_compared');
    expect(decision.ruleReasons).toEqual(['face_not_compared']);
    const text = panelText(decision);
    expect(text).toContain('Face not verified: no reference photo to compare it with (face_not_compared)');
    expect(text).not.toContain(reasonLabels.face_not_matched);
    // The officer's attempt to clear it reaches the supervisor with the same true reason.
    expect(alert?.mandatoryReasons).toEqual(['face_not_compared']);
    const alerted = panelText(null, alert);
    expect(alerted).toContain('mandatory: Face not verified: no reference photo to compare it with');
    expect(alerted).not.toContain(reasonLabels.face_not_matched);
  });

  it('a decision stored before the code existed keeps its code and still displays, for what it was', () => {
    const beforeTheCode = (decision: DecisionRecord) => ({ ...decision, versions: { ...decision.versions, rules: 'inspection-rules-2026.11.1' } });
    const { decision } = referral(1);
    const stored = parseDecisionRecord({ ...beforeTheCode(decision), ruleReasons: ['face_not_matched'] });
    expect(panelText(stored)).toContain('Face not verified: no reference photo to compare it with (face_not_matched)');
    const child = referral(3).decision;
    expect(child.ruleReasons).toEqual(['face_not_compared_age_exempt']);
    expect(ruleReasonLabel('face_not_matched_age_exempt', beforeTheCode(child))).toBe(reasonLabels.face_not_compared_age_exempt);
    // Under rules that have the code, face_not_matched means what it says, whatever evidence comes with it.
    expect(ruleReasonLabel('face_not_matched', decision)).toBe(reasonLabels.face_not_matched);
    expect(ruleReasonLabel('face_not_matched_age_exempt', child)).toBe(reasonLabels.face_not_matched_age_exempt);
  });

  it('a face compared and not matching, and papers with no face at all, still read as no match', () => {
    const impostor = referral(1, { compared: true, impostors: [0] });
    expect(impostor.status).toBe('face_mismatch');
    expect(impostor.decision.ruleReasons).toEqual(['face_not_matched']);
    expect(panelText(impostor.decision)).toContain(`${reasonLabels.face_not_matched} (face_not_matched)`);
    const papersOnly = referral(1, { faceInView: false });
    expect(papersOnly.status).toBe('identity_without_face');
    expect(papersOnly.decision.ruleReasons).toEqual(['face_not_matched']);
    expect(panelText(papersOnly.decision)).toContain(`${reasonLabels.face_not_matched} (face_not_matched)`);
  });
});

describe('a decision is judged by the policy it was made under', () => {
  it('the panel names the recorded policy and its face rule for the traveller\'s age, whatever is in force today', () => {
    // Emma de Bruijn, 11, under the pilot era: a non-match under 14 is compared by eye (90 FR 48604 refers it).
    const { decision } = referral(3, { compared: true, impostors: [0], inspectionPolicy: pilotEraPolicy });
    expect(decision.policyId).toBe(pilotEraPolicy.id);
    const text = panelText(decision);
    expect(text).toContain(`Policy ${pilotEraPolicy.title} (${pilotEraPolicy.id}) · at 11 (entry), a face non-match is compared by eye`);
    expect(text).toContain('Direction Entry');
    const underTheFinalRule = panelText({ ...decision, policyId: finalRulePolicy.id });
    expect(underTheFinalRule).toContain(`(${finalRulePolicy.id}) · at 11 (entry), a face non-match is a referral`);
  });

  it('a decision recorded before policies were data is judged by the policy in force when it was made; an unknown id is said to be unknown', () => {
    const { decision } = referral(1, { faceInView: false });
    const { policyId: _id, direction: _direction, ...before } = decision;
    expect(panelText({ ...before, decidedAt: '2025-06-01T12:00:00.000Z' })).toContain(`(${pilotEraPolicy.id}, in force when decided)`);
    expect(panelText({ ...decision, policyId: 'agency.withdrawn' })).toContain('agency.withdrawn: not among this booth');
  });
});
