import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../../app/ports/Ids';
import { BoothDatabase } from '../../storage/BoothDatabase';
import { DecisionStore } from '../../storage/DecisionStore';
import { RecordCipher } from '../../storage/recordCipher';
import { rawStorageKeyProvider } from '../../storage/storageKeys';
import { testStorageKey } from '../../storage/testSupport/decisionFixtures';
import { seedReviewQueueRows } from './harness/seedReviewQueue';
import { itemAt, ReviewQueuePages, type ReviewQueueSource } from './ReviewQueuePages';

const supervisor = { userId: 'sup-1', role: 'supervisor' } as const;
const now = new Date('2026-11-03T12:00:00.000Z');
let dbCounter = 0;

/** The real store on fake-indexeddb, with `count` open items one second apart, the oldest two days old. */
async function storeWith(count: number) {
  const db = new BoothDatabase(`review-pages-${++dbCounter}`, { indexedDB, IDBKeyRange });
  const keys = rawStorageKeyProvider(async () => testStorageKey());
  const store = await DecisionStore.open({ db, keys, clock: { now: () => now }, ids: sequentialIds() });
  await seedReviewQueueRows(db, await RecordCipher.create(keys), count, new Date(now.getTime() - 2 * 86_400_000));
  return store;
}

/** Counts the reads that reach the store and can hold them back, to see what the cache asks for and when. */
function watched(store: ReviewQueueSource) {
  const offsets: number[] = [];
  let gate: Promise<void> | null = null;
  const source: ReviewQueueSource = {
    async listReviewQueue(filter, page) {
      offsets.push(page?.offset ?? 0);
      const held = gate;
      const result = await store.listReviewQueue(filter, page);
      if (held) await held;
      return result;
    },
  };
  return { source, offsets, hold: (until: Promise<void>) => void (gate = until), release: () => void (gate = null) };
}

describe('ReviewQueuePages over the real DecisionStore', () => {
  it('reads only the pages in view, oldest first, and never the same page twice', async () => {
    const store = await storeWith(250);
    const { source, offsets } = watched(store);
    const pages = new ReviewQueuePages(source, { state: 'open' }, 100);
    expect(pages.getSnapshot().total).toBeNull();

    await pages.ensure(0, 99);
    const first = pages.getSnapshot();
    expect(first.total).toBe(250);
    expect(itemAt(first, 0, 100)).toMatchObject({ reviewId: 'review-decision-0', kind: 'offline_decision', outcome: 'clear', state: 'open', ageMs: 2 * 86_400_000 });
    expect(itemAt(first, 1, 100)).toMatchObject({ reviewId: 'review-decision-1', kind: 'chip_failure', outcome: 'refer' });
    expect(itemAt(first, 150, 100)).toBeUndefined();

    await pages.ensure(180, 230);
    await pages.ensure(0, 230);
    expect([...pages.getSnapshot().pages.keys()].sort()).toEqual([0, 1, 2]);
    expect(offsets).toEqual([0, 100, 200]);
    expect(itemAt(pages.getSnapshot(), 249, 100)?.reviewId).toBe('review-decision-249');
  });

  it('filters by kind through the store', async () => {
    const store = await storeWith(40);
    const pages = new ReviewQueuePages(store, { state: 'open', kind: 'forced_referral' }, 100);
    await pages.ensure(0, 99);
    const snapshot = pages.getSnapshot();
    expect(snapshot.total).toBe(10);
    expect(snapshot.pages.get(0)?.every((i) => i.kind === 'forced_referral')).toBe(true);
  });

  it('after a verdict, a refresh swaps in the pages in view at once, without the reviewed item', async () => {
    const store = await storeWith(120);
    const pages = new ReviewQueuePages(store, { state: 'open' }, 50);
    await pages.ensure(0, 60);
    let notified = 0;
    pages.subscribe(() => notified++);
    await store.applyReview('review-decision-0', { verdict: 'approved' }, supervisor);
    await pages.refresh();
    const snapshot = pages.getSnapshot();
    expect(notified).toBe(1); // one swap, not a page at a time
    expect(snapshot.total).toBe(119);
    expect(itemAt(snapshot, 0, 50)?.reviewId).toBe('review-decision-1');
    expect(itemAt(snapshot, 49, 50)?.reviewId).toBe('review-decision-50');
  });

  it('drops an answer that arrives after a refresh started (it describes the queue before the verdict)', async () => {
    const store = await storeWith(30);
    const { source, hold, release } = watched(store);
    const pages = new ReviewQueuePages(source, { state: 'open' }, 10);
    let open!: () => void;
    hold(new Promise<void>((resolve) => (open = resolve)));
    const slow = pages.ensure(0, 9);
    release();
    await store.applyReview('review-decision-0', { verdict: 'returned', note: 'explain the override' }, supervisor);
    await pages.refresh();
    open();
    await slow;
    const snapshot = pages.getSnapshot();
    expect(snapshot.total).toBe(29);
    expect(itemAt(snapshot, 0, 10)?.reviewId).toBe('review-decision-1');
  });

  it('reports a failed read and clears it on the next good one', async () => {
    const store = await storeWith(5);
    let failing = true;
    const source: ReviewQueueSource = { listReviewQueue: (f, p) => (failing ? Promise.reject(new Error('IndexedDB is closed')) : store.listReviewQueue(f, p)) };
    const pages = new ReviewQueuePages(source, { state: 'open' }, 10);
    await pages.ensure(0, 9);
    expect(pages.getSnapshot().problem).toBeInstanceOf(Error);
    expect(pages.getSnapshot().total).toBeNull();
    failing = false;
    await pages.refresh();
    expect(pages.getSnapshot()).toMatchObject({ total: 5, problem: null });
  });
});
