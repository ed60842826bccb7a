import { useCallback, useEffect, useState } from 'react';
import { trainingRunStateOf, type TrainingProgress } from '../../../app/training/trainingProgress';
import { useBoothStore, useHost } from '../../state/StoreContext';

export interface TrainerProgress {
  /** The player's progress with its live score, or null before the host answered. */
  readonly progress: TrainingProgress | null;
  /** Why the host did not give it (e.g. not_permitted: this connection is not signed in as a trainer). */
  readonly problem: string | null;
  /** A start or stop reply: shown at once, and the booth's open run follows it. */
  progressed(progress: TrainingProgress): void;
}

/**
 * The trainer's panel's view of the scenario player (training:progress, trainer role): fetched when the panel opens,
 * on every move the host announces to every window (training:onProgress says only whether a run is open) and on
 * reconnection. Held by the panel alone, so nothing of the steps or the score stays behind when the trainer signs out.
 */
export function useTrainerProgress(): TrainerProgress {
  const host = useHost();
  const booth = useBoothStore();
  const [progress, setProgress] = useState<TrainingProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let asked = 0;
    const load = () => {
      const ask = ++asked;
      void host.call('training:progress', {}).then((result) => {
        // Only the latest answer counts: one overtaken by a later move is stale.
        if (!live || ask !== asked) return;
        setProblem(result.ok ? null : result.error.message);
        if (result.ok) setProgress(result.value);
      });
    };
    load();
    const stops = [host.on('training:onProgress', load), host.onConnection((connection) => connection === 'online' && load())];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, [host]);
  const progressed = useCallback(
    (next: TrainingProgress) => {
      setProgress(next);
      booth.getState().trainingRunChanged(trainingRunStateOf(next));
    },
    [booth],
  );
  return { progress, problem, progressed };
}
