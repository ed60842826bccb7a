import type { OutboxHeader } from './outboxItem';

/**
 * The next items to send: pending items due by `now`, oldest first, at most `limit`. Order per traveller holds
 * because an item is eligible only if no earlier item of its traveller is unsynced: an earlier item that is waiting,
 * in flight, dead-lettered or already chosen for this batch holds back everything after it.
 */
export function selectNextBatch<T extends OutboxHeader>(unsynced: readonly T[], now: Date, limit: number): T[] {
  const ordered = [...unsynced].sort((a, b) => a.seq - b.seq);
  const blocked = new Set<string>();
  const batch: T[] = [];
  for (const item of ordered) {
    if (batch.length >= limit) break;
    if (item.state === 'synced') continue;
    if (blocked.has(item.travellerKey)) continue;
    blocked.add(item.travellerKey);
    if (item.state === 'pending' && Date.parse(item.nextAttemptAt) <= now.getTime()) batch.push(item);
  }
  return batch;
}

/** The earliest time a pending item can go (for a scheduler to sleep until), or null when none can. */
export function nextAttemptTime(unsynced: readonly OutboxHeader[]): string | null {
  let next: number | null = null;
  for (const item of unsynced) {
    if (item.state !== 'pending') continue;
    const t = Date.parse(item.nextAttemptAt);
    if (next === null || t < next) next = t;
  }
  return next === null ? null : new Date(next).toISOString();
}
