import type { DetectorManifest, EmbedderManifest, EvaluableEmbedderManifest, LandmarkerManifest } from '../../app/biometrics/modelManifest';
import { parseDetectorManifest, parseEmbedderManifest, parseEvaluableEmbedderManifest, parseLandmarkerManifest } from '../../app/biometrics/modelManifest';
import shortRangeJson from '../../assets/models/blazeface_short_range.json';
import fullRangeJson from '../../assets/models/blazeface_full_range.json';
import landmarkJson from '../../assets/models/fr_landmark.json';
import featureJson from '../../assets/models/fr_feature.json';

/**
 * The model manifests the app ships (assets/models/*.json). Kept apart from the engine so the page can read
 * the embedder's calibration for match decisions without loading MediaPipe or onnxruntime.
 */
export interface VisionModels {
  readonly shortRange: DetectorManifest;
  readonly fullRange: DetectorManifest;
  readonly landmarker: LandmarkerManifest;
  readonly embedder: EmbedderManifest;
}

/** The shipped manifests (assets/models/*.json), parsed: a broken manifest fails loudly at start-up. */
export const defaultModels = (): VisionModels => ({
  shortRange: parseDetectorManifest(shortRangeJson, 'assets/models/blazeface_short_range.json'),
  fullRange: parseDetectorManifest(fullRangeJson, 'assets/models/blazeface_full_range.json'),
  landmarker: parseLandmarkerManifest(landmarkJson, 'assets/models/fr_landmark.json'),
  embedder: parseEmbedderManifest(featureJson, 'assets/models/fr_feature.json'),
});


/** The models the worker runs: the embedder may be one being evaluated (uncalibrated: measured, never compared). */
export interface WorkerModels extends Omit<VisionModels, 'embedder'> {
  readonly embedder: EvaluableEmbedderManifest;
}

/**
 * The shipped models, with the embedder a configuration names instead (its manifest as JSON, validated here at
 * the worker's boundary: a bad field is an init error naming it).
 */
export function configuredModels(embedderManifest: unknown): WorkerModels {
  const shipped = defaultModels();
  return embedderManifest === undefined ? shipped : { ...shipped, embedder: parseEvaluableEmbedderManifest(embedderManifest, 'the configured embedder manifest') };
}
