import { useEffect, useRef } from 'react';
import { useBooth } from '../../state/StoreContext';
import { endedRun } from './endedRun';

/** Calls `onEnded(runId)` once when the training run this window saw open has ended (stopped, restarted, or complete). */
export function useRunEnd(onEnded: (runId: string) => void): void {
  const run = useBooth((state) => state.trainingRun);
  const seenOpen = useRef<string | null>(null);
  useEffect(() => {
    const ended = endedRun(seenOpen.current, run);
    if (ended) onEnded(ended);
    if (run) seenOpen.current = run.open ? run.runId : null;
  }, [run, onEnded]);
}
