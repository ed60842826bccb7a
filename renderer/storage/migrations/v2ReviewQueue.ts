import type { DecisionRow, OutboxRow, ReviewRow } from '../rows';
import type { SealedField } from '../recordCipher';
import { reviewKindsOfDecision, type ReviewKind } from '../reviewKinds';

/**
 * Schema 1 -> 2: the supervisor review queue.
 * - decisions gain `reviewState`, derived from what each decision already records (offline, mandatory, overridden,
 *   chip failures), and every decision that needs review gets an open review row;
 * - outbox rows move to the sync engine's states (sending -> in_flight, sent -> synced, failed -> dead_letter),
 *   gain an explicit `seq` (schema 1 ordered by createdAt, ties by itemId) and a rejection count; a failed item
 *   becomes a dead letter with its own review row.
 * Pure functions of the old rows: each has its own test, and the Dexie upgrade only reads and writes.
 */

export type DecisionRowV1 = Omit<DecisionRow, 'reviewState'>;

export interface OutboxRowV1 {
  readonly itemId: string;
  readonly idempotencyKey: string;
  readonly travellerTag: string;
  readonly decisionId: string;
  readonly createdAt: string;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly state: 'pending' | 'sending' | 'sent' | 'failed';
  readonly lastError: string | null;
  readonly sealed: SealedField;
}

/** The review row id of a decision: deterministic, so the migration is pure and the store finds it again. */
export const decisionReviewId = (decisionId: string): string => `review-${decisionId}`;
export const deadLetterReviewId = (itemId: string): string => `review-${itemId}`;

export function decisionRowV1toV2(row: DecisionRowV1): { readonly decision: DecisionRow; readonly review: ReviewRow | null } {
  const kinds = reviewKindsOfDecision(row);
  const [kind] = kinds;
  const decision: DecisionRow = { ...row, reviewState: kind ? 'pending' : 'not_needed' };
  if (!kind) return { decision, review: null };
  return { decision, review: openReview(decisionReviewId(row.decisionId), kind, kinds, row.recordedAt, { decisionId: row.decisionId, officer: row.officer }) };
}

const v2States = { pending: 'pending', sending: 'in_flight', sent: 'synced', failed: 'dead_letter' } as const;

/** All outbox rows at once, since `seq` is their order. A failed row keeps `maxRejections`, so requeueing resets it. */
export function outboxRowsV1toV2(rows: readonly OutboxRowV1[], maxRejections: number): OutboxRow[] {
  const ordered = [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.itemId.localeCompare(b.itemId));
  return ordered.map(({ travellerTag, state, ...rest }, seq) => ({
    ...rest,
    seq,
    travellerKey: travellerTag,
    state: v2States[state],
    rejections: state === 'failed' ? maxRejections : 0,
    // Schema 1 did not record when an item was sent; its last attempt is the best bound.
    syncedAt: state === 'sent' ? rest.nextAttemptAt : null,
  }));
}

/** The review row for an outbox row that is dead-lettered after migration, or null. */
export function deadLetterReviewOf(row: OutboxRow): ReviewRow | null {
  if (row.state !== 'dead_letter') return null;
  return openReview(deadLetterReviewId(row.itemId), 'dead_lettered_sync', ['dead_lettered_sync'], row.nextAttemptAt, { decisionId: row.decisionId, outboxItemId: row.itemId });
}

export function openReview(reviewId: string, kind: ReviewKind, kinds: readonly ReviewKind[], createdAt: string, refs: { decisionId?: string; outboxItemId?: string; officer?: string }, sealed: SealedField | null = null): ReviewRow {
  return { reviewId, kind, kinds, state: 'open', createdAt, decisionId: refs.decisionId ?? null, outboxItemId: refs.outboxItemId ?? null, officer: refs.officer ?? null, resolvedAt: null, resolvedBy: null, sealed };
}
