import type { StateCreator } from 'zustand/vanilla';
import type { BoothState } from './createBoothStore';

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
  visionChanged(vision: VisionPhase): void;
}

export const createVisionSlice: StateCreator<BoothState, [], [], VisionSlice> = (set) => ({
  vision: { phase: 'loading', progress: 0 },
  visionChanged: (vision) => set({ vision }),
});
