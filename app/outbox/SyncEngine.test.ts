import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../ports/Ids';
import { InMemoryOutboxStore } from './InMemoryOutboxStore';
import { newOutboxItem } from './outboxItem';
import { StandInDecisionService, type StandInMode } from './StandInDecisionService';
import type { Timers } from '../ports/Timers';
import { SyncEngine } from './SyncEngine';
import { seededRandom } from '../shared/seededRandom';

interface Payload {
  readonly decisionId: string;
  readonly traveller: string;
  readonly valid: boolean;
}

function manualClock(start = Date.parse('2026-11-01T08:00:00.000Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}


function fill(store: InMemoryOutboxStore<Payload>, count: number, travellers: number, createdAt: string, invalid: (i: number) => boolean = () => false): void {
  for (let i = 0; i < count; i++) {
    const traveller = `T${i % travellers}`;
    store.add(newOutboxItem({ itemId: `item-${i}`, seq: i, idempotencyKey: `decision-${i}`, travellerKey: traveller, payload: { decisionId: `decision-${i}`, traveller, valid: !invalid(i) }, createdAt }));
  }
}

/** The service's arrival order must keep each traveller's seq order. */
function expectOrderPerTraveller(service: StandInDecisionService<Payload>): void {
  const lastSeq = new Map<string, number>();
  for (const payload of service.stored.values()) {
    const seq = Number(payload.decisionId.split('-')[1]);
    expect(seq).toBeGreaterThan(lastSeq.get(payload.traveller) ?? -1);
    lastSeq.set(payload.traveller, seq);
  }
}

/**
 * One item in the outbox and an engine started on recording timers, its first batch held by the service until the
 * test calls answer(): for what stop() and notify() do while a batch is on its way.
 */
async function engineWaitingOnTheService(options: { idlePollMs?: number }) {
  const clock = manualClock();
  const store = new InMemoryOutboxStore<Payload>();
  fill(store, 1, 1, clock.now().toISOString());
  let release: (() => void) | undefined;
  const service = new StandInDecisionService<Payload>('up');
  const slow = { submit: (batch: Parameters<typeof service.submit>[0]) => new Promise<Awaited<ReturnType<typeof service.submit>>>((resolve) => (release = () => void service.submit(batch).then(resolve))) };
  const scheduled: number[] = [];
  const timers: Timers = { setTimeout: (_callback, ms) => scheduled.push(ms), clearTimeout: () => undefined };
  const engine = new SyncEngine({ store, port: slow, clock, ids: sequentialIds(), random: () => 0.5, ...options });
  engine.start(timers);
  await expect.poll(() => release !== undefined).toBe(true);
  return { engine, store, scheduled, answer: () => release?.() };
}

const modes: StandInMode[] = ['up', 'timeout', 'timeout_after_commit', 'server_error', 'partial'];

describe('SyncEngine against a records service that times out, fails, answers duplicates and comes back', () => {
  it('loses nothing and duplicates nothing, whatever the service does, and keeps order per traveller', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...modes), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 9 }), fc.integer(), async (script, batchSize, seed) => {
        const clock = manualClock();
        const store = new InMemoryOutboxStore<Payload>();
        fill(store, 60, 7, clock.now().toISOString());
        const service = new StandInDecisionService<Payload>('up');
        service.queueModes(...script);
        const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: seededRandom(`sync-${seed}`), policy: { batchSize, baseDelayMs: 1000, maxDelayMs: 30_000, maxRejections: 3 } });
        for (let round = 0; round < 500 && (await store.listUnsynced()).length > 0; round++) {
          await engine.drain(5);
          clock.advance(31_000);
        }
        expect(await store.listUnsynced()).toEqual([]);
        expect(store.all().every((i) => i.state === 'synced')).toBe(true);
        expect(service.stored.size).toBe(60);
        expect([...service.acceptedCount.values()].every((n) => n === 1)).toBe(true);
        expectOrderPerTraveller(service);
      }),
      { numRuns: 60 },
    );
  });

  it('reports the outage in its status and recovers the connection state when the service returns', async () => {
    const clock = manualClock();
    const store = new InMemoryOutboxStore<Payload>();
    fill(store, 10, 10, clock.now().toISOString());
    const service = new StandInDecisionService<Payload>('timeout');
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5, policy: { batchSize: 4, baseDelayMs: 1000, maxDelayMs: 10_000, maxRejections: 3 } });
    const first = await engine.drain();
    expect(first).toMatchObject({ sent: 4, retried: 4 }); // stops at the first batch when all failed instead of spinning
    expect(await engine.status()).toMatchObject({ connection: 'offline', queued: 10, failing: true, lastError: 'records service timed out' });
    service.setMode('up');
    clock.advance(10_000);
    await engine.drain();
    expect(await engine.status()).toMatchObject({ connection: 'online', queued: 0, deadLettered: 0, failing: false, nextAttemptAt: null });
  });

  it('after a crash between sending and saving, resends the items in flight and the service answers duplicate', async () => {
    const clock = manualClock();
    const store = new InMemoryOutboxStore<Payload>();
    fill(store, 6, 3, clock.now().toISOString());
    const service = new StandInDecisionService<Payload>('up');
    // The renderer dies after the request went out: nothing it would do next (saving, putting back) happens.
    const crashing = Object.assign(Object.create(store) as InMemoryOutboxStore<Payload>, {
      saveOutcomes: async () => {
        throw new Error('renderer killed');
      },
      resetInFlight: async () => {
        throw new Error('renderer killed');
      },
    });
    await expect(new SyncEngine({ store: crashing, port: service, clock, ids: sequentialIds(), random: () => 0.5 }).runOnce()).rejects.toThrow('renderer killed');
    expect(store.all().filter((i) => i.state === 'in_flight')).toHaveLength(3);
    const restarted = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5 });
    expect(await restarted.recover()).toBe(3);
    const report = await restarted.drain();
    expect(report).toMatchObject({ sent: 6, duplicates: 3, accepted: 3 });
    expect([...service.acceptedCount.values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('dead-letters an item the service keeps refusing, alerts once, holds back that traveller only', async () => {
    const clock = manualClock();
    const store = new InMemoryOutboxStore<Payload>();
    fill(store, 6, 2, clock.now().toISOString(), (i) => i === 0); // T0: items 0,2,4 ; T1: items 1,3,5
    const service = new StandInDecisionService<Payload>('up', (p) => (p.valid ? null : 'HTTP 422: subject missing'));
    const alerts: unknown[] = [];
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5, onAlert: (a) => alerts.push(a), policy: { batchSize: 10, baseDelayMs: 1000, maxDelayMs: 5000, maxRejections: 3 } });
    for (let i = 0; i < 10; i++) {
      await engine.drain();
      clock.advance(5000);
    }
    expect(alerts).toEqual([expect.objectContaining({ code: 'sync_dead_letter', itemId: 'item-0', rejections: 3, lastError: 'HTTP 422: subject missing' })]);
    expect(store.alerts).toHaveLength(1);
    expect([...service.stored.keys()]).toEqual(['decision-1', 'decision-3', 'decision-5']);
    expect(store.all().map((i) => i.state)).toEqual(['dead_letter', 'synced', 'pending', 'synced', 'pending', 'synced']);
    expect(await engine.status()).toMatchObject({ queued: 2, deadLettered: 1, failing: true });
  });

  it('dead-letters an item whose payload cannot be opened without sending it, keeps its payload, and sends the rest in the same drain', async () => {
    /** The in-memory outbox, but these items' payloads do not open (as if sealed under another storage key). */
    class PartlyUnreadableStore extends InMemoryOutboxStore<Payload> {
      constructor(private readonly unreadableIds: ReadonlySet<string>) {
        super();
      }
      override async loadSubmissions(itemIds: readonly string[]) {
        const loaded = await super.loadSubmissions(itemIds.filter((id) => !this.unreadableIds.has(id)));
        return { ...loaded, unreadable: itemIds.filter((id) => this.unreadableIds.has(id)).map((itemId) => ({ itemId, reason: 'sealed under another key' })) };
      }
    }
    const clock = manualClock();
    const store = new PartlyUnreadableStore(new Set(['item-0']));
    fill(store, 6, 2, clock.now().toISOString()); // T0: items 0,2,4 ; T1: items 1,3,5
    const payloadBefore = store.all()[0]?.payload;
    const service = new StandInDecisionService<Payload>('up');
    const alerts: unknown[] = [];
    // One item per batch: the first batch holds only the unreadable item, and the drain must not stop there.
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5, onAlert: (a) => alerts.push(a), policy: { batchSize: 1, baseDelayMs: 1000, maxDelayMs: 5000, maxRejections: 3 } });
    const report = await engine.drain();
    expect(report).toMatchObject({ sent: 3, accepted: 3, deadLettered: 1 });
    expect(service.requests).toBe(3); // the batch of only the unreadable item sent no request
    expect(alerts).toEqual([expect.objectContaining({ code: 'sync_dead_letter', cause: 'unreadable', itemId: 'item-0', rejections: 0, lastError: 'payload cannot be opened: sealed under another key' })]);
    expect(store.alerts).toEqual(alerts);
    // Never sent, so no attempt counted; its payload is exactly what was stored.
    expect(store.all()[0]).toMatchObject({ state: 'dead_letter', attempts: 0 });
    expect(store.all()[0]?.payload).toBe(payloadBefore);
    // The dead letter holds back its own traveller (the policy for every dead letter); the other traveller syncs.
    expect([...service.stored.keys()]).toEqual(['decision-1', 'decision-3', 'decision-5']);
    expect(store.all().map((i) => i.state)).toEqual(['dead_letter', 'synced', 'pending', 'synced', 'pending', 'synced']);
    expect(await engine.status()).toMatchObject({ queued: 2, deadLettered: 1, failing: true });
  });

  it('in the background, syncs what is queued and wakes when notified of a new item', async () => {
    const clock = manualClock();
    const store = new InMemoryOutboxStore<Payload>();
    fill(store, 3, 3, clock.now().toISOString());
    const service = new StandInDecisionService<Payload>('up');
    const scheduled: { ms: number }[] = [];
    const timers: Timers = { setTimeout: (_cb, ms) => scheduled.push({ ms }), clearTimeout: () => undefined };
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5, idlePollMs: 15_000 });
    engine.start(timers);
    await expect.poll(() => service.stored.size).toBe(3);
    await expect.poll(() => scheduled.length).toBe(1);
    expect(scheduled[0]?.ms).toBe(15_000);
    store.add(newOutboxItem({ itemId: 'late', seq: 10, idempotencyKey: 'decision-late', travellerKey: 'T0', payload: { decisionId: 'decision-10', traveller: 'T0', valid: true }, createdAt: clock.now().toISOString() }));
    engine.notify();
    await expect.poll(() => service.stored.has('decision-late')).toBe(true);
    engine.stop();
  });

  it('when saving the answers fails, says so in the status, and sends the items again instead of leaving them in flight', async () => {
    const clock = manualClock();
    /** IndexedDB refuses one write (quota, a closing database); the next one goes through. */
    class RefusingOnce extends InMemoryOutboxStore<Payload> {
      refuse = true;
      override async saveOutcomes(...args: Parameters<InMemoryOutboxStore<Payload>['saveOutcomes']>): Promise<void> {
        if (this.refuse) {
          this.refuse = false;
          throw new Error('QuotaExceededError');
        }
        return super.saveOutcomes(...args);
      }
    }
    const store = new RefusingOnce();
    fill(store, 2, 1, clock.now().toISOString());
    const service = new StandInDecisionService<Payload>('up');
    const statuses: { failing: boolean; lastError: string | null }[] = [];
    const wakeUps: (() => void)[] = [];
    const timers: Timers = { setTimeout: (callback, ms) => wakeUps.push(callback) && ms, clearTimeout: () => undefined };
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5, onStatus: (s) => statuses.push(s), policy: { batchSize: 1, baseDelayMs: 1000, maxDelayMs: 5000, maxRejections: 3 } });
    engine.start(timers);
    await expect.poll(() => statuses.length).toBe(1);
    expect(statuses[0]).toMatchObject({ failing: true, lastError: expect.stringContaining('QuotaExceededError') });
    // Not stuck in flight until a restart: the item (and the traveller's next one) can go at the next wake-up.
    expect(store.all().map((i) => i.state)).toEqual(['pending', 'pending']);
    await expect.poll(() => wakeUps.length).toBe(1);
    wakeUps.shift()?.();
    await expect.poll(() => store.all().map((i) => i.state)).toEqual(['synced', 'synced']);
    await expect.poll(() => statuses.at(-1)?.failing).toBe(false);
    engine.stop();
  });

  it('in the background, wakes when the next item is due (at most the idle poll later), once started and until stopped', async () => {
    const clock = manualClock();
    const store = new InMemoryOutboxStore<Payload>();
    fill(store, 2, 2, clock.now().toISOString());
    const service = new StandInDecisionService<Payload>('server_error');
    const pending: { callback: () => void; ms: number }[] = [];
    const cleared: unknown[] = [];
    const timers: Timers = {
      setTimeout: (callback, ms) => {
        const timer = { callback, ms };
        pending.push(timer);
        return timer;
      },
      clearTimeout: (timer) => void cleared.push(timer),
    };
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5, idlePollMs: 15_000, policy: { batchSize: 5, baseDelayMs: 1000, maxDelayMs: 5000, maxRejections: 3 } });
    engine.notify(); // not started: nothing is sent
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(service.requests).toBe(0);
    engine.start(timers);
    engine.start(timers); // a second start does not start a second loop
    await expect.poll(() => pending.length).toBe(1);
    expect(service.requests).toBe(1);
    // Both items failed with HTTP 503 and wait out a backoff of 500 ms (half the base delay, random 0.5).
    expect(pending[0]?.ms).toBe(500);
    expect(await engine.status()).toMatchObject({ queued: 2, failing: false, nextAttemptAt: new Date(clock.now().getTime() + 500).toISOString() });
    // Notified of a new item: the pending wake-up is replaced, not doubled.
    engine.notify();
    expect(cleared).toEqual([pending[0]]);
    await expect.poll(() => pending.length).toBe(2);
    engine.stop();
    expect(cleared).toEqual([pending[0], pending[1]]);
    // A wake-up that fires after stop() sends nothing, though the items are due by then.
    const requests = service.requests;
    clock.advance(10_000);
    pending[1]?.callback();
    engine.notify();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(service.requests).toBe(requests);
  });

  it('after a store failure, waits one backoff step before trying again rather than spinning', async () => {
    const clock = manualClock();
    class Refusing extends InMemoryOutboxStore<Payload> {
      override async saveOutcomes(): Promise<void> {
        throw new Error('database closed');
      }
    }
    const store = new Refusing();
    fill(store, 1, 1, clock.now().toISOString());
    const scheduled: number[] = [];
    const timers: Timers = { setTimeout: (_callback, ms) => scheduled.push(ms), clearTimeout: () => undefined };
    const engine = new SyncEngine({ store, port: new StandInDecisionService<Payload>('up'), clock, ids: sequentialIds(), random: () => 0.5, idlePollMs: 15_000, policy: { batchSize: 5, baseDelayMs: 1000, maxDelayMs: 5000, maxRejections: 3 } });
    engine.start(timers);
    await expect.poll(() => scheduled).toEqual([1000]);
    expect(await engine.status()).toMatchObject({ failing: true, lastError: 'sync store failed: database closed' });
    engine.stop();
  });

  it('drains at most the number of batches asked for, and adds up every batch in its report', async () => {
    const clock = manualClock();
    const store = new InMemoryOutboxStore<Payload>();
    fill(store, 5, 5, clock.now().toISOString(), (i) => i % 2 === 0); // five travellers; items 0, 2, 4 are refused
    const service = new StandInDecisionService<Payload>('up', (p) => (p.valid ? null : 'HTTP 422'));
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5, policy: { batchSize: 1, baseDelayMs: 1000, maxDelayMs: 5000, maxRejections: 3 } });
    expect(await engine.drain(2)).toEqual({ sent: 2, accepted: 1, duplicates: 0, rejected: 1, retried: 0, deadLettered: 0 });
    expect(service.requests).toBe(2);
    expect(await engine.drain()).toEqual({ sent: 3, accepted: 1, duplicates: 0, rejected: 2, retried: 0, deadLettered: 0 });
  });

  it('an item the service did not answer for is tried again, saying so; the service is still reachable', async () => {
    const clock = manualClock();
    const store = new InMemoryOutboxStore<Payload>();
    fill(store, 2, 2, clock.now().toISOString());
    const service = new StandInDecisionService<Payload>('partial'); // answers for the first half of the batch only
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5 });
    expect(await engine.runOnce()).toMatchObject({ sent: 2, accepted: 1, retried: 1 });
    expect(store.all().map((i) => [i.state, i.lastError])).toEqual([
      ['synced', null],
      ['pending', 'no answer for this item'],
    ]);
    expect(await engine.status()).toMatchObject({ connection: 'online', failing: false, lastError: null });
  });

  it('names each dead-letter alert with its own id', async () => {
    const clock = manualClock();
    const store = new InMemoryOutboxStore<Payload>();
    fill(store, 2, 2, clock.now().toISOString(), () => true);
    const alerts: { alertId: string }[] = [];
    const service = new StandInDecisionService<Payload>('up', () => 'HTTP 422');
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5, onAlert: (a) => alerts.push(a), policy: { batchSize: 5, baseDelayMs: 1000, maxDelayMs: 5000, maxRejections: 1 } });
    await engine.runOnce();
    expect(alerts.map((a) => a.alertId)).toEqual(['sync-alert-1', 'sync-alert-2']);
  });

  it('with nothing to send, or only payloads that cannot be opened, sends no request and writes nothing needless', async () => {
    const clock = manualClock();
    class Counting extends InMemoryOutboxStore<Payload> {
      saves = 0;
      override async saveOutcomes(...args: Parameters<InMemoryOutboxStore<Payload>['saveOutcomes']>): Promise<void> {
        this.saves++;
        return super.saveOutcomes(...args);
      }
      override async loadSubmissions(itemIds: readonly string[]) {
        const loaded = await super.loadSubmissions([]);
        return { ...loaded, unreadable: itemIds.map((itemId) => ({ itemId, reason: 'sealed under another key' })) };
      }
    }
    const store = new Counting();
    const service = new StandInDecisionService<Payload>('up');
    const alerts: { alertId: string }[] = [];
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5, onAlert: (a) => alerts.push(a) });
    expect(await engine.runOnce()).toEqual({ sent: 0, accepted: 0, duplicates: 0, rejected: 0, retried: 0, deadLettered: 0 });
    expect(store.saves).toBe(0);
    fill(store, 1, 1, clock.now().toISOString());
    expect(await engine.runOnce()).toMatchObject({ sent: 0, deadLettered: 1 });
    expect(service.requests).toBe(0);
    expect(store.saves).toBe(1);
    expect(alerts.map((a) => a.alertId)).toEqual(['sync-alert-1']);
  });

  it('puts the items a crash left in flight back once, at start-up, not at every wake-up', async () => {
    const clock = manualClock();
    class CountingResets extends InMemoryOutboxStore<Payload> {
      resets = 0;
      override async resetInFlight(): Promise<number> {
        this.resets++;
        return super.resetInFlight();
      }
    }
    const store = new CountingResets();
    fill(store, 1, 1, clock.now().toISOString());
    const wakeUps: (() => void)[] = [];
    const timers: Timers = { setTimeout: (callback) => wakeUps.push(callback), clearTimeout: () => undefined };
    const service = new StandInDecisionService<Payload>('up');
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5 });
    engine.start(timers);
    engine.start(timers); // started twice: still one loop, which puts the items back once
    await expect.poll(() => wakeUps.length).toBe(1);
    wakeUps[0]?.();
    await expect.poll(() => wakeUps.length).toBe(2);
    expect(store.resets).toBe(1);
    engine.stop();
  });

  it('stopped while a batch is being sent: saves its answers but plans no wake-up', async () => {
    const { engine, store, scheduled, answer } = await engineWaitingOnTheService({});
    engine.stop();
    answer();
    await expect.poll(() => store.all()[0]?.state).toBe('synced');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(scheduled).toEqual([]);
  });

  it('notified while a batch is being sent: both runs finish with one wake-up planned, not two', async () => {
    const { engine, store, scheduled, answer } = await engineWaitingOnTheService({ idlePollMs: 15_000 });
    engine.notify(); // a new item while the first run waits for the service: a second run starts
    answer();
    await expect.poll(() => store.all()[0]?.state).toBe('synced');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A second timer would be a wake-up stop() can no longer cancel.
    expect(scheduled).toEqual([15_000]);
    engine.stop();
  });

  it('when the store cannot even be read, the status it publishes still says failing', async () => {
    const clock = manualClock();
    class Unreadable extends InMemoryOutboxStore<Payload> {
      override async listUnsynced(): Promise<never> {
        throw new Error('database closed');
      }
    }
    const statuses: unknown[] = [];
    const timers: Timers = { setTimeout: () => 0, clearTimeout: () => undefined };
    const engine = new SyncEngine({ store: new Unreadable(), port: new StandInDecisionService<Payload>('up'), clock, ids: sequentialIds(), random: () => 0.5, onStatus: (s) => statuses.push(s) });
    engine.start(timers);
    await expect.poll(() => statuses.length).toBe(1);
    expect(statuses[0]).toEqual({ connection: 'unknown', queued: 0, deadLettered: 0, failing: true, lastError: 'sync store failed: database closed', nextAttemptAt: null });
    engine.stop();
  });

  it('when putting back the items a crash left in flight fails at start-up, says so and tries again at the next wake-up', async () => {
    const clock = manualClock();
    class ResetFailsOnce extends InMemoryOutboxStore<Payload> {
      failures = 1;
      override async resetInFlight(): Promise<number> {
        if (this.failures-- > 0) throw new Error('database is closing');
        return super.resetInFlight();
      }
    }
    const store = new ResetFailsOnce();
    fill(store, 1, 1, clock.now().toISOString());
    await store.markInFlight(['item-0']); // left in flight by a crash
    const service = new StandInDecisionService<Payload>('up');
    const statuses: { failing: boolean; lastError: string | null }[] = [];
    const wakeUps: { callback: () => void; ms: number }[] = [];
    const timers: Timers = { setTimeout: (callback, ms) => wakeUps.push({ callback, ms }), clearTimeout: () => undefined };
    const engine = new SyncEngine({ store, port: service, clock, ids: sequentialIds(), random: () => 0.5, onStatus: (s) => statuses.push(s), policy: { batchSize: 5, baseDelayMs: 1000, maxDelayMs: 5000, maxRejections: 3 } });
    engine.start(timers);
    await expect.poll(() => statuses.length).toBe(1);
    expect(statuses[0]).toMatchObject({ failing: true, lastError: 'sync store failed: recovering in-flight items failed: database is closing' });
    expect(service.requests).toBe(0);
    // One backoff step later it is put back and sent.
    await expect.poll(() => wakeUps.map((w) => w.ms)).toEqual([1000]);
    wakeUps[0]?.callback();
    await expect.poll(() => service.stored.size).toBe(1);
    await expect.poll(() => statuses.at(-1)?.failing).toBe(false);
    engine.stop();
  });
});
