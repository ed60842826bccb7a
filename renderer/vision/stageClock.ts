/**
 * Milliseconds spent per pipeline stage (pixel copies, model runs, tensor packing), summed over a frame, so the
 * benchmark can say where the time goes instead of only how much there is.
 */
export class StageClock {
  private totals: Record<string, number> = {};

  /** Runs `work` and adds its duration to `stage`. */
  time<T>(stage: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(stage, performance.now() - started);
    }
  }

  /** Awaits `work` and adds its duration to `stage`. */
  async timeAsync<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - started);
    }
  }

  add(stage: string, ms: number): void {
    this.totals[stage] = (this.totals[stage] ?? 0) + ms;
  }

  /** The totals since the last take(), then starts over. */
  take(): Record<string, number> {
    const totals = this.totals;
    this.totals = {};
    return totals;
  }
}
