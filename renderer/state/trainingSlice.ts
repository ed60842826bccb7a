import type { StateCreator } from 'zustand/vanilla';
import type { TrainingRunState } from '../../app/training/trainingProgress';
import type { TrainingMark } from '../../app/training/trainingDebrief';

/**
 * Whether a training run is open at the booth, and which (training:run, training:onProgress): while one is open,
 * every decision is a training decision. Every window knows this much and no more: the scenario, its steps and
 * the live score are the trainer's panel's (useTrainerProgress), never in this store.
 */
export interface TrainingSlice {
  readonly trainingRun: TrainingRunState['run'];
  trainingRunChanged(state: TrainingRunState): void;
}

export const createTrainingSlice: StateCreator<TrainingSlice, [], [], TrainingSlice> = (set) => ({
  trainingRun: null,
  trainingRunChanged: ({ run }) => set({ trainingRun: run }),
});

/** The mark a decision made now carries, or null when no training run is open. */
export function openTrainingRun(state: Pick<TrainingSlice, 'trainingRun'>): TrainingMark | null {
  const run = state.trainingRun;
  return run?.open ? { runId: run.runId } : null;
}
