import type { SyncDeadLetterAlert } from './syncPolicy';
import type { SyncSubmission } from './DecisionSyncPort';
import type { OutboxHeader } from './outboxItem';

/** Where the outbox lives (Dexie in the renderer, memory in Node tests); every method is atomic. */
export interface OutboxStorePort<P = unknown> {
  /** Every item not yet synced (pending, in flight, dead-lettered), in seq order. */
  listUnsynced(): Promise<readonly OutboxHeader[]>;
  /** The submissions (idempotency key and payload) of these items, in the same order. */
  loadSubmissions(itemIds: readonly string[]): Promise<readonly SyncSubmission<P>[]>;
  /** Marks items as sent, before the request goes out. */
  markInFlight(itemIds: readonly string[], at: string): Promise<void>;
  /** Saves new states of items (never their payloads) and the alerts raised, together. */
  saveOutcomes(items: readonly OutboxHeader[], alerts: readonly SyncDeadLetterAlert[]): Promise<void>;
  /** After a restart: items left in flight go back to pending (safe, since the service deduplicates). Returns how many. */
  resetInFlight(): Promise<number>;
}
