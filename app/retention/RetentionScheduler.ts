import type { Clock } from '../ports/Clock';
import type { Timers } from '../ports/Timers';

/** What the scheduler drives: a store that purges what is due and says when the next item falls due. */
export interface RetentionPurger {
  purgeDue(): Promise<{ readonly purged: number; readonly nextDueAt: string | null }>;
}

export interface RetentionSchedulerOptions {
  /** Look again at least this often, whatever nextDueAt says (timers drift and machines sleep). Default 15 min. */
  readonly maxIntervalMs?: number;
  /** After a failed purge, try again this soon. Default 1 min. */
  readonly retryMs?: number;
  readonly onPurged?: (result: { purged: number; nextDueAt: string | null }) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs retention purges at start-up and then exactly when the next item falls due (bounded by `maxIntervalMs`), so a
 * U.S. citizen's biometrics never outlive 12 hours by more than the purge itself takes. An item stored after the
 * next run was planned may fall due before it: whoever stores one tells the scheduler (`dueAt`), which then wakes
 * earlier.
 */
export class RetentionScheduler {
  private timer: unknown = null;
  /** When the timer fires (epoch ms); null while no timer is set. */
  private timerAt: number | null = null;
  private running = false;
  /** The earliest due time told while a purge was running (it may not have seen that item). */
  private toldDuringRun: number | null = null;

  constructor(
    private readonly purger: RetentionPurger,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly options: RetentionSchedulerOptions = {},
  ) {}

  /** Purges now (the start-up purge) and schedules the next run. */
  start(): Promise<void> {
    this.running = true;
    return this.run();
  }

  stop(): void {
    this.running = false;
    this.clearTimer();
  }

  /** An item was stored that falls due at `at`: the next purge runs no later than that. */
  dueAt(at: Date): void {
    if (!this.running) return; // start() purges whatever is stored by then
    const due = at.getTime();
    if (Number.isNaN(due)) return;
    if (this.timerAt === null) {
      // A purge is running: it may have read the items before this one was stored.
      this.toldDuringRun = this.toldDuringRun === null ? due : Math.min(this.toldDuringRun, due);
      return;
    }
    if (due < this.timerAt) this.schedule(due - this.clock.now().getTime());
  }

  private async run(): Promise<void> {
    this.clearTimer();
    this.toldDuringRun = null;
    if (!this.running) return;
    const maxInterval = this.options.maxIntervalMs ?? 15 * 60_000;
    let delay = maxInterval;
    try {
      const result = await this.purger.purgeDue();
      this.options.onPurged?.(result);
      if (result.nextDueAt) delay = Math.min(maxInterval, Date.parse(result.nextDueAt) - this.clock.now().getTime());
    } catch (error) {
      this.options.onError?.(error);
      delay = this.options.retryMs ?? 60_000;
    }
    if (this.toldDuringRun !== null) delay = Math.min(delay, this.toldDuringRun - this.clock.now().getTime());
    this.toldDuringRun = null;
    if (this.running) this.schedule(delay);
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    const delay = Math.max(0, delayMs);
    this.timerAt = this.clock.now().getTime() + delay;
    this.timer = this.timers.setTimeout(() => void this.run(), delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = null;
  }
}
