import type { SyncSubmission } from './DecisionSyncPort';
import type { LoadedSubmissions, OutboxStorePort } from './OutboxStorePort';
import type { OutboxHeader, OutboxItem } from './outboxItem';
import type { SyncDeadLetterAlert } from './syncPolicy';

/** The outbox in memory: for Node tests, benchmarks and trainer scenarios that need no persistence. */
export class InMemoryOutboxStore<P = unknown> implements OutboxStorePort<P> {
  private readonly items = new Map<string, OutboxItem<P>>();
  readonly alerts: SyncDeadLetterAlert[] = [];

  add(item: OutboxItem<P>): void {
    if (this.items.has(item.itemId)) throw new Error(`outbox item ${item.itemId} already exists`);
    this.items.set(item.itemId, item);
  }

  all(): OutboxItem<P>[] {
    return [...this.items.values()].sort((a, b) => a.seq - b.seq);
  }

  async listUnsynced(): Promise<readonly OutboxHeader[]> {
    return this.all()
      .filter((i) => i.state !== 'synced')
      .map(({ payload: _payload, ...header }) => header);
  }

  /** Payloads in memory always open: `unreadable` is empty. */
  async loadSubmissions(itemIds: readonly string[]): Promise<LoadedSubmissions<P>> {
    const submissions = itemIds.map((id): SyncSubmission<P> => {
      const item = this.items.get(id);
      if (!item) throw new Error(`outbox item ${id} not found`);
      return { idempotencyKey: item.idempotencyKey, payload: item.payload };
    });
    return { submissions, unreadable: [] };
  }

  async markInFlight(itemIds: readonly string[]): Promise<void> {
    for (const id of itemIds) {
      const item = this.items.get(id);
      if (item) this.items.set(id, { ...item, state: 'in_flight' });
    }
  }

  async saveOutcomes(headers: readonly OutboxHeader[], alerts: readonly SyncDeadLetterAlert[]): Promise<void> {
    for (const header of headers) {
      const item = this.items.get(header.itemId);
      if (item) this.items.set(header.itemId, { ...header, payload: item.payload });
    }
    this.alerts.push(...alerts);
  }

  async resetInFlight(): Promise<number> {
    let count = 0;
    for (const item of this.items.values()) {
      if (item.state !== 'in_flight') continue;
      this.items.set(item.itemId, { ...item, state: 'pending' });
      count++;
    }
    return count;
  }
}
