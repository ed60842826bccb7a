import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';
import { nextAttemptTime, selectNextBatch } from './batchSelection';
import { newOutboxItem, outboxHeaderSchema, type OutboxHeader } from './outboxItem';
import { applySubmitResult, deadLetterUnreadable, defaultSyncPolicy, requeueDeadLetter, type OutcomeContext } from './syncPolicy';

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

describe('the rules of the outbox, edge by edge', () => {
  const policy = { ...defaultSyncPolicy, baseDelayMs: 1000, maxRejections: 3 };
  const context = (random = 0.5): OutcomeContext => ({ now: later(0), policy, random: () => random, newAlertId: () => 'alert-1' });

  it('an item due exactly now goes; a synced item neither goes nor holds back its traveller', () => {
    expect(selectNextBatch([header(1, 'A', { nextAttemptAt: later(10).toISOString() })], later(10), 5).map((i) => i.itemId)).toEqual(['i1']);
    expect(selectNextBatch([header(1, 'A', { nextAttemptAt: later(11).toISOString() })], later(10), 5)).toEqual([]);
    expect(selectNextBatch([header(1, 'A', { state: 'synced' }), header(2, 'A')], later(0), 5).map((i) => i.itemId)).toEqual(['i2']);
    expect(selectNextBatch([header(1, 'A'), header(2, 'B')], later(0), 1).map((i) => i.itemId)).toEqual(['i1']);
    expect(selectNextBatch([header(1, 'A')], later(0), 0)).toEqual([]);
  });

  it('the next attempt time is the earliest pending item\'s, whatever the order; none when nothing is pending', () => {
    const items = [header(1, 'A', { nextAttemptAt: later(300).toISOString() }), header(2, 'B', { nextAttemptAt: later(100).toISOString() }), header(3, 'C', { nextAttemptAt: later(200).toISOString() })];
    expect(nextAttemptTime(items)).toBe(later(100).toISOString());
    expect(nextAttemptTime([...items].reverse())).toBe(later(100).toISOString());
    expect(nextAttemptTime([header(1, 'A', { state: 'in_flight', nextAttemptAt: later(1).toISOString() }), header(2, 'B', { state: 'dead_letter' }), header(3, 'C', { nextAttemptAt: later(50).toISOString() })])).toBe(later(50).toISOString());
    expect(nextAttemptTime([header(1, 'A', { state: 'synced' })])).toBeNull();
    expect(nextAttemptTime([])).toBeNull();
  });

  it('backoff: the first retry (or a zeroth) waits at most the base delay; a random outside [0, 1) is clamped', () => {
    const backoff = { baseDelayMs: 1000, maxDelayMs: 60_000 };
    expect(backoffDelayMs(1, backoff, () => 0.5)).toBe(500);
    expect(backoffDelayMs(0, backoff, () => 0.5)).toBe(500);
    expect(backoffDelayMs(2, backoff, () => 0.5)).toBe(1000);
    expect(backoffDelayMs(1, backoff, () => 7)).toBe(1000);
    expect(backoffDelayMs(1, backoff, () => -3)).toBe(0);
    expect(backoffDelayMs(7, backoff, () => 0.5)).toBe(30_000);
    expect(backoffDelayMs(8, backoff, () => 0.5)).toBe(30_000); // 64 s ceiling capped at 60 s
    // The exponent stops at 52 (beyond, 2^n is no longer a safe integer).
    expect(backoffDelayMs(80, { baseDelayMs: 1, maxDelayMs: Number.MAX_VALUE }, () => 0.5)).toBe(2 ** 51);
  });

  it('a retry waits out the backoff of its attempt, keeping the reason', () => {
    const { item } = applySubmitResult(header(1, 'A'), { idempotencyKey: 'k1', outcome: 'retry', reason: 'HTTP 503' }, context(0.5));
    expect(item).toEqual({ ...header(1, 'A'), attempts: 1, state: 'pending', nextAttemptAt: later(500).toISOString(), lastError: 'HTTP 503' });
    const second = applySubmitResult(item, { idempotencyKey: 'k1', outcome: 'retry', reason: 'timeout' }, context(0.5)).item;
    expect(second.nextAttemptAt).toBe(later(1000).toISOString());
  });

  it('a synced item forgets its last error and records when it was synced', () => {
    const failed = header(1, 'A', { attempts: 2, lastError: 'HTTP 503' });
    expect(applySubmitResult(failed, { idempotencyKey: 'k1', outcome: 'accepted' }, context())).toEqual({ item: { ...failed, attempts: 3, state: 'synced', syncedAt: t0, lastError: null } });
  });

  it('a rejection below the limit is retried after the backoff; at the limit the alert says what happened', () => {
    const once = applySubmitResult(header(1, 'A'), { idempotencyKey: 'k1', outcome: 'rejected', reason: 'HTTP 422' }, context(0.5));
    expect(once).toEqual({ item: { ...header(1, 'A'), attempts: 1, rejections: 1, state: 'pending', nextAttemptAt: later(500).toISOString(), lastError: 'HTTP 422' } });
    const dead = applySubmitResult(header(1, 'A', { rejections: 2 }), { idempotencyKey: 'k1', outcome: 'rejected', reason: 'HTTP 422' }, context());
    expect(dead.alert).toEqual({
      alertId: 'alert-1',
      code: 'sync_dead_letter',
      itemId: 'i1',
      idempotencyKey: 'k1',
      travellerKey: 'A',
      at: t0,
      cause: 'rejected',
      rejections: 3,
      lastError: 'HTTP 422',
      message: 'the records service refused k1 3 times (HTTP 422); it is held for supervisor review and later items of this traveller wait',
    });
    expect(dead.item.nextAttemptAt).toBe(t0);
  });

  it('an item whose payload cannot be opened is dead-lettered at once, not counted as an attempt', () => {
    const item = header(1, 'A', { attempts: 2, rejections: 1 });
    expect(deadLetterUnreadable(item, 'unknown key k-7', { now: later(0), newAlertId: () => 'alert-9' })).toEqual({
      item: { ...item, state: 'dead_letter', lastError: 'payload cannot be opened: unknown key k-7' },
      alert: {
        alertId: 'alert-9',
        code: 'sync_dead_letter',
        cause: 'unreadable',
        itemId: 'i1',
        idempotencyKey: 'k1',
        travellerKey: 'A',
        at: t0,
        rejections: 1,
        lastError: 'payload cannot be opened: unknown key k-7',
        message: 'k1 cannot be sent because its stored payload cannot be opened (unknown key k-7); it is kept unchanged for supervisor review (restoring the storage key it was sealed with recovers it) and later items of this traveller wait',
      },
    });
  });

  it('only a dead letter can be requeued', () => {
    const pending = header(1, 'A', { rejections: 1 });
    expect(requeueDeadLetter(pending, later(5))).toBe(pending);
    expect(requeueDeadLetter(header(1, 'A', { state: 'synced' }), later(5)).state).toBe('synced');
  });

  it('a new item is pending, due at once, with nothing tried', () => {
    expect(newOutboxItem({ itemId: 'i1', seq: 1, idempotencyKey: 'k1', travellerKey: 'A', payload: { x: 1 }, createdAt: t0 })).toEqual({
      itemId: 'i1', seq: 1, idempotencyKey: 'k1', travellerKey: 'A', payload: { x: 1 }, createdAt: t0, attempts: 0, rejections: 0, nextAttemptAt: t0, state: 'pending', lastError: null, syncedAt: null,
    });
    expect(defaultSyncPolicy).toEqual({ batchSize: 25, baseDelayMs: 2_000, maxDelayMs: 5 * 60_000, maxRejections: 3 });
  });
});

describe('an outbox header read back from storage', () => {
  const valid = header(1, 'A');
  const parses = (change: Partial<Record<keyof OutboxHeader, unknown>>) => outboxHeaderSchema.safeParse({ ...valid, ...change }).success;

  it('accepts a header as stored, with times in UTC or with an offset', () => {
    expect(parses({})).toBe(true);
    const offset = '2026-11-01T09:00:00+01:00';
    expect(parses({ createdAt: offset, nextAttemptAt: offset, syncedAt: offset, state: 'synced' })).toBe(true);
    expect(parses({ seq: 0, attempts: 7, rejections: 2, lastError: 'HTTP 503' })).toBe(true);
  });

  it('refuses empty ids and keys, negative or fractional counters, and times that are not ISO 8601', () => {
    for (const change of [{ itemId: '' }, { idempotencyKey: '' }, { travellerKey: '' }, { seq: -1 }, { seq: 1.5 }, { attempts: -1 }, { rejections: -1 }, { createdAt: 'yesterday' }, { nextAttemptAt: '2026-11-01' }, { syncedAt: 'now' }, { state: 'lost' }]) {
      expect(parses(change), JSON.stringify(change)).toBe(false);
    }
  });
});

