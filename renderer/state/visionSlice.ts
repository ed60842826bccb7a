import type { StateCreator } from 'zustand/vanilla';
import type { BoothState } from './createBoothStore';

/** A face in the latest processed frame, as the overlay draws it. */
export interface LiveFace {
  readonly trackId: string;
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly qualityReasons: readonly string[];
}

export type VisionPhase =
  | { readonly phase: 'loading'; readonly progress: number }
  | { readonly phase: 'ready'; readonly backend: string }
  | { readonly phase: 'restarting'; readonly message: string }
  | { readonly phase: 'unavailable'; readonly message: string };

export type ReferenceState =
  | { readonly phase: 'none' }
  | { readonly phase: 'embedding'; readonly source: 'chip' | 'document' }
  | { readonly phase: 'ready'; readonly source: 'chip' | 'document'; readonly embedding: Float32Array }
  | { readonly phase: 'error'; readonly source: 'chip' | 'document'; readonly message: string };

/** How many of a track's best embeddings are fused for a match. */
const probeSize = 5;

/** Live face detection, tracking and the embeddings a match needs; ephemeral like all UI state. */
export interface VisionSlice {
  readonly vision: VisionPhase;
  readonly liveFaces: readonly LiveFace[];
  readonly frameSize: { readonly width: number; readonly height: number } | null;
  /** The best embeddings (by quality) of each live track. */
  readonly probes: Readonly<Record<string, readonly { readonly score: number; readonly embedding: Float32Array }[]>>;
  readonly reference: ReferenceState;
  visionChanged(vision: VisionPhase): void;
  frameProcessed(frame: {
    readonly width: number;
    readonly height: number;
    readonly faces: readonly (LiveFace & { readonly qualityScore: number; readonly embedding?: Float32Array })[];
    readonly endedTrackIds: readonly string[];
  }): void;
  referenceChanged(reference: ReferenceState): void;
}

export const createVisionSlice: StateCreator<BoothState, [], [], VisionSlice> = (set) => ({
  vision: { phase: 'loading', progress: 0 },
  liveFaces: [],
  frameSize: null,
  probes: {},
  reference: { phase: 'none' },
  visionChanged: (vision) => set({ vision }),
  frameProcessed: (frame) =>
    set((state) => {
      const probes: Record<string, readonly { score: number; embedding: Float32Array }[]> = { ...state.probes };
      for (const ended of frame.endedTrackIds) delete probes[ended];
      for (const face of frame.faces) {
        if (!face.embedding) continue;
        const shots = [...(probes[face.trackId] ?? []), { score: face.qualityScore, embedding: face.embedding }];
        probes[face.trackId] = shots.sort((a, b) => b.score - a.score).slice(0, probeSize);
      }
      return {
        liveFaces: frame.faces.map(({ trackId, box, qualityReasons }) => ({ trackId, box, qualityReasons })),
        frameSize: { width: frame.width, height: frame.height },
        probes,
      };
    }),
  referenceChanged: (reference) => set({ reference }),
});
