/** Timers, injected so the training scenario player (and its tests) control time. */
export interface Scheduler {
  /** Milliseconds on a monotonic-enough clock. */
  now(): number;
  /** Calls `callback` once after `ms`; returns a handle for `cancel`. */
  schedule(callback: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  schedule: (callback, ms) => setTimeout(callback, ms),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A scheduler whose time moves only when told: tests play a ten-minute scenario in no time. */
export class ManualScheduler implements Scheduler {
  private time = 0;
  private nextHandle = 1;
  private readonly pending = new Map<number, { readonly at: number; readonly callback: () => void }>();

  now(): number {
    return this.time;
  }

  schedule(callback: () => void, ms: number): number {
    const handle = this.nextHandle++;
    this.pending.set(handle, { at: this.time + Math.max(0, ms), callback });
    return handle;
  }

  cancel(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** When the earliest timer waiting is due, or undefined. */
  nextDueAt(): number | undefined {
    const times = [...this.pending.values()].map((timer) => timer.at);
    return times.length > 0 ? Math.min(...times) : undefined;
  }

  /** Timers waiting. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Moves time forward by `ms`, firing every timer due on the way, in time order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = until;
  }
}
