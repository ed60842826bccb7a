import type { StateCreator } from 'zustand/vanilla';
import type { ActiveModelSet } from '../../app/biometrics/modelSet';

export type VisionPhase =
  | { readonly phase: 'loading'; readonly progress: number }
  | { readonly phase: 'ready'; readonly backend: string }
  | { readonly phase: 'restarting'; readonly message: string }
  | { readonly phase: 'unavailable'; readonly message: string };

/**
 * Whether face matching is on: the vision worker loading, ready, restarting after a crash, or unavailable.
 * What the worker sees is lane state (laneSlice: faces per camera, the session's references).
 */
export interface VisionSlice {
  readonly vision: VisionPhase;
  /** The face models the host verified and the worker runs (null until the host said); its notices show in the header. */
  readonly modelSet: ActiveModelSet | null;
  visionChanged(vision: VisionPhase): void;
  modelSetLoaded(modelSet: ActiveModelSet): void;
}

export const createVisionSlice: StateCreator<VisionSlice, [], [], VisionSlice> = (set) => ({
  vision: { phase: 'loading', progress: 0 },
  modelSet: null,
  visionChanged: (vision) => set({ vision }),
  modelSetLoaded: (modelSet) => set({ modelSet }),
});
