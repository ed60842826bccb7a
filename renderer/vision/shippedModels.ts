import type { DetectorManifest, EmbedderManifest, EvaluableEmbedderManifest, LandmarkerManifest, PadManifest } from '../../app/biometrics/modelManifest';
import { parseEvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { modelSetSchema, shippedModelSet } from '../../app/biometrics/modelSet';

/**
 * The model manifests the worker runs: the set the host verified (settings `faceModels`), or the shipped ones
 * (assets/models/*.json) for the harness pages and before a set is known.
 */
export interface VisionModels {
  readonly shortRange: DetectorManifest;
  readonly fullRange: DetectorManifest;
  readonly landmarker: LandmarkerManifest;
  readonly embedder: EmbedderManifest;
  readonly pad: PadManifest | null;
}

/** The shipped manifests, parsed: a broken manifest fails loudly at start-up. */
export const defaultModels = (): VisionModels => shippedModelSet();

/** The models the worker runs: the embedder may be one being evaluated (uncalibrated: measured, never compared). */
export interface WorkerModels extends Omit<VisionModels, 'embedder'> {
  readonly embedder: EvaluableEmbedderManifest;
}

/**
 * The set a configuration names (validated here at the worker's boundary: a bad field is an init error naming it),
 * with the embedder a `faces eval` measures in place of the set's.
 */
export function configuredModels(models: unknown, embedderManifest?: unknown): WorkerModels {
  let set: WorkerModels = defaultModels();
  if (models !== undefined) {
    const parsed = modelSetSchema.safeParse(models);
    if (!parsed.success) throw new Error(`the configured model set is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    set = parsed.data;
  }
  return embedderManifest === undefined ? set : { ...set, embedder: parseEvaluableEmbedderManifest(embedderManifest, 'the configured embedder manifest') };
}
