import { z } from 'zod';
import type { DetectionProfile } from '../../app/biometrics/detectionProfile';
import { presentationAttackCheckSchema } from '../../app/biometrics/presentationAttackCheck';
import type { GalleryService } from './galleryProtocol';
import { stillErrorCodeSchema } from './stillRequest';
import type { StillRequest } from './stillRequest';

// The still's request and error codes live in stillRequest.ts (shared with galleryProtocol.ts without a cycle).
export { stillErrorCodeSchema };
export type { StillErrorCode, StillRequest } from './stillRequest';

/**
 * What crosses the boundary between the vision worker and the page. The worker's replies are parsed with
 * these schemas on the main thread (data crossing a boundary is parsed, never cast).
 */

export const boxSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
const pointSchema = z.object({ x: z.number(), y: z.number() });

export const qualityReasonSchema = z.enum([
  'too_far',
  'turned_away',
  'tilted',
  'too_dark',
  'too_bright',
  'blurred',
  'partly_outside',
  'low_confidence',
  'implausible_landmarks',
  'not_a_face',
]);

export const faceQualitySchema = z.object({
  interEyePx: z.number(),
  pose: z.object({ yaw: z.number(), pitch: z.number(), roll: z.number() }),
  sharpness: z.number(),
  meanIntensity: z.number(),
  score: z.number(),
  reasons: z.array(qualityReasonSchema),
});

export const faceObservationSchema = z.object({
  box: boxSchema,
  detectionScore: z.number(),
  trackId: z.string(),
  landmarks: z.array(pointSchema).length(5),
  quality: faceQualitySchema,
  /**
   * Present only for a shot that passed the quality gate (no reasons) and the face-ness check, and entered the
   * track's best shots (embedding is costly: not every face, every frame). No embedding, no comparison.
   */
  embedding: z.instanceof(Float32Array).optional(),
  /** The raw embedding norm (face-ness, see app/biometrics/faceness.ts) when the face was embedded. */
  rawNorm: z.number().optional(),
  /** With PAD on: presentation-attack detection on this embedded shot (the same best shot), or why it was not checked. */
  presentationAttack: presentationAttackCheckSchema.optional(),
});

export const frameResultSchema = z.object({
  cameraId: z.string(),
  timestampMs: z.number(),
  width: z.number(),
  height: z.number(),
  /** True when the frame was dropped because the worker was still busy with the previous one. */
  dropped: z.boolean(),
  faces: z.array(faceObservationSchema),
  endedTrackIds: z.array(z.string()),
  timings: z.object({
    detectMs: z.number(),
    landmarksMs: z.number(),
    embedMs: z.number(),
    totalMs: z.number(),
    /** Milliseconds per pipeline stage (cpuCopy, detect, landmarkCrop, landmarkRun, quality, warp, embedTensor, embedRun). */
    stages: z.record(z.string(), z.number()).optional(),
  }),
});

export const stillResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    face: faceObservationSchema.extend({ embedding: z.instanceof(Float32Array) }),
    faceCount: z.number().int(),
    width: z.number(),
    height: z.number(),
    modelId: z.string(),
    modelVersion: z.string(),
    timings: z.object({ detectMs: z.number(), landmarksMs: z.number(), embedMs: z.number(), totalMs: z.number() }),
  }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: stillErrorCodeSchema, message: z.string() }),
    faceCount: z.number().int(),
    /** The refused face as measured (when one was found), so evaluations can see why. */
    face: faceObservationSchema.omit({ embedding: true }).optional(),
  }),
]);

export const loadProgressSchema = z.object({
  stage: z.enum(['runtime', 'detector', 'landmarker', 'embedder', 'pad', 'warmup', 'ready']),
  loadedBytes: z.number(),
  totalBytes: z.number(),
  message: z.string(),
});

export const initInfoSchema = z.object({
  backend: z.enum(['wasm', 'webgpu']),
  threads: z.number().int(),
  crossOriginIsolated: z.boolean(),
  adapter: z.string(),
  detectorId: z.string(),
  embedderId: z.string(),
  embedderVersion: z.string(),
  calibrationVersion: z.string(),
  /** False for an embedder being evaluated before its calibration (its calibrationVersion is then "uncalibrated"). */
  embedderCalibrated: z.boolean().optional(),
  /** Version of the embedder's face-ness calibration; null when it has none (then nothing is comparable). */
  facenessVersion: z.string().nullable().optional(),
  /** The embedder takes a frame's faces in one run. */
  batched: z.boolean(),
  /** The presentation-attack model run on best shots (PAD on), else null. */
  padModelId: z.string().nullable().optional(),
  /** Why the PAD model could not be loaded (its every face is then "not checked"). */
  padLoadError: z.string().optional(),
  initMs: z.number(),
});

export type FaceObservation = z.infer<typeof faceObservationSchema>;
export type FrameResult = z.infer<typeof frameResultSchema>;
export type StillResult = z.infer<typeof stillResultSchema>;
export type LoadProgress = z.infer<typeof loadProgressSchema>;
export type InitInfo = z.infer<typeof initInfoSchema>;

/** How a camera's frames are searched for faces (see app/biometrics/detectionProfile.ts). */
export type CameraProfile = DetectionProfile;

export interface VisionConfig {
  /** URL prefix where prepared assets are served (models/, wasm/), e.g. "/" or "./". */
  readonly assetBase: string;
  /** 'auto' uses WebGPU only on a real (non-fallback) adapter. */
  readonly backend: 'auto' | 'wasm' | 'webgpu';
  /** WASM threads; 0 = automatic (cores - 1, 1..4; threads need cross-origin isolation). */
  readonly threads: number;
  /** Overrides of the manifest defaults, for evaluations (e.g. flip augmentation on/off). */
  readonly flipAugmentation?: boolean;
  readonly landmarkBoxScale?: number;
  readonly landmarkRefinementPasses?: number;
  /**
   * The embedder to run instead of the shipped one: its manifest as JSON (validated in the worker), its `file`
   * served under assetBase. Uncalibrated, it can be measured (`faces eval`) but nothing it embeds is comparable.
   */
  readonly embedderManifest?: unknown;
  /**
   * The booth's model set as the host verified and serves it (app/biometrics/modelSet.ts; validated in the
   * worker); unset: the shipped manifests. `embedderManifest`, when given too, replaces its embedder.
   */
  readonly models?: unknown;
}

export interface FrameRequest {
  readonly cameraId: string;
  readonly timestampMs: number;
  readonly profile: CameraProfile;
}

/** The worker's API, as seen through Comlink (the gallery half: galleryProtocol.ts). */
export interface VisionService extends GalleryService {
  /** Loads runtimes and models once; later calls return the same promise. */
  init(config: VisionConfig, onProgress?: (progress: LoadProgress) => void): Promise<InitInfo>;
  /** Detects, tracks and rates faces in a frame; the worker closes the bitmap. */
  processFrame(frame: ImageBitmap, request: FrameRequest): Promise<FrameResult>;
  /** A chip photo or document page: the one subject face, aligned and embedded; the worker closes the bitmap. */
  embedStill(image: ImageBitmap, request: StillRequest): Promise<StillResult>;
  /** Forget the tracks of a camera (camera switched off). */
  resetCamera(cameraId: string): Promise<void>;
  /** Approximate memory held by the worker, for the benchmark. */
  memory(): Promise<{ jsHeapBytes: number | null }>;
}
