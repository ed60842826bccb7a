import { mrzReadError, type MrzReadError } from './mrzReadError';

/**
 * Readers often deliver one document twice (a swipe read in both directions, a page reader re-triggering).
 * The first read stands; the same MRZ again within the window is reported once as a duplicate and dropped.
 * The window runs from the accepted read, so a deliberate re-scan a few seconds later is read again.
 */
export class DuplicateReadFilter {
  private last: { readonly key: string; readonly atMs: number } | undefined;

  constructor(private readonly windowMs: number) {}

  /** Null when the read is new (and remembered), else the duplicate error. */
  check(lines: readonly string[], nowMs: number): MrzReadError | null {
    const key = lines.join('\n');
    if (this.last && this.last.key === key && nowMs - this.last.atMs < this.windowMs) {
      return mrzReadError('duplicate_read', `The same document was read again within ${formatSeconds(this.windowMs)}; the repeat was ignored.`);
    }
    this.last = { key, atMs: nowMs };
    return null;
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
