import type { DecisionSyncPort, SubmitItemResult, SyncSubmission } from '../../app/outbox/DecisionSyncPort';
import { SyncEngine } from '../../app/outbox/SyncEngine';
import { systemClock, type Clock } from '../../app/ports/Clock';
import { RetentionScheduler } from '../../app/retention/RetentionScheduler';
import type { Timers } from '../../app/ports/Timers';
import { retentionDeadline } from '../../app/retention/retentionPolicy';
import type { BoothInfo } from '../../app/host/boothInfo';
import type { HostClient } from '../host/HostClient';
import type { BoothStore } from '../state/createBoothStore';
import type { DecisionSyncPayload } from '../storage/decisionStoreTypes';
import type { BoothJournal } from './DecisionJournal';

const browserIds = { next: (prefix: string) => `${prefix}-${crypto.randomUUID()}` };
const browserTimers: Timers = { setTimeout: (callback: () => void, ms: number): unknown => globalThis.setTimeout(callback, ms), clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as number) };

/** The booth info, once the host has sent it; null when stopped first (`onStop` receives how to stop waiting). */
function boothInfo(store: BoothStore, onStop: (stop: () => void) => void): Promise<BoothInfo | null> {
  return new Promise((resolve) => {
    const now = store.getState().info;
    if (now) return resolve(now);
    const unsubscribe = store.subscribe((state) => {
      if (!state.info) return;
      unsubscribe();
      resolve(state.info);
    });
    onStop(() => {
      unsubscribe();
      resolve(null);
    });
  });
}

/** The records service's decision intake, reached through the host (the renderer talks to services only through it). */
export function hostDecisionSyncPort(host: Pick<HostClient, 'call'>): DecisionSyncPort<DecisionSyncPayload> {
  return {
    async submit(batch: readonly SyncSubmission<DecisionSyncPayload>[]): Promise<readonly SubmitItemResult[]> {
      const reply = await host.call('decisions:sync', { batch: batch.map((item) => ({ idempotencyKey: item.idempotencyKey, payload: item.payload })) });
      // Host unreachable or timed out: every item is retried after a backoff (the engine treats a throw so).
      if (!reply.ok) throw new Error(`the booth host did not take the batch: ${reply.error.message}`);
      // Every item "retry" means the records service is unreachable or failing: said as an outage, so the
      // header shows it and the engine backs off (the items are retried either way).
      const results = reply.value.results;
      const first = results[0];
      if (first && results.every((r) => r.outcome === 'retry')) throw new Error(first.outcome === 'retry' ? first.reason : 'the records service is unavailable');
      return results;
    },
  };
}

/** Bookkeeping started in the background. */
export interface DecisionBookkeeping {
  /** Resolves once sync and retention run, or could not start (said in the header), or `stop` came first; never rejects. */
  readonly started: Promise<void>;
  /** Stops sync and retention and lets go of the journal, also while still starting. */
  stop(): void;
}

/** Time and timers (the browser's by default; tests pass their own). */
export interface BookkeepingRuntime {
  readonly clock: Clock;
  readonly timers: Timers;
}

/**
 * What keeps decisions safe in the background once the booth is up: the outbox sync to the records service
 * (the status always in the header) and the retention purges, at start-up, whenever the next item falls due,
 * and when a decision keeps a biometric that falls due before the next planned purge. A booth whose store
 * cannot open says so in the header: decisions cannot be recorded there.
 */
export function startDecisionBookkeeping(host: Pick<HostClient, 'call'>, store: BoothStore, journal: BoothJournal, runtime: BookkeepingRuntime = { clock: systemClock, timers: browserTimers }): DecisionBookkeeping {
  let stopped = false;
  const cleanups: (() => void)[] = [];
  const onStop = (cleanup: () => void) => (stopped ? cleanup() : cleanups.push(cleanup));
  const stop = () => {
    stopped = true;
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  };

  const start = async () => {
    let decisionStore;
    try {
      decisionStore = await journal.store();
    } catch (error) {
      store.getState().storageFailed(error instanceof Error ? error.message : String(error));
      return;
    }
    if (stopped) return;
    // Opened with another storage key: the booth goes on (new decisions are stored and synced), the header says
    // so and the officer is told once; the store has audited it and queued it for a supervisor.
    const keyStatus = decisionStore.keyStatus;
    store.getState().storageWarned(keyStatus.state === 'changed' ? keyStatus.headline : null);
    if (keyStatus.state === 'changed') store.getState().announce(`Earlier records cannot be opened, a supervisor has been alerted: ${keyStatus.message}`, 'error');
    const sync = new SyncEngine<DecisionSyncPayload>({
      store: decisionStore.outbox,
      port: hostDecisionSyncPort(host),
      clock: runtime.clock,
      ids: browserIds,
      random: Math.random,
      onStatus: (status) => store.getState().syncChanged(status),
      onAlert: (alert) => store.getState().announce(`A decision could not be synced and needs a supervisor: ${alert.message}`, 'error'),
    });
    onStop(journal.onRecorded(() => sync.notify()));
    await sync.recover();
    if (stopped) return;
    sync.start(runtime.timers);
    onStop(() => sync.stop());
    // The header shows the queue as it is at start-up (decisions left from before a restart), not "starting".
    store.getState().syncChanged(await sync.status());
    // The policy in force bounds the retention period and the booth's setting may shorten it; a change of setting is
    // stored (and audited) before the first purge.
    const info = await boothInfo(store, onStop);
    if (!info || stopped) return;
    const days = info.retentionDays;
    if ((await decisionStore.getRetentionSettings()).otherTravellersDays !== days) {
      await decisionStore.setRetentionSettings({ otherTravellersDays: days }, { userId: store.getState().info?.boothId ?? 'booth', role: 'system' });
    }
    if (stopped) return;
    const retention = new RetentionScheduler({ purgeDue: () => decisionStore.purgeDue(info.policies) }, runtime.clock, runtime.timers, {
      onError: (error) => store.getState().announce(`Retention purge failed (will retry): ${error instanceof Error ? error.message : String(error)}`, 'error'),
    });
    onStop(() => retention.stop());
    // A U.S. citizen's photo kept now falls due within 12 hours (the policy says how soon), perhaps before the next planned purge.
    const settings = { otherTravellersDays: days };
    onStop(
      journal.onRecorded(({ retained }) => {
        for (const item of retained) {
          const deadline = retentionDeadline(item, settings, info.policies, runtime.clock.now());
          if (deadline) retention.dueAt(deadline);
        }
      }),
    );
    await retention.start();
  };
  const started = start().catch((error: unknown) => {
    if (!stopped) store.getState().announce(`Decision sync and retention could not start: ${error instanceof Error ? error.message : String(error)}`, 'error');
  });
  return { started, stop };
}
