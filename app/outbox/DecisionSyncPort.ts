/** What is sent for one item: the service deduplicates on the idempotency key. */
export interface SyncSubmission<P = unknown> {
  readonly idempotencyKey: string;
  readonly payload: P;
}

/**
 * The service's answer for one item. `rejected` is a refusal of the item itself (4xx, validation): sending it again
 * will not help. `retry` is anything transient (timeout, 5xx, unreachable): the item goes again after a backoff.
 */
export type SubmitItemResult =
  | { readonly idempotencyKey: string; readonly outcome: 'accepted' }
  | { readonly idempotencyKey: string; readonly outcome: 'duplicate' }
  | { readonly idempotencyKey: string; readonly outcome: 'rejected'; readonly reason: string }
  | { readonly idempotencyKey: string; readonly outcome: 'retry'; readonly reason: string };

/** The records service's decision intake, as the sync engine sees it. */
export interface DecisionSyncPort<P = unknown> {
  /**
   * Sends a batch; answers per item (matched by idempotency key, in any order). May throw or omit items when the
   * service is unreachable or times out: those items are retried.
   */
  submit(batch: readonly SyncSubmission<P>[]): Promise<readonly SubmitItemResult[]>;
}
