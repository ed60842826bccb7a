import { describe, expect, it } from 'vitest';
import { RetentionScheduler, type RetentionPurger } from './RetentionScheduler';
import { shippedPolicies } from '../policy/testSupport/shippedPolicies';
import { defaultRetentionSettings, planPurge, type RetainedBiometricFacts } from './retentionPolicy';

/** A purger over an in-memory list with the real policy, and timers the test fires by hand. */
function setup(items: RetainedBiometricFacts[]) {
  let now = Date.parse('2026-11-01T08:00:00.000Z');
  const clock = { now: () => new Date(now) };
  const purger: RetentionPurger = {
    async purgeDue() {
      const plan = planPurge(items, defaultRetentionSettings, shippedPolicies, clock.now());
      for (const d of plan.due) items.splice(items.indexOf(d.item), 1);
      return { purged: plan.due.length, nextDueAt: plan.nextDueAt };
    },
  };
  const pending: { cb: () => void; ms: number }[] = [];
  const timers = {
    setTimeout: (cb: () => void, ms: number) => {
      const timer = { cb, ms };
      pending.push(timer);
      return timer;
    },
    clearTimeout: (handle: unknown) => {
      const index = pending.indexOf(handle as { cb: () => void; ms: number });
      if (index >= 0) pending.splice(index, 1);
    },
  };
  const fire = async () => {
    const next = pending.shift();
    if (!next) throw new Error('nothing scheduled');
    now += next.ms;
    next.cb();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { clock, purger, timers, pending, fire, items };
}

describe('RetentionScheduler', () => {
  it('purges at start-up, then wakes exactly when a citizen item reaches 12 hours', async () => {
    const s = setup([
      { travellerKey: 'old', usCitizen: true, kind: 'face_image', storedAt: '2026-10-31T08:00:00.000Z' },
      { travellerKey: 'new', usCitizen: true, kind: 'template', storedAt: '2026-11-01T07:00:00.000Z' },
    ]);
    const purged: number[] = [];
    const scheduler = new RetentionScheduler(s.purger, s.clock, s.timers, { maxIntervalMs: 24 * 3_600_000, onPurged: (r) => purged.push(r.purged) });
    await scheduler.start();
    expect(s.items.map((i) => i.travellerKey)).toEqual(['new']);
    expect(s.pending[0]?.ms).toBe(11 * 3_600_000);
    await s.fire();
    expect(s.items).toEqual([]);
    expect(purged).toEqual([1, 1]);
    scheduler.stop();
  });

  it('looks again at least every maxIntervalMs, and retries soon after a failure', async () => {
    const s = setup([]);
    const errors: unknown[] = [];
    let fail = true;
    const flaky: RetentionPurger = { purgeDue: () => (fail ? Promise.reject(new Error('db closed')) : s.purger.purgeDue()) };
    const scheduler = new RetentionScheduler(flaky, s.clock, s.timers, { retryMs: 5000, onError: (e) => errors.push(e) });
    await scheduler.start();
    expect(errors).toHaveLength(1);
    expect(s.pending[0]?.ms).toBe(5000);
    fail = false;
    await s.fire();
    expect(s.pending[0]?.ms).toBe(15 * 60_000);
  });

  it('wakes by the due time of an item stored after the next run was planned, not at the maximum interval', async () => {
    const s = setup([]);
    const scheduler = new RetentionScheduler(s.purger, s.clock, s.timers);
    await scheduler.start();
    expect(s.pending.map((p) => p.ms)).toEqual([15 * 60_000]);
    // A U.S. citizen's photo taken 11 h 58 min ago is stored now (an offline booth catching up): due in 2 min.
    const storedAt = new Date(s.clock.now().getTime() - (11 * 60 + 58) * 60_000);
    s.items.push({ travellerKey: 'late', usCitizen: true, kind: 'face_image', storedAt: storedAt.toISOString() });
    scheduler.dueAt(new Date(storedAt.getTime() + 12 * 3_600_000));
    expect(s.pending.map((p) => p.ms)).toEqual([2 * 60_000]);
    // A later due time does not postpone it.
    scheduler.dueAt(new Date(s.clock.now().getTime() + 3_600_000));
    expect(s.pending.map((p) => p.ms)).toEqual([2 * 60_000]);
    await s.fire();
    expect(s.items).toEqual([]);
    expect(s.pending.map((p) => p.ms)).toEqual([15 * 60_000]);
    scheduler.stop();
    expect(s.pending).toEqual([]);
  });

  it('honours a due time told while a purge is running (the purge may have missed that item)', async () => {
    const s = setup([]);
    let release: () => void = () => undefined;
    const slow: RetentionPurger = { purgeDue: () => new Promise((resolve) => (release = () => void s.purger.purgeDue().then(resolve))) };
    const scheduler = new RetentionScheduler(slow, s.clock, s.timers);
    const started = scheduler.start();
    scheduler.dueAt(new Date(s.clock.now().getTime() + 30_000));
    release();
    await started;
    expect(s.pending.map((p) => p.ms)).toEqual([30_000]);
    scheduler.stop();
  });

  it('schedules nothing before it is started, and nothing after it is stopped, even when a purge was running', async () => {
    const s = setup([]);
    let release: () => void = () => undefined;
    const slow: RetentionPurger = { purgeDue: () => new Promise((resolve) => (release = () => void s.purger.purgeDue().then(resolve))) };
    const scheduler = new RetentionScheduler(slow, s.clock, s.timers);
    scheduler.dueAt(new Date(s.clock.now().getTime() + 30_000));
    expect(s.pending).toEqual([]);
    const started = scheduler.start();
    scheduler.stop();
    release();
    await started;
    expect(s.pending).toEqual([]);
    scheduler.dueAt(new Date(s.clock.now().getTime() + 30_000));
    expect(s.pending).toEqual([]);
  });

  it('of several due times told during a purge, wakes by the earliest; an unreadable one is ignored', async () => {
    const s = setup([]);
    let release: () => void = () => undefined;
    const slow: RetentionPurger = { purgeDue: () => new Promise((resolve) => (release = () => void s.purger.purgeDue().then(resolve))) };
    const scheduler = new RetentionScheduler(slow, s.clock, s.timers);
    const started = scheduler.start();
    scheduler.dueAt(new Date(s.clock.now().getTime() + 40_000));
    scheduler.dueAt(new Date(s.clock.now().getTime() + 20_000));
    scheduler.dueAt(new Date(s.clock.now().getTime() + 30_000));
    scheduler.dueAt(new Date('not a date'));
    release();
    await started;
    expect(s.pending.map((p) => p.ms)).toEqual([20_000]);
    scheduler.stop();
  });

  it('an unreadable due time told between purges changes nothing; with nothing told, the next run is when the policy says', async () => {
    const s = setup([{ travellerKey: 'new', usCitizen: true, kind: 'template', storedAt: '2026-11-01T07:00:00.000Z' }]);
    const scheduler = new RetentionScheduler(s.purger, s.clock, s.timers);
    await scheduler.start();
    expect(s.pending.map((p) => p.ms)).toEqual([15 * 60_000]);
    scheduler.dueAt(new Date('not a date'));
    expect(s.pending.map((p) => p.ms)).toEqual([15 * 60_000]);
    scheduler.stop();
  });

  it('a wake-up that fires after stop() (its timer already on its way) purges nothing and plans nothing', async () => {
    const s = setup([{ travellerKey: 'new', usCitizen: true, kind: 'template', storedAt: '2026-11-01T07:00:00.000Z' }]);
    let purges = 0;
    const scheduler = new RetentionScheduler({ purgeDue: () => (purges++, s.purger.purgeDue()) }, s.clock, s.timers);
    await scheduler.start();
    const wakeUp = s.pending[0];
    scheduler.stop();
    expect(s.pending).toEqual([]);
    wakeUp?.cb();
    await new Promise((r) => setTimeout(r, 0));
    expect(purges).toBe(1);
    expect(s.pending).toEqual([]);
  });
});

