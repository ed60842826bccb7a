import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';
import { nextAttemptTime, selectNextBatch } from './batchSelection';
import { newOutboxItem, type OutboxHeader } from './outboxItem';
import { applySubmitResult, defaultSyncPolicy, requeueDeadLetter, type OutcomeContext } from './syncPolicy';

const t0 = '2026-11-01T08:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(t0) + ms);
function header(seq: number, traveller: string, overrides: Partial<OutboxHeader> = {}): OutboxHeader {
  const { payload: _p, ...h } = newOutboxItem({ itemId: `i${seq}`, seq, idempotencyKey: `k${seq}`, travellerKey: traveller, payload: null, createdAt: t0 });
  return { ...h, ...overrides };
}

describe('batch selection', () => {
  it('keeps order per traveller: only the earliest unsynced item of each traveller can go', () => {
    const items = [header(1, 'A'), header(2, 'A'), header(3, 'B'), header(4, 'C', { state: 'in_flight' }), header(5, 'C'), header(6, 'D', { state: 'dead_letter' }), header(7, 'D'), header(8, 'E', { state: 'synced' }), header(9, 'E')];
    expect(selectNextBatch(items, later(0), 10).map((i) => i.itemId)).toEqual(['i1', 'i3', 'i9']);
  });

  it('holds back a traveller whose earliest item is waiting out its backoff, and sorts by seq whatever the input order', () => {
    const items = [header(3, 'A'), header(1, 'A', { nextAttemptAt: later(5000).toISOString() }), header(2, 'B')];
    expect(selectNextBatch(items, later(0), 10).map((i) => i.itemId)).toEqual(['i2']);
    expect(selectNextBatch(items, later(5000), 10).map((i) => i.itemId)).toEqual(['i1', 'i2']);
    expect(nextAttemptTime(items)).toBe(t0);
  });

  it('respects the batch size, oldest first', () => {
    const items = Array.from({ length: 50 }, (_, i) => header(50 - i, `T${i}`));
    expect(selectNextBatch(items, later(0), 5).map((i) => i.seq)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('backoff with full jitter', () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 60_000 };
  it('grows the ceiling exponentially up to the cap and draws uniformly below it', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelayMs(a, policy, () => 0.999999))).toEqual([999, 1999, 3999, 7999]);
    expect(backoffDelayMs(30, policy, () => 0.5)).toBe(30_000);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(1000, policy, () => 0.999999)).toBeLessThanOrEqual(60_000);
  });
});

describe('applying an answer', () => {
  let alerts = 0;
  const context = (random = 0.5): OutcomeContext => ({ now: later(0), policy: { ...defaultSyncPolicy, baseDelayMs: 1000, maxRejections: 3 }, random: () => random, newAlertId: () => `alert-${++alerts}` });

  it('accepted and duplicate both mean synced', () => {
    expect(applySubmitResult(header(1, 'A'), { idempotencyKey: 'k1', outcome: 'accepted' }, context()).item).toMatchObject({ state: 'synced', attempts: 1, syncedAt: t0 });
    expect(applySubmitResult(header(1, 'A'), { idempotencyKey: 'k1', outcome: 'duplicate' }, context()).item.state).toBe('synced');
  });

  it('retries transient failures forever with backoff, never counting them as rejections', () => {
    let item = header(1, 'A');
    for (let i = 0; i < 20; i++) {
      const outcome = applySubmitResult(item, { idempotencyKey: 'k1', outcome: 'retry', reason: 'HTTP 503' }, context());
      expect(outcome.alert).toBeUndefined();
      item = outcome.item;
    }
    expect(item).toMatchObject({ state: 'pending', attempts: 20, rejections: 0, lastError: 'HTTP 503' });
    expect(Date.parse(item.nextAttemptAt)).toBeGreaterThan(Date.parse(t0));
  });

  it('dead-letters after maxRejections rejections with a supervisor alert, and a supervisor can requeue it', () => {
    let item = header(1, 'A', { attempts: 4 });
    const first = applySubmitResult(item, { idempotencyKey: 'k1', outcome: 'rejected', reason: 'HTTP 422 bad subject' }, context());
    expect(first.item).toMatchObject({ state: 'pending', rejections: 1 });
    item = applySubmitResult(first.item, { idempotencyKey: 'k1', outcome: 'rejected', reason: 'HTTP 422 bad subject' }, context()).item;
    const dead = applySubmitResult(item, { idempotencyKey: 'k1', outcome: 'rejected', reason: 'HTTP 422 bad subject' }, context());
    expect(dead.item).toMatchObject({ state: 'dead_letter', rejections: 3, attempts: 7 });
    expect(dead.alert).toMatchObject({ code: 'sync_dead_letter', itemId: 'i1', idempotencyKey: 'k1', travellerKey: 'A', rejections: 3, lastError: 'HTTP 422 bad subject' });
    expect(requeueDeadLetter(dead.item, later(1))).toMatchObject({ state: 'pending', rejections: 0, nextAttemptAt: later(1).toISOString() });
  });
});
