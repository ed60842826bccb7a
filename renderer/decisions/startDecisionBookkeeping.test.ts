import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../app/ports/Clock';
import type { HostClient } from '../host/HostClient';
import { createBoothStore } from '../state/createBoothStore';
import type { RecordedDecision } from '../storage/decisionStoreTypes';
import { sampleDecision, testStorageKey } from '../storage/testSupport/decisionFixtures';
import type { BoothJournal } from './DecisionJournal';
import { openDecisionJournal } from './openDecisionJournal';
import { startDecisionBookkeeping } from './startDecisionBookkeeping';
import { shippedPolicies } from '../../app/policy/testSupport/shippedPolicies';

/** The host as the bookkeeping reaches it: the storage key, and a records service that is down. */
const host: Pick<HostClient, 'call'> = {
  call: (async (channel: string) =>
    channel === 'storage:getKey'
      ? { ok: true, value: { key: Buffer.from(testStorageKey()).toString('base64') } }
      : { ok: false, error: { code: 'host_unreachable', message: `${channel}: offline in this test` } }) as HostClient['call'],
};

/** Timers the test reads and never fires (nothing runs behind the test's back). */
function heldTimers() {
  const pending = new Set<{ readonly ms: number }>();
  return {
    pending,
    setTimeout: (_callback: () => void, ms: number) => {
      const timer = { ms };
      pending.add(timer);
      return timer;
    },
    clearTimeout: (handle: unknown) => void pending.delete(handle as { ms: number }),
  };
}

/** The real journal, counting the listeners registered on it (what a leak would leave behind). */
function countingJournal(journal: BoothJournal) {
  let listening = 0;
  const counted: BoothJournal = {
    ...journal,
    onRecorded(listener: (recorded: RecordedDecision) => void) {
      listening++;
      const remove = journal.onRecorded(listener);
      return () => {
        listening--;
        remove();
      };
    },
  };
  return { journal: counted, listening: () => listening };
}

function booth(boothId: string) {
  const store = createBoothStore();
  store.getState().infoLoaded({ boothId, laneType: 'vehicle', deviceMode: 'sim', faceMatchTargetFmr: 1e-4, version: 't', screenLockMinutes: 5, retentionDays: 30, settingsProblems: [], direction: 'entry', policies: shippedPolicies });
  return { store, ...countingJournal(openDecisionJournal(host, store)) };
}

describe('startDecisionBookkeeping', () => {
  it('wakes retention by the 12 hours of a U.S. citizen photo recorded after the next purge was planned', async () => {
    const { store, journal } = booth('b1');
    const timers = heldTimers();
    const bookkeeping = startDecisionBookkeeping(host, store, journal, { clock: systemClock, timers });
    await bookkeeping.started;
    // Nothing kept yet: the next purge is planned at the longest interval.
    expect([...timers.pending].some((t) => t.ms === 15 * 60_000)).toBe(true);

    // Decided 11 h 58 min ago (a booth that was offline), recorded now with its photo: due in 2 minutes.
    const decidedAt = new Date(Date.now() - (11 * 60 + 58) * 60_000).toISOString();
    await journal.recordDecision({ ...sampleDecision(1), decidedAt }, { mandatoryReferral: false, usCitizen: true, bestShot: { mediaType: 'image/jpeg', base64: 'AAAA' } });
    const retentionWake = [...timers.pending].map((t) => t.ms).filter((ms) => ms > 60_000 && ms <= 2 * 60_000);
    expect(retentionWake).toHaveLength(1);
    expect(retentionWake[0]).toBeGreaterThan(2 * 60_000 - 10_000);
    expect([...timers.pending].some((t) => t.ms === 15 * 60_000)).toBe(false);

    bookkeeping.stop();
    (await journal.store()).close();
  });

  it('lets go of the journal and clears its timers when stopped', async () => {
    const { store, journal, listening } = booth('b2');
    const timers = heldTimers();
    const bookkeeping = startDecisionBookkeeping(host, store, journal, { clock: systemClock, timers });
    await bookkeeping.started;
    expect(listening()).toBeGreaterThan(0);
    bookkeeping.stop();
    expect(listening()).toBe(0);
    expect(timers.pending.size).toBe(0);
    (await journal.store()).close();
  });

  it('stopped while still starting, keeps no listener and no timer, whether the store is still opening or the booth info has not come', async () => {
    for (const stopWhen of ['store opening', 'waiting for booth info'] as const) {
      const store = createBoothStore();
      const { journal, listening } = countingJournal(openDecisionJournal(host, store));
      const timers = heldTimers();
      const bookkeeping = startDecisionBookkeeping(host, store, journal, { clock: systemClock, timers });
      if (stopWhen === 'waiting for booth info') {
        // Sync runs (its timer is set) before the booth info, which never comes here, is needed.
        for (let i = 0; i < 200 && timers.pending.size === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
        expect(timers.pending.size).toBeGreaterThan(0);
      }
      bookkeeping.stop();
      await bookkeeping.started;
      expect(listening()).toBe(0);
      expect(timers.pending.size).toBe(0);
      (await journal.store()).close();
    }
  });
});
