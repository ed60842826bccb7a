import type { AuditActor } from '../../app/audit/auditEntry';
import type { DecisionRecord, SupervisorAlert } from '../../app/inspection/officerDecision';
import { newOutboxItem } from '../../app/outbox/outboxItem';
import type { Ids } from '../../app/ports/Ids';
import { decisionAuditDetails } from './decisionAuditDetails';
import { DecisionStoreError, type DecisionSyncPayload, type RecordDecisionExtras, type RecordedDecision, type StoredDecision } from './decisionStoreTypes';
import { decisionReviewId, openReview } from './migrations/v2ReviewQueue';
import { isOfflineDecision, reviewKindsOfDecision } from './reviewKinds';
import type { DecisionRow, SealedDecisionContent, SealedReviewContent } from './rows';
import { openDecisionRow } from './sealedContent';
import { nowIso, parseActor, type StoreContext } from './storeContext';

/** Traveller key of a decision's subject: what sync order and retention group on (sealed or pseudonymised at rest). */
export function travellerKeyOf(subject: DecisionRecord['subject']): string {
  return subject.kind === 'occupant' ? (subject.identityKey ?? `occupant:${subject.occupantId}`) : `vehicle:${subject.sessionId}`;
}

/**
 * A decision's row as stored: the facts queues and policies need in clear, the rest sealed. Training decisions
 * carry their run (`training`): kept and audited, never queued for sync or review.
 */
export async function decisionRowOf(
  context: StoreContext,
  decision: DecisionRecord,
  facts: Pick<DecisionRow, 'recordedAt' | 'offline' | 'mandatory' | 'reviewState' | 'training'>,
): Promise<DecisionRow> {
  const content: SealedDecisionContent = { subject: decision.subject, evidence: decision.evidence, ...(decision.note ? { note: decision.note } : {}) };
  return {
    decisionId: decision.decisionId,
    decidedAt: decision.decidedAt,
    officer: decision.officer,
    outcome: decision.outcome,
    recommended: decision.recommended,
    overridden: decision.overridden,
    ruleReasons: decision.ruleReasons,
    officerReasons: decision.officerReasons,
    versions: decision.versions,
    route: decision.route,
    biometricRetained: decision.biometricRetained,
    ...(decision.direction ? { direction: decision.direction } : {}),
    ...(decision.policyId ? { policyId: decision.policyId } : {}),
    ...facts,
    travellerTag: await context.cipher.travellerTag(travellerKeyOf(decision.subject)),
    sealed: await context.cipher.sealJson('decisions', decision.decisionId, content),
  };
}

/**
 * Recording what officers do: a decision with everything that goes with it (outbox item, review item, retained
 * biometrics, audit entry) in one transaction, and a refused override for a supervisor. Reading a decision back is
 * here too, since it undoes what recording sealed.
 */
export class DecisionRecorder {
  constructor(
    private readonly context: StoreContext,
    private readonly ids: Ids,
  ) {}

  /** Records a decision, its outbox item, its review item (if it needs one), its biometrics and its audit entry together. */
  async recordDecision(decision: DecisionRecord, actor: AuditActor, extras: RecordDecisionExtras = {}): Promise<RecordedDecision> {
    const by = parseActor(actor);
    const { db, cipher, writer } = this.context;
    return writer.exclusive(async () => {
      const recordedAt = nowIso(this.context);
      const { decisionId } = decision;
      const offline = extras.offline ?? isOfflineDecision(decision);
      const mandatory = extras.mandatoryReferral ?? false;
      const kinds = reviewKindsOfDecision({ outcome: decision.outcome, overridden: decision.overridden, offline, mandatory, ruleReasons: decision.ruleReasons });
      const row = await decisionRowOf(this.context, decision, { recordedAt, offline, mandatory, reviewState: kinds.length > 0 ? 'pending' : 'not_needed' });
      const { travellerTag } = row;
      const outboxItemId = `outbox-${decisionId}`;
      // The head this decision is made after goes to the records service with it: the anchor that shows a cut log.
      // If another window moves the head before the commit, the anchor is an earlier entry: weaker, still true.
      const payload: DecisionSyncPayload = { decision, offline, recordedAt, auditHead: writer.currentHead() };
      const outboxSealed = await cipher.sealJson('outbox', outboxItemId, payload);
      const [kind] = kinds;
      const review = kind ? openReview(decisionReviewId(decisionId), kind, kinds, recordedAt, { decisionId, officer: decision.officer }) : null;
      const biometrics = await Promise.all(
        (extras.biometrics ?? []).map(async (b) => {
          const itemId = this.ids.next('biometric');
          return { itemId, decisionId, travellerTag, usCitizen: b.usCitizen, kind: b.kind, storedAt: b.capturedAt ?? decision.decidedAt, sealed: await cipher.sealBytes('retainedBiometrics', itemId, b.bytes) };
        }),
      );
      const { entries } = await writer.commit(
        [{ at: recordedAt, actor: by, action: 'decision', subject: { kind: 'decision', id: decisionId }, details: { ...decisionAuditDetails(decision), offline, reviewKinds: kinds, biometricsKept: biometrics.length } }],
        async () => {
          if (await db.decisions.get(decisionId)) throw new DecisionStoreError('duplicate_decision', `decision ${decisionId} is already recorded`);
          const last = await db.outbox.orderBy('seq').last();
          const { payload: _payload, ...header } = newOutboxItem({ itemId: outboxItemId, seq: (last?.seq ?? -1) + 1, idempotencyKey: `decision:${decisionId}`, travellerKey: travellerTag, payload: null, createdAt: recordedAt });
          await db.decisions.add(row);
          await db.outbox.add({ ...header, decisionId, sealed: outboxSealed });
          if (review) await db.reviews.add(review);
          if (biometrics.length > 0) await db.retainedBiometrics.bulkAdd(biometrics);
        },
      );
      const retained = biometrics.map(({ kind, usCitizen, storedAt }) => ({ kind, usCitizen, storedAt }));
      return { decisionId, recordedAt, offline, reviewKinds: kinds, outboxItemId, auditSeq: entries[0]?.seq ?? 0, retained };
    });
  }

  /** An officer tried to clear a mandatory referral: queued for a supervisor and audited. */
  async recordOverrideAttempt(alert: SupervisorAlert, actor: AuditActor): Promise<{ readonly reviewId: string }> {
    const by = parseActor(actor);
    const { db, cipher, writer } = this.context;
    return writer.exclusive(async () => {
      const reviewId = `review-${alert.alertId}`;
      const review = openReview(reviewId, 'override_attempt', ['override_attempt'], alert.at, { officer: alert.officer }, await cipher.sealJson('reviews', reviewId, { alert } satisfies SealedReviewContent));
      await writer.commit([{ at: nowIso(this.context), actor: by, action: 'override_refused', subject: { kind: 'alert', id: alert.alertId }, details: { mandatoryReasons: [...alert.mandatoryReasons] } }], async () => {
        await db.reviews.add(review);
      });
      return { reviewId };
    });
  }

  /** A decision with its sealed content opened (not audited: use getReviewDetail or auditView for a person's view). */
  async getDecision(decisionId: string): Promise<StoredDecision | null> {
    const row = await this.context.db.decisions.get(decisionId);
    return row ? openDecisionRow(this.context.cipher, row) : null;
  }
}
