import type { Clock } from '../../../app/ports/Clock';
import type { Timers } from '../../../app/ports/Timers';

/** A clock and timers whose time moves only when told: tests play a ten-minute scenario in no time. */
export class ManualTime implements Clock, Timers {
  /** Milliseconds since `start`. */
  private elapsed = 0;
  private nextHandle = 1;
  private readonly pending = new Map<number, { readonly at: number; readonly callback: () => void }>();

  constructor(private readonly start: Date) {}

  now(): Date {
    return new Date(this.start.getTime() + this.elapsed);
  }

  /** Milliseconds since the start. */
  get elapsedMs(): number {
    return this.elapsed;
  }

  setTimeout(callback: () => void, ms: number): number {
    const handle = this.nextHandle++;
    this.pending.set(handle, { at: this.elapsed + Math.max(0, ms), callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** When the earliest timer waiting is due, in milliseconds since the start, or undefined. */
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
    const until = this.elapsed + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.elapsed = due[1].at;
      due[1].callback();
    }
    this.elapsed = until;
  }
}
