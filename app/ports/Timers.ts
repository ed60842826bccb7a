/**
 * One-shot timers, injected (like Clock) so the core's schedulers and the trainer's scenario player can be driven
 * by tests. Each runtime supplies the real ones (setTimeout is not part of the core's ES library).
 */
export interface Timers {
  /** Calls `callback` once after `ms`; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
