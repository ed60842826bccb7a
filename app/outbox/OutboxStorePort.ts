import type { SyncDeadLetterAlert } from './syncPolicy';
import type { SyncSubmission } from './DecisionSyncPort';
import type { OutboxHeader } from './outboxItem';

/** An item whose stored payload cannot be opened, with why (for the dead letter and the supervisor). */
export interface UnreadablePayload {
  readonly itemId: string;
  readonly reason: string;
}

export interface LoadedSubmissions<P> {
  readonly submissions: readonly SyncSubmission<P>[];
  readonly unreadable: readonly UnreadablePayload[];
}

/** Where the outbox lives (Dexie in the renderer, memory in Node tests); every method is atomic. */
export interface OutboxStorePort<P = unknown> {
  /** Every item not yet synced (pending, in flight, dead-lettered), in seq order. */
  listUnsynced(): Promise<readonly OutboxHeader[]>;
  /**
   * The submissions (idempotency key and payload) of these items, in the same order, leaving out (and listing in
   * `unreadable`) items whose payload cannot be opened, e.g. sealed under another storage key. Changes nothing: the
   * engine decides what becomes of the unreadable ones. An item that does not exist is still an error.
   */
  loadSubmissions(itemIds: readonly string[]): Promise<LoadedSubmissions<P>>;
  /** Marks items as sent, before the request goes out. */
  markInFlight(itemIds: readonly string[], at: string): Promise<void>;
  /** Saves new states of items (never their payloads) and the alerts raised, together. */
  saveOutcomes(items: readonly OutboxHeader[], alerts: readonly SyncDeadLetterAlert[]): Promise<void>;
  /** After a restart: items left in flight go back to pending (safe, since the service deduplicates). Returns how many. */
  resetInFlight(): Promise<number>;
}
