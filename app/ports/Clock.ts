/** Time, injected so that tests and trainer scenarios control it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
