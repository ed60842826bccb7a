import { assertNever } from '../shared/assertNever';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import type { SubmitItemResult } from './DecisionSyncPort';
import type { OutboxHeader } from './outboxItem';

export interface SyncPolicy extends BackoffPolicy {
  /** Items per request. */
  readonly batchSize: number;
  /** Rejections (4xx, validation) after which an item is dead-lettered and a supervisor alerted. */
  readonly maxRejections: number;
}

export const defaultSyncPolicy: SyncPolicy = { batchSize: 25, baseDelayMs: 2_000, maxDelayMs: 5 * 60_000, maxRejections: 3 };

/** The records service keeps refusing an item: it stays in the booth, a supervisor decides what to do with it. */
export interface SyncDeadLetterAlert {
  readonly alertId: string;
  readonly code: 'sync_dead_letter';
  readonly itemId: string;
  readonly idempotencyKey: string;
  readonly travellerKey: string;
  readonly at: string;
  readonly rejections: number;
  readonly lastError: string;
  readonly message: string;
}

export interface SubmitOutcome {
  readonly item: OutboxHeader;
  readonly alert?: SyncDeadLetterAlert;
}

export interface OutcomeContext {
  readonly now: Date;
  readonly policy: SyncPolicy;
  readonly random: () => number;
  readonly newAlertId: () => string;
}

/** The item's next state after the service's answer (or a missing answer, as `retry`). */
export function applySubmitResult(item: OutboxHeader, result: SubmitItemResult, context: OutcomeContext): SubmitOutcome {
  const at = context.now.toISOString();
  const attempts = item.attempts + 1;
  const later = () => new Date(context.now.getTime() + backoffDelayMs(attempts, context.policy, context.random)).toISOString();
  switch (result.outcome) {
    case 'accepted':
    case 'duplicate':
      // A duplicate means an earlier send arrived (its answer was lost): the item is in the service, once.
      return { item: { ...item, attempts, state: 'synced', syncedAt: at, lastError: null } };
    case 'retry':
      return { item: { ...item, attempts, state: 'pending', nextAttemptAt: later(), lastError: result.reason } };
    case 'rejected': {
      const rejections = item.rejections + 1;
      if (rejections < context.policy.maxRejections) return { item: { ...item, attempts, rejections, state: 'pending', nextAttemptAt: later(), lastError: result.reason } };
      const dead: OutboxHeader = { ...item, attempts, rejections, state: 'dead_letter', lastError: result.reason };
      return {
        item: dead,
        alert: {
          alertId: context.newAlertId(),
          code: 'sync_dead_letter',
          itemId: item.itemId,
          idempotencyKey: item.idempotencyKey,
          travellerKey: item.travellerKey,
          at,
          rejections,
          lastError: result.reason,
          message: `the records service refused ${item.idempotencyKey} ${rejections} times (${result.reason}); it is held for supervisor review and later items of this traveller wait`,
        },
      };
    }
    default:
      return assertNever(result, 'submit result');
  }
}

/** A supervisor sends a dead-lettered item again (e.g. after the service was fixed): a fresh rejection budget. */
export function requeueDeadLetter(item: OutboxHeader, now: Date): OutboxHeader {
  if (item.state !== 'dead_letter') return item;
  return { ...item, state: 'pending', rejections: 0, nextAttemptAt: now.toISOString() };
}
