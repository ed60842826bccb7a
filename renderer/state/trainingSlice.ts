import type { StateCreator } from 'zustand/vanilla';
import type { TrainingProgress } from '../../app/training/trainingProgress';
import type { TrainingMark } from '../../app/training/trainingDebrief';
import type { BoothState } from './createBoothStore';

/** Where the host's training player is (training:onProgress): while a run is open, every decision is a training decision. */
export interface TrainingSlice {
  readonly training: TrainingProgress | null;
  trainingProgressed(progress: TrainingProgress): void;
}

export const createTrainingSlice: StateCreator<BoothState, [], [], TrainingSlice> = (set) => ({
  training: null,
  trainingProgressed: (training) => set({ training }),
});

/** The mark a decision made now carries, or null when no training run is open. */
export function openTrainingRun(state: Pick<TrainingSlice, 'training'>): TrainingMark | null {
  const progress = state.training;
  return progress?.run?.open && progress.scenario ? { runId: progress.run.runId, scenario: progress.scenario } : null;
}
