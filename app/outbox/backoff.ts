export interface BackoffPolicy {
  /** The ceiling of the first retry's delay. */
  readonly baseDelayMs: number;
  /** No delay ceiling grows past this. */
  readonly maxDelayMs: number;
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): a delay drawn
 * uniformly from [0, min(max, base * 2^(attempt-1))], so booths that lost the service together do not return together.
 * `random` is injected (a value in [0, 1)).
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 52));
  const r = random();
  return Math.floor(ceiling * Math.min(Math.max(r, 0), 1));
}
