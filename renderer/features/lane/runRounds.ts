/** A loop started by `runRounds`. */
export interface RoundLoop {
  /** Asks the loop to end; resolves once the round under way (if any) has finished, so its resources may be freed. */
  stop(): Promise<void>;
}

/**
 * Runs `round` again and again, pausing between rounds, until stopped. A round that fails is reported and the
 * next one runs (one bad frame must not end a camera feed); a failure after `stop` is expected (what the
 * round used is being released) and dropped. The loop itself never rejects.
 */
export function runRounds(round: (stopped: () => boolean) => Promise<void>, pause: () => Promise<void>, onError: (error: unknown) => void): RoundLoop {
  let stopped = false;
  const isStopped = () => stopped;
  const done = (async () => {
    while (!stopped) {
      try {
        await round(isStopped);
      } catch (error) {
        if (!stopped) onError(error);
      }
      if (!stopped) await pause().catch(onError);
    }
  })();
  return {
    stop() {
      stopped = true;
      return done;
    },
  };
}
