import type { MrzAssemblerEvent } from '../../app/document/reader/mrzAssemblerEvent';
import { MrzStreamAssembler, type MrzStreamAssemblerOptions } from '../../app/document/reader/MrzStreamAssembler';

/**
 * An MRZ stream assembler with its deadline on a timer: a read that stops part way is reported when its
 * time is up, even if the reader never sends another byte. Every reader that delivers text uses one.
 */
export class TimedMrzStream {
  private readonly assembler: MrzStreamAssembler;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    options: MrzStreamAssemblerOptions,
    /** Monotonic milliseconds, injected so tests control time. */
    private readonly now: () => number,
    /** Receives reads and read errors as they are decided. */
    private readonly deliver: (events: readonly MrzAssemblerEvent[]) => void,
  ) {
    this.assembler = new MrzStreamAssembler(options);
  }

  push(text: string): void {
    this.deliver(this.assembler.push(text, this.now()));
    this.arm();
  }

  /** The reader went away: a read in progress is reported as cut short. */
  disconnect(): void {
    clearTimeout(this.timer);
    this.deliver(this.assembler.disconnect(this.now()));
  }

  /** Stopping on purpose: a read in progress is dropped without a report. */
  discard(): void {
    clearTimeout(this.timer);
    this.assembler.disconnect(this.now());
  }

  /** Wakes at the read's deadline; re-arms if woken early (timers run on the event loop's cached clock). */
  private arm(): void {
    clearTimeout(this.timer);
    const deadline = this.assembler.deadlineMs;
    if (deadline === undefined) return;
    this.timer = setTimeout(() => {
      this.deliver(this.assembler.expire(this.now()));
      this.arm();
    }, Math.max(0, deadline - this.now()) + 1);
    this.timer.unref?.();
  }
}
