import Dexie from 'dexie';
import type { AuditActor } from '../../app/audit/auditEntry';
import { requeueDeadLetter } from '../../app/outbox/syncPolicy';
import { DecisionStoreError, type ReviewDetail, type ReviewQueueFilter, type ReviewQueueItem, type ReviewQueuePage, type ReviewVerdict } from './decisionStoreTypes';
import type { DecisionRow, ReviewRow, SealedReviewContent } from './rows';
import { openDecisionRow, openDepartureRow, openReviewContent, unlessSealedElsewhere } from './sealedContent';
import { nowIso, parseActor, type StoreContext } from './storeContext';

/**
 * The supervisor's review queue over the store: pages of open items from the indexes, an item's evidence (an
 * audited view of traveller data) and the verdict. Items sealed under another storage key stay usable: their
 * content is shown as unavailable and is never rewritten.
 */
export class ReviewQueueStore {
  constructor(private readonly context: StoreContext) {}

  /** One page of the supervisor queue, oldest first, with its total; read from the indexes only (nothing is decrypted). */
  async listReviewQueue(filter: ReviewQueueFilter = {}, page: { readonly offset: number; readonly limit: number } = { offset: 0, limit: 50 }): Promise<ReviewQueuePage> {
    const { db } = this.context;
    const state = filter.state ?? 'open';
    const query = filter.kind
      ? db.reviews.where('[state+kind+createdAt]').between([state, filter.kind, Dexie.minKey], [state, filter.kind, Dexie.maxKey])
      : db.reviews.where('[state+createdAt]').between([state, Dexie.minKey], [state, Dexie.maxKey]);
    const [total, rows] = await Promise.all([query.count(), query.clone().offset(page.offset).limit(page.limit).toArray()]);
    const decisions = await db.decisions.bulkGet(rows.map((r) => r.decisionId ?? ''));
    const now = this.context.clock.now().getTime();
    return { total, items: rows.map((row, i) => queueItem(row, decisions[i], now)) };
  }

  /** Everything a supervisor needs to judge one item; opening it is a view of traveller data, so it is audited. */
  async getReviewDetail(reviewId: string, actor: AuditActor): Promise<ReviewDetail> {
    const by = parseActor(actor);
    const { db, cipher, writer } = this.context;
    return writer.exclusive(async () => {
      const row = await db.reviews.get(reviewId);
      if (!row) throw new DecisionStoreError('not_found', `no review item ${reviewId}`);
      const decisionRow = row.decisionId ? await db.decisions.get(row.decisionId) : undefined;
      const content = (await openReviewContent(cipher, row)) ?? { alert: { code: 'sealed_under_another_key', message: 'this item was sealed under another storage key: restore that key to read it' } };
      // A decision sealed under another storage key is shown as absent rather than failing the whole item.
      const decision = decisionRow ? await openDecisionRow(cipher, decisionRow).catch(unlessSealedElsewhere(null)) : null;
      // An exit lane's departure is reviewed from the outbox item that carries it (it has no decision row).
      const outboxRow = !decisionRow && row.outboxItemId ? await db.outbox.get(row.outboxItemId) : undefined;
      const departure = outboxRow ? await openDepartureRow(cipher, outboxRow).catch(unlessSealedElsewhere(null)) : null;
      const viewed = { decisionId: row.decisionId, ...(departure ? { departureId: departure.departure.departureId } : {}) };
      await writer.commit([{ at: nowIso(this.context), actor: by, action: 'view_traveller', subject: { kind: 'review', id: reviewId }, details: viewed }], async () => undefined);
      const item = queueItem(row, decisionRow, this.context.clock.now().getTime());
      return { review: { ...item, resolvedAt: row.resolvedAt, resolvedBy: row.resolvedBy, supervisorNote: content.supervisorNote ?? null }, decision, departure, alert: content.alert ?? null };
    });
  }

  /** A supervisor approves or returns an item. Approving a dead-lettered sync sends it again. */
  async applyReview(reviewId: string, verdict: ReviewVerdict, actor: AuditActor): Promise<ReviewQueueItem> {
    const by = parseActor(actor);
    if (by.role !== 'supervisor') return Promise.reject(new DecisionStoreError('not_permitted', `only a supervisor may review; ${by.userId} is ${by.role}`));
    const { db, cipher, writer } = this.context;
    return writer.exclusive(async () => {
      const row = await db.reviews.get(reviewId);
      if (!row) throw new DecisionStoreError('not_found', `no review item ${reviewId}`);
      if (row.state !== 'open') throw new DecisionStoreError('already_reviewed', `review item ${reviewId} was already ${row.state} by ${row.resolvedBy ?? 'someone'}`);
      const at = nowIso(this.context);
      const content = await openReviewContent(cipher, row);
      // Content sealed under another storage key is never overwritten: the verdict is recorded without a note.
      if (content === null && verdict.note) throw new DecisionStoreError('invalid_input', `review item ${reviewId} was sealed under another storage key: decide it without a note (the audit entry records the verdict)`);
      const sealed = content === null ? row.sealed : await cipher.sealJson('reviews', reviewId, { ...content, ...(verdict.note ? { supervisorNote: verdict.note } : {}) } satisfies SealedReviewContent);
      const updated: ReviewRow = { ...row, state: verdict.verdict, resolvedAt: at, resolvedBy: by.userId, sealed };
      await writer.commit([{ at, actor: by, action: 'review', subject: { kind: 'review', id: reviewId }, details: { verdict: verdict.verdict, kind: row.kind, decisionId: row.decisionId, withNote: Boolean(verdict.note) } }], async () => {
        const current = await db.reviews.get(reviewId);
        if (current?.state !== 'open') throw new DecisionStoreError('already_reviewed', `review item ${reviewId} was reviewed meanwhile`);
        await db.reviews.put(updated);
        if (row.decisionId && row.kind !== 'dead_lettered_sync') await db.decisions.update(row.decisionId, { reviewState: verdict.verdict });
        if (row.kind === 'dead_lettered_sync' && row.outboxItemId && verdict.verdict === 'approved') {
          const item = await db.outbox.get(row.outboxItemId);
          if (item) await db.outbox.put({ ...item, ...requeueDeadLetter(item, new Date(at)) });
        }
      });
      return queueItem(updated, row.decisionId ? await db.decisions.get(row.decisionId) : undefined, this.context.clock.now().getTime());
    });
  }
}

function queueItem(row: ReviewRow, decision: DecisionRow | undefined, now: number): ReviewQueueItem {
  return {
    reviewId: row.reviewId,
    kind: row.kind,
    kinds: row.kinds,
    state: row.state,
    createdAt: row.createdAt,
    ageMs: Math.max(0, now - Date.parse(row.createdAt)),
    decisionId: row.decisionId,
    outboxItemId: row.outboxItemId,
    officer: row.officer,
    outcome: decision?.outcome ?? null,
    ruleReasons: decision?.ruleReasons ?? [],
  };
}
