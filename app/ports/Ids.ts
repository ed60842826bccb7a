/** Unique ids, injected so that tests and scenarios can make them deterministic. */
export interface Ids {
  next(prefix: string): string;
}

/** Deterministic ids for tests and scripted scenarios: prefix-1, prefix-2, ... */
export function sequentialIds(): Ids {
  let counter = 0;
  return { next: (prefix) => `${prefix}-${++counter}` };
}
