import fc from 'fast-check';
import { checkContract, type FuzzTarget } from './fuzzTarget';

export interface TargetRun {
  readonly name: string;
  /** Inputs run (shrinking excluded). */
  readonly inputs: number;
  readonly milliseconds: number;
  readonly failure?: {
    readonly message: string;
    /** The smallest failing input fast-check found, and how to replay it (seed and path). */
    readonly counterexample: unknown;
    readonly seed: number;
    readonly path: string;
  };
}

/**
 * Runs `numRuns` inputs of one target from `seed`; a broken contract is reported, not thrown. `shrink`: look for a
 * smaller failing input (for a reproducer), for at most 30 s, since a slow input is slow again at every step.
 */
export async function runTarget(target: FuzzTarget, seed: number, numRuns: number, shrink = true): Promise<TargetRun> {
  const started = performance.now();
  const details = await fc.check(
    fc.asyncProperty(target.input, (input) => checkContract(target, input)),
    { seed, numRuns, endOnFailure: !shrink, interruptAfterTimeLimit: 30_000 + numRuns * (target.maxMilliseconds ?? 3000) },
  );
  const milliseconds = performance.now() - started;
  if (!details.failed) return { name: target.name, inputs: details.numRuns, milliseconds };
  const error = details.errorInstance;
  return {
    name: target.name,
    inputs: details.numRuns,
    milliseconds,
    failure: {
      message: error instanceof Error ? error.message : String(error),
      counterexample: details.counterexample?.[0],
      seed: details.seed,
      path: details.counterexamplePath ?? '',
    },
  };
}

/** A failure in a few lines: the message, then the input cut to a readable length. */
export function describeFailure(run: TargetRun): string {
  if (!run.failure) return `${run.name}: holds`;
  const shown = JSON.stringify(run.failure.counterexample, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v)) ?? 'undefined';
  return `${run.name}: ${run.failure.message}\n  input (${shown.length} chars): ${shown.slice(0, 300)}${shown.length > 300 ? '...' : ''}\n  replay: seed ${run.failure.seed}, path "${run.failure.path}"`;
}
