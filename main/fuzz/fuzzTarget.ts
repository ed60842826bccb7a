import type fc from 'fast-check';

/** An error class a parser's contract allows it to throw. */
export type TypedError = abstract new (...args: never[]) => Error;

/**
 * One parser or assembler that takes outside bytes or text, and its contract: for every input it returns a value
 * or throws one of `typedErrors`, within `maxMilliseconds`; never a TypeError, RangeError or plain Error.
 * `check` adds what the value itself must satisfy (a mutated signed object never verifies, a read is only MRZ text).
 */
export interface FuzzTarget<T = unknown> {
  readonly name: string;
  /** Generated and mutated hostile inputs. */
  readonly input: fc.Arbitrary<T>;
  readonly run: (input: T) => unknown;
  /** Empty: the target must never throw at all (it answers errors as values). */
  readonly typedErrors: readonly TypedError[];
  readonly check?: (value: unknown, input: T) => void;
  /** Inputs in the seeded run inside `npm test` (the whole seeded run stays well under a minute). */
  readonly quickRuns: number;
  /** Per-input time bound; generous, so a loaded machine does not fail it, while a bomb (seconds) does. */
  readonly maxMilliseconds?: number;
}

/** The contract was broken: what the property reports, and what the long run saves as a reproducer. */
export class ContractBroken extends Error {
  override readonly name = 'ContractBroken';
}

const defaultMaxMilliseconds = 3000;
/** JavaScript heap plus array buffers after one input; a memory bomb goes far past it. */
const maxMemoryBytes = 1536 * 1024 * 1024;

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : `a non-Error value ${String(error)}`;
}

/** Runs one input through the target and throws ContractBroken when the contract does not hold. */
export async function checkContract<T>(target: FuzzTarget<T>, input: T): Promise<void> {
  const started = performance.now();
  let value: unknown;
  try {
    value = await target.run(input);
  } catch (error) {
    if (error instanceof ContractBroken) throw error;
    if (!target.typedErrors.some((type) => error instanceof type)) {
      const allowed = target.typedErrors.length === 0 ? 'it must not throw at all' : `only ${target.typedErrors.map((t) => t.name).join(' or ')} may be thrown`;
      throw new ContractBroken(`${target.name} threw ${describeError(error)}; ${allowed}`, { cause: error });
    }
  }
  if (value !== undefined) target.check?.(value, input);
  const elapsed = performance.now() - started;
  const limit = target.maxMilliseconds ?? defaultMaxMilliseconds;
  if (elapsed > limit) throw new ContractBroken(`${target.name} took ${elapsed.toFixed(0)} ms on one input, over its ${limit} ms bound`);
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  if (heapUsed + arrayBuffers > maxMemoryBytes) throw new ContractBroken(`${target.name} left ${((heapUsed + arrayBuffers) / 2 ** 20).toFixed(0)} MB in use after one input`);
}

/** An input as JSON for a reproducer file: bytes as hex, everything else as it is. */
export function inputAsJson(input: unknown): string {
  return JSON.stringify(input, (_key, value: unknown) => (value instanceof Uint8Array ? { bytesHex: Buffer.from(value).toString('hex') } : value), 2);
}

/** Declares a target with its input type checked, then lets targets of different inputs share one list. */
export function defineTarget<T>(target: FuzzTarget<T>): FuzzTarget {
  return target as unknown as FuzzTarget;
}
