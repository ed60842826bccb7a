import type { Clock } from '../ports/Clock';
import type { Timers } from '../ports/Timers';
import type { Ids } from '../ports/Ids';
import { nextAttemptTime, selectNextBatch } from './batchSelection';
import type { DecisionSyncPort, SubmitItemResult } from './DecisionSyncPort';
import type { OutboxStorePort } from './OutboxStorePort';
import { applySubmitResult, deadLetterUnreadable, defaultSyncPolicy, type SyncDeadLetterAlert, type SyncPolicy } from './syncPolicy';

/** The always-visible sync state: reachable or not, how many wait, whether something is failing. */
export interface SyncStatus {
  /** online: the service answered the last request; offline: it did not; unknown: nothing sent yet. */
  readonly connection: 'online' | 'offline' | 'unknown';
  /** Items waiting to be sent (pending or in flight). */
  readonly queued: number;
  readonly deadLettered: number;
  /** True when the last request failed, the outbox store failed, or anything is dead-lettered. */
  readonly failing: boolean;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
}

export interface SyncRunReport {
  readonly sent: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly retried: number;
  readonly deadLettered: number;
}

export interface SyncEngineDeps<P> {
  readonly store: OutboxStorePort<P>;
  readonly port: DecisionSyncPort<P>;
  readonly clock: Clock;
  readonly ids: Ids;
  /** In [0, 1): the jitter source, injected so tests are deterministic. */
  readonly random: () => number;
  readonly policy?: SyncPolicy;
  /** Called after an alert is saved with its item (the store also keeps it, e.g. as a review item). */
  readonly onAlert?: (alert: SyncDeadLetterAlert) => void;
  /** Called whenever the status may have changed. */
  readonly onStatus?: (status: SyncStatus) => void;
  /** Wait while idle with nothing scheduled before looking again (new items also wake the loop through `notify`). */
  readonly idlePollMs?: number;
}

const emptyReport: SyncRunReport = { sent: 0, accepted: 0, duplicates: 0, rejected: 0, retried: 0, deadLettered: 0 };

/**
 * Drives the outbox against the records service: one batch at a time, answers applied through the pure sync policy,
 * in-flight items recovered after a restart. Safe to resend anything: the service deduplicates on idempotency keys.
 */
export class SyncEngine<P = unknown> {
  private readonly policy: SyncPolicy;
  private connection: SyncStatus['connection'] = 'unknown';
  private lastError: string | null = null;
  /** Why the last background run failed in the store itself (IndexedDB refused), else null. */
  private storeFailure: string | null = null;
  private running: Promise<SyncRunReport> | null = null;
  private timer: unknown = null;
  private started = false;
  private timers: Timers | null = null;
  /** Items a crash left in flight are still to be put back: at start-up, and again after a failed attempt. */
  private recoveryDue = true;

  constructor(private readonly deps: SyncEngineDeps<P>) {
    this.policy = deps.policy ?? defaultSyncPolicy;
  }

  /** Call once at start-up, before the first run: items a crash left in flight go back to pending. */
  recover(): Promise<number> {
    return this.deps.store.resetInFlight();
  }

