import type { DecisionRecord } from '../../../../app/inspection/officerDecision';
import type { Evidence } from '../../../../app/inspection/reasons';
import type { BoothDatabase } from '../../../storage/BoothDatabase';
import { travellerKeyOf } from '../../../storage/DecisionStore';
import { decisionReviewId, openReview } from '../../../storage/migrations/v2ReviewQueue';
import type { RecordCipher } from '../../../storage/recordCipher';
import { reviewKindsOfDecision } from '../../../storage/reviewKinds';
import type { DecisionRow, ReviewRow, SealedDecisionContent } from '../../../storage/rows';
import { sampleDecision } from '../../../storage/testSupport/decisionFixtures';

/** The four kinds of decision that need review, in turn: offline, chip failure, forced referral, officer override; evidence to match. */
export function reviewableDecision(n: number, decidedAt: Date): { decision: DecisionRecord; offline: boolean; mandatory: boolean } {
  const plain = sampleDecision(n, { ruleReasons: ['face_matched'] });
  const base = { officer: `officer-${(n % 12) + 1}`, decidedAt: decidedAt.toISOString() };
  const identity = plain.evidence.filter((e) => e.kind === 'identity' || e.kind === 'age');
  const identityKey = plain.subject.kind === 'occupant' ? (plain.subject.identityKey ?? '') : '';
  const face = (score: number): Evidence => ({ kind: 'face_match', trackId: `track-${n}`, identityKey, score, threshold: 0.42, decision: score >= 0.42 ? 'match' : 'no_match', falseMatchRate: { fmr: 0.0001, bound: false, text: '1 in 10,000' } });
  switch (n % 4) {
    case 0:
      return { decision: { ...plain, ...base, ruleReasons: ['records_unavailable', 'face_matched'], outcome: 'clear', recommended: 'clear', evidence: [...identity, face(0.71), { kind: 'records_outage', code: 'timeout', message: 'records service timed out' }] }, offline: true, mandatory: false };
    case 1:
      return { decision: { ...plain, ...base, ruleReasons: ['chip_not_read'], outcome: 'refer', recommended: 'refer', evidence: [...identity, face(0.66), { kind: 'chip_report', reportId: `chip-${n}`, outcome: 'failed', error: 'no answer from the chip after 3 attempts' }] }, offline: false, mandatory: false };
    case 2:
      return { decision: { ...plain, ...base, ruleReasons: ['face_not_matched'], outcome: 'refer', recommended: 'refer', evidence: [...identity, face(0.18)] }, offline: false, mandatory: true };
    default:
      return {
        decision: { ...plain, ...base, ruleReasons: ['document_warning'], outcome: 'clear', recommended: 'refer', overridden: true, officerReasons: ['document_inspected_by_hand'], note: 'security features checked under UV', evidence: [...identity, face(0.69), { kind: 'document_rule', readId: `read-${n}`, code: 'validityBelowMinimum', severity: 'warn' }] },
        offline: false,
        mandatory: false,
      };
  }
}

/**
 * Fills the queue fast for the render benchmark: the rows recordDecision would write (sealed with the real cipher),
 * in bulk, without the outbox and audit entries the list never reads. `count` items, one second apart from `start`.
 */
export async function seedReviewQueueRows(db: BoothDatabase, cipher: RecordCipher, count: number, start: Date, batch = 500): Promise<void> {
  for (let from = 0; from < count; from += batch) {
    const made = await Promise.all(
      Array.from({ length: Math.min(batch, count - from) }, async (_, k) => {
        const n = from + k;
        const at = new Date(start.getTime() + n * 1000);
        const { decision, offline, mandatory } = reviewableDecision(n, at);
        const kinds = reviewKindsOfDecision({ ...decision, offline, mandatory });
        const content: SealedDecisionContent = { subject: decision.subject, evidence: decision.evidence, ...(decision.note ? { note: decision.note } : {}) };
        const { subject: _subject, evidence: _evidence, note: _note, ...clear } = decision;
        const row: DecisionRow = {
          ...clear,
          recordedAt: at.toISOString(),
          offline,
          mandatory,
          travellerTag: await cipher.travellerTag(travellerKeyOf(decision.subject)),
          reviewState: 'pending',
          sealed: await cipher.sealJson('decisions', decision.decisionId, content),
        };
        const [kind = 'offline_decision'] = kinds;
        const review: ReviewRow = openReview(decisionReviewId(decision.decisionId), kind, kinds, at.toISOString(), { decisionId: decision.decisionId, officer: decision.officer });
        return { row, review };
      }),
    );
    await db.transaction('rw', db.decisions, db.reviews, async () => {
      await db.decisions.bulkPut(made.map((m) => m.row));
      await db.reviews.bulkPut(made.map((m) => m.review));
    });
  }
}
