import { fail } from '../../app/host/result';

/** Long enough for the slowest call (a simulated vehicle's documents and chips), short enough that a hung host shows. */
export const defaultCallTimeoutMs = 15_000;

/**
 * The calls a client is waiting on (Signal's ts/sql/channels.preload.ts): each is settled by its reply, by a
 * timeout, or by the client closing (the page going away), whichever comes first, so no caller waits forever
 * whatever the transport does. A settled call answers with a typed failure envelope, as every host error does.
 */
export class InFlightCalls {
  private readonly closers = new Set<(why: string) => void>();
  private closedBecause: string | undefined;

  constructor(private readonly timeoutMs = defaultCallTimeoutMs) {}

  track(channel: string, reply: Promise<unknown>): Promise<unknown> {
    if (this.closedBecause !== undefined) return Promise.resolve(fail('host_unreachable', `${channel}: ${this.closedBecause}`));
    return new Promise((resolve) => {
      const settle = (value: unknown) => {
        clearTimeout(timer);
        this.closers.delete(close);
        resolve(value);
      };
      const close = (why: string) => settle(fail('host_unreachable', `${channel}: ${why}`));
      const timer = setTimeout(() => settle(fail('timeout', `${channel}: no reply within ${this.timeoutMs} ms`)), this.timeoutMs);
      this.closers.add(close);
      // A transport that throws (Electron's invoke with no handler in main) is a host not reached, not a crash.
      reply.then(settle, (error: unknown) => close(`the call failed in transit: ${error instanceof Error ? error.message : String(error)}`));
    });
  }

  get size(): number {
    return this.closers.size;
  }

  /** Answers every call still waiting with host_unreachable saying `why`; later calls are answered so at once. */
  closeAll(why: string): void {
    this.closedBecause = why;
    for (const close of [...this.closers]) close(why);
  }
}
