import type { DetectionProfile } from '../biometrics/detectionProfile';
import type { CameraTurnPolicy } from './cameraTurns';
import type { LaneCameraGeometry } from './laneCameraGeometry';
import type { RenderSeats } from './laneSceneRenderer';
import type { Seat, SeatRow, VehicleApproach } from './vehicleApproach';

/**
 * One vehicle of the vehicle evaluation, as the CLI asks the harness page for it and gets it back (see
 * renderer/vision/harness/harnessVehicle.ts and main/vision/vehicleEval.ts).
 */
export interface VehicleRunSpec {
  readonly approach: VehicleApproach;
  readonly faceUrls: readonly string[];
  readonly documentUrls: readonly string[];
  readonly cameras: readonly { readonly id: string; readonly geometry: LaneCameraGeometry; readonly seats: readonly Seat[] }[];
  readonly variants: readonly { readonly name: string; readonly profiles: Readonly<Record<string, DetectionProfile>> }[];
  /** Process every n-th frame of each camera (the lane's loop keeps up with what the worker can do, not the camera's rate). */
  readonly frameStride: number;
  readonly targetFmr: number;
  /** Frame indices to return as PNG (for a person to look at). */
  readonly keepFrames: readonly number[];
  /**
   * Frames chosen as the lane's capture loop chooses them on this machine (one variant only): round-robin over the
   * cameras, each camera's frame of the moment the worker is free, on a clock advanced by the real processing time
   * and the loop's pause between rounds; results are timed on that clock. Without it: every `frameStride`-th
   * frame, each result at its frame's time (the worker taken as keeping up).
   */
  readonly pacing?: { readonly roundPauseMs: number; readonly turns?: CameraTurnPolicy };
  /** What each camera is drawn seeing (app/scene/laneSceneRenderer.ts): every occupant (default) or only the seats it is aimed at. */
  readonly renderSeats?: RenderSeats;
}

export interface OccupantOutcome {
  readonly seat: Seat;
  readonly row: SeatRow;
  readonly documentUsable: boolean;
  /** A track of theirs had a face good enough to compare. */
  readonly captured: boolean;
  /** Their document was assigned their own face. */
  readonly matched: boolean;
  /** Their face was assigned someone else's document. */
  readonly wrongAssignment: boolean;
  /** When their first comparable face was there (ms since the vehicle entered the frame): its frame's time, or with pacing when the worker answered. */
  readonly resultMs: number | null;
}

export interface VariantOutcome {
  readonly name: string;
  readonly fusion: string;
  readonly occupants: readonly OccupantOutcome[];
  /**
   * Tracks with a comparable face that are occupant cards, and those of them not on anyone present, as the lane
   * counts them: a track that is a kept face's seen again or seen by another camera is not a card
   * (app/inspection/occupantTracks.ts).
   */
  readonly counted: number;
  readonly strayTracks: number;
  /** Cards beyond one per occupant (one person's face as two cards), and cards showing one occupant's face on another's papers (the lane's pairing of what nothing matched). */
  readonly extraCards: number;
  readonly wrongCards: number;
  /** Tracks of two different people (or of nobody) joined as one occupant: the association's own error. */
  readonly wrongJoins: number;
  /** The same counts with every track a card of its own (no association): what a lane without it shows. */
  readonly tracksAsCards: { readonly counted: number; readonly strayTracks: number; readonly extraCards: number; readonly wrongCards: number };
  /** Tracks on nobody present (a false detection, a face split off) that were assigned a document. */
  readonly strayAssigned: number;
  /** Faces the worker reported, and why those not comparable were not (quality reasons, counted per face and frame). */
  readonly facesSeen: number;
  readonly reasons: Readonly<Record<string, number>>;
  readonly processMs: readonly number[];
}

export interface VehicleRunResult {
  readonly outcomes: readonly VariantOutcome[];
  /** From the last frame's result to every occupant's decision (fusion, comparisons, assignment), per variant and fusion. */
  readonly recordMs: number;
  readonly frames: readonly { readonly camera: string; readonly index: number; readonly png: string }[];
  /** Milliseconds per step of the run, summed over its frames (render, transfers, the worker's stages, deciding): where the time goes. */
  readonly profile: Readonly<Record<string, number>>;
  /** Frames rendered and processed (each by every variant). */
  readonly framesProcessed: number;
  /** With pacing: how long the capture loop's clock ran (processing and pauses) over the vehicle's frames. */
  readonly loopMs?: number;
  /** With pacing: every frame the loop processed, in order (what `bench:lane` diagnoses the last occupant from). */
  readonly trace?: readonly PacedFrame[];
}

/** One frame the paced capture loop processed: which camera and frame, when its result was there, what it cost, what it found. */
export interface PacedFrame {
  readonly camera: string;
  readonly index: number;
  /** When its result was there (ms since the vehicle entered, on the loop's clock). */
  readonly atMs: number;
  readonly workerMs: number;
  readonly detectMs: number;
  readonly embedMs: number;
  /** Each face found: whose it is (the occupant's slot, -1 nobody's), its quality reasons, whether it was embedded (comparable). */
  readonly faces: readonly { readonly slot: number; readonly interEyePx: number; readonly reasons: readonly string[]; readonly embedded: boolean }[];
}