  /**
   * Sends one batch of eligible items (if any) and saves the outcomes; items of the batch whose payload cannot be
   * opened are dead-lettered instead of sent. `sent` counts what went out, `deadLettered` both kinds of dead letter.
   * Concurrent calls share the run in progress.
   */
  runOnce(): Promise<SyncRunReport> {
    this.running ??= this.sendBatch().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Runs batches until nothing is eligible now (or `maxBatches`); returns the totals. */
  async drain(maxBatches = Number.POSITIVE_INFINITY): Promise<SyncRunReport> {
    let total = emptyReport;
    for (let i = 0; i < maxBatches; i++) {
      const report = await this.runOnce();
      // A batch of only unreadable items sent nothing but dead-lettered them: the items after them may go now.
      if (report.sent === 0 && report.deadLettered === 0) break;
      total = addReports(total, report);
      if (report.sent > 0 && report.retried === report.sent) break; // the service is down: wait for the backoff instead of spinning
    }
    return total;
  }

  async status(): Promise<SyncStatus> {
    const unsynced = await this.deps.store.listUnsynced();
    const deadLettered = unsynced.filter((i) => i.state === 'dead_letter').length;
    return {
      connection: this.connection,
      queued: unsynced.length - deadLettered,
      deadLettered,
      failing: this.connection === 'offline' || deadLettered > 0 || this.storeFailure !== null,
      lastError: this.lastError,
      nextAttemptAt: nextAttemptTime(unsynced),
    };
  }

  /** Keeps syncing in the background: drains, then sleeps until the next item is due or `notify` is called. */
  start(timers: Timers): void {
    if (this.started) return;
    this.started = true;
    this.timers = timers;
    void this.loop();
  }

  stop(): void {
    this.started = false;
    if (this.timer !== null) this.timers?.clearTimeout(this.timer);
    this.timer = null;
  }

  /** A new item was enqueued: sync now rather than at the next scheduled wake-up. */
  notify(): void {
    if (!this.started) return;
    if (this.timer !== null) this.timers?.clearTimeout(this.timer);
    this.timer = null;
    void this.loop();
  }

  private async loop(): Promise<void> {
    if (!this.started) return;
    const wasFailing = this.storeFailure !== null;
    try {
      // Until they are put back, the items a crash left in flight (and every later item of their travellers) would
      // wait for the next restart: a failed recovery is a store failure, shown and tried again like one.
      if (this.recoveryDue) {
        await this.recover().catch((error: unknown) => {
          throw new Error(`recovering in-flight items failed: ${error instanceof Error ? error.message : String(error)}`);
        });
        this.recoveryDue = false;
      }
      await this.drain();
      this.storeFailure = null;
    } catch (error) {
      this.storeFailure = `sync store failed: ${error instanceof Error ? error.message : String(error)}`;
      this.lastError = this.storeFailure;
    }
    if (!this.started) return;
    const status = await this.status().catch(() => null);
    // A run that failed in the store published nothing: say so (and when it recovers), or the header keeps
    // showing the last state it was told.
    if (this.storeFailure !== null || wasFailing) {
      this.deps.onStatus?.(status ?? { connection: this.connection, queued: 0, deadLettered: 0, failing: true, lastError: this.storeFailure, nextAttemptAt: null });
    }
    if (this.timer !== null) return;
    // After a store failure the items are still due now: wait a backoff step rather than spin on the failure.
    const next = this.storeFailure !== null ? this.policy.baseDelayMs : status?.nextAttemptAt ? Date.parse(status.nextAttemptAt) - this.deps.clock.now().getTime() : (this.deps.idlePollMs ?? 30_000);
    this.timer = this.timers?.setTimeout(() => {
      this.timer = null;
      void this.loop();
    }, Math.max(0, Math.min(next, this.deps.idlePollMs ?? 30_000))) ?? null;
  }

  private async sendBatch(): Promise<SyncRunReport> {
    const { store, port, clock } = this.deps;
    const chosen = selectNextBatch(await store.listUnsynced(), clock.now(), this.policy.batchSize);
    if (chosen.length === 0) return emptyReport;
    const { submissions, unreadable } = await store.loadSubmissions(chosen.map((i) => i.itemId));
    // An item whose payload cannot be opened never blocks the batch: it is dead-lettered (state only, its sealed
    // payload is kept) and the rest goes. Saved with the batch's answers, so both land or neither does.
    const unreadableReason = new Map(unreadable.map((u) => [u.itemId, u.reason]));
    const alertContext = { now: clock.now(), newAlertId: () => this.deps.ids.next('sync-alert') };
    const unreadableOutcomes = chosen.flatMap((item) => {
      const reason = unreadableReason.get(item.itemId);
      return reason === undefined ? [] : [deadLetterUnreadable(item, reason, alertContext)];
    });
    const batch = chosen.filter((item) => !unreadableReason.has(item.itemId));
    let results: readonly SubmitItemResult[] = [];
    if (batch.length > 0) {
      await store.markInFlight(
        batch.map((i) => i.itemId),
        clock.now().toISOString(),
      );
      try {
        results = await port.submit(submissions);
        this.connection = 'online';
        this.lastError = null;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        results = [];
        this.connection = 'offline';
        this.lastError = reason;
      }
    }
    const byKey = new Map(results.map((r) => [r.idempotencyKey, r]));
    const now = clock.now();
    const context = { now, policy: this.policy, random: this.deps.random, newAlertId: () => this.deps.ids.next('sync-alert') };
    const outcomes = [...unreadableOutcomes, ...batch.map((item) => applySubmitResult(item, byKey.get(item.idempotencyKey) ?? { idempotencyKey: item.idempotencyKey, outcome: 'retry', reason: this.lastError ?? 'no answer for this item' }, context))];
    const alerts = outcomes.flatMap((o) => (o.alert ? [o.alert] : []));
    try {
      await store.saveOutcomes(
        outcomes.map((o) => o.item),
        alerts,
      );
    } catch (error) {
      // The answers were not saved. Left in flight, these items (and every later item of their travellers) would
      // wait for the next restart's recover(); back to pending, they are sent again (the service deduplicates).
      await store.resetInFlight().catch(() => undefined);
      throw error;
    }
    for (const alert of alerts) this.deps.onAlert?.(alert);
    if (this.deps.onStatus) this.deps.onStatus(await this.status());
    const count = (outcome: SubmitItemResult['outcome']) => batch.filter((item) => (byKey.get(item.idempotencyKey)?.outcome ?? 'retry') === outcome).length;
    return { sent: batch.length, accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected'), retried: count('retry'), deadLettered: alerts.length };
  }
}

function addReports(a: SyncRunReport, b: SyncRunReport): SyncRunReport {
  return { sent: a.sent + b.sent, accepted: a.accepted + b.accepted, duplicates: a.duplicates + b.duplicates, rejected: a.rejected + b.rejected, retried: a.retried + b.retried, deadLettered: a.deadLettered + b.deadLettered };
}
