import type { DecisionSyncPort, SubmitItemResult, SyncSubmission } from '../../app/outbox/DecisionSyncPort';
import { SyncEngine } from '../../app/outbox/SyncEngine';
import { systemClock } from '../../app/ports/Clock';
import { RetentionScheduler } from '../../app/retention/RetentionScheduler';
import type { BoothInfo } from '../../app/host/boothInfo';
import type { HostClient } from '../host/HostClient';
import type { BoothStore } from '../state/createBoothStore';
import type { DecisionSyncPayload } from '../storage/decisionStoreTypes';
import type { BoothJournal } from './DecisionJournal';

const browserIds = { next: (prefix: string) => `${prefix}-${crypto.randomUUID()}` };
const timers = { setTimeout: (callback: () => void, ms: number) => window.setTimeout(callback, ms), clearTimeout: (handle: unknown) => window.clearTimeout(handle as number) };

/** The booth info, once the host has sent it. */
function boothInfo(store: BoothStore): Promise<BoothInfo> {
  return new Promise((resolve) => {
    const now = store.getState().info;
    if (now) return resolve(now);
    const stop = store.subscribe((state) => {
      if (!state.info) return;
      stop();
      resolve(state.info);
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

/**
 * What keeps decisions safe in the background once the booth is up: the outbox sync to the records service
 * (the status always in the header) and the retention purges, at start-up and whenever the next item falls
 * due. A booth whose store cannot open says so in the header: decisions cannot be recorded there.
 */
export async function startDecisionBookkeeping(host: Pick<HostClient, 'call'>, store: BoothStore, journal: BoothJournal): Promise<() => void> {
  let decisionStore;
  try {
    decisionStore = await journal.store();
  } catch (error) {
    store.getState().storageFailed(error instanceof Error ? error.message : String(error));
    return () => undefined;
  }
  const sync = new SyncEngine<DecisionSyncPayload>({
    store: decisionStore.outbox,
    port: hostDecisionSyncPort(host),
    clock: systemClock,
    ids: browserIds,
    random: Math.random,
    onStatus: (status) => store.getState().syncChanged(status),
    onAlert: (alert) => store.getState().announce(`A decision could not be synced and needs a supervisor: ${alert.message}`, 'error'),
  });
  journal.onRecorded(() => sync.notify());
  await sync.recover();
  sync.start(timers);
  // The header shows the queue as it is at start-up (decisions left from before a restart), not "starting".
  store.getState().syncChanged(await sync.status());
  // The booth's settings decide the retention period; a change is stored (and audited) before the first purge.
  const days = (await boothInfo(store)).retentionDays;
  if ((await decisionStore.getRetentionSettings()).otherTravellersDays !== days) {
    await decisionStore.setRetentionSettings({ otherTravellersDays: days }, { userId: store.getState().info?.boothId ?? 'booth', role: 'system' });
  }
  const retention = new RetentionScheduler({ purgeDue: () => decisionStore.purgeDue() }, systemClock, timers, {
    onError: (error) => store.getState().announce(`Retention purge failed (will retry): ${error instanceof Error ? error.message : String(error)}`, 'error'),
  });
  await retention.start();
  return () => {
    sync.stop();
    retention.stop();
  };
}
