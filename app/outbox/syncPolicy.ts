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

/**
 * An item that cannot be sent: the records service keeps refusing it (`rejected`), or its stored payload cannot be
 * opened (`unreadable`, e.g. sealed under a storage key the booth no longer has). It stays in the booth, untouched,
 * and a supervisor decides what to do with it.
 */
export interface SyncDeadLetterAlert {
  readonly alertId: string;
  readonly code: 'sync_dead_letter';
  readonly cause: 'rejected' | 'unreadable';
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
          cause: 'rejected',
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

/**
 * The item's payload cannot be opened: sending it is impossible, retrying would fail the same way, so it is
 * dead-lettered at once (not counted as an attempt: nothing was sent). Like any dead letter it holds back the later
 * items of its traveller, and a supervisor can send it again once the payload opens (the old storage key is back).
 */
export function deadLetterUnreadable(item: OutboxHeader, reason: string, context: Pick<OutcomeContext, 'now' | 'newAlertId'>): SubmitOutcome & { readonly alert: SyncDeadLetterAlert } {
  const at = context.now.toISOString();
  const lastError = `payload cannot be opened: ${reason}`;
  return {
    item: { ...item, state: 'dead_letter', lastError },
    alert: {
      alertId: context.newAlertId(),
      code: 'sync_dead_letter',
      cause: 'unreadable',
      itemId: item.itemId,
      idempotencyKey: item.idempotencyKey,
      travellerKey: item.travellerKey,
      at,
      rejections: item.rejections,
      lastError,
      message: `${item.idempotencyKey} cannot be sent because its stored payload cannot be opened (${reason}); it is kept unchanged for supervisor review (restoring the storage key it was sealed with recovers it) and later items of this traveller wait`,
    },
  };
}

/** A supervisor sends a dead-lettered item again (e.g. after the service was fixed): a fresh rejection budget. */
export function requeueDeadLetter(item: OutboxHeader, now: Date): OutboxHeader {
  if (item.state !== 'dead_letter') return item;
  return { ...item, state: 'pending', rejections: 0, nextAttemptAt: now.toISOString() };
}
