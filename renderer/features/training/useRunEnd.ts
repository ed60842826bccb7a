import { useEffect, useRef } from 'react';
import { useBooth } from '../../state/StoreContext';

/** Calls `onEnded(runId)` once when the training run this window saw open has ended (stopped, restarted, or complete). */
export function useRunEnd(onEnded: (runId: string) => void): void {
  const run = useBooth((state) => state.trainingRun);
  const seenOpen = useRef<string | null>(null);
  useEffect(() => {
    if (run?.open) seenOpen.current = run.runId;
    else if (run && seenOpen.current === run.runId) {
      seenOpen.current = null;
      onEnded(run.runId);
    }
  }, [run, onEnded]);
}
