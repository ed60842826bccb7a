import type { Clock } from '../ports/Clock';

/** What the scheduler drives: a store that purges what is due and says when the next item falls due. */
export interface RetentionPurger {
  purgeDue(): Promise<{ readonly purged: number; readonly nextDueAt: string | null }>;
}

export interface RetentionTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
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
 * U.S. citizen's biometrics never outlive 12 hours by more than the purge itself takes.
 */
export class RetentionScheduler {
  private timer: unknown = null;
  private running = false;

  constructor(
    private readonly purger: RetentionPurger,
    private readonly clock: Clock,
    private readonly timers: RetentionTimers,
    private readonly options: RetentionSchedulerOptions = {},
  ) {}

  /** Purges now (the start-up purge) and schedules the next run. */
  start(): Promise<void> {
    this.running = true;
    return this.run();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    this.timer = null;
    if (!this.running) return;
    const maxInterval = this.options.maxIntervalMs ?? 15 * 60_000;
    let delay = maxInterval;
    try {
      const result = await this.purger.purgeDue();
      this.options.onPurged?.(result);
      if (result.nextDueAt) delay = Math.min(maxInterval, Math.max(0, Date.parse(result.nextDueAt) - this.clock.now().getTime()));
    } catch (error) {
      this.options.onError?.(error);
      delay = this.options.retryMs ?? 60_000;
    }
    if (this.running) this.timer = this.timers.setTimeout(() => void this.run(), delay);
  }
}
