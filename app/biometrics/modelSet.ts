import { z } from 'zod';
import { detectorManifestSchema, embedderManifestSchema, landmarkerManifestSchema, padManifestSchema, parseDetectorManifest, parseEmbedderManifest, parseLandmarkerManifest } from './modelManifest';
import shortRangeJson from '../../assets/models/blazeface_short_range.json' with { type: 'json' };
import fullRangeJson from '../../assets/models/blazeface_full_range.json' with { type: 'json' };
import landmarkJson from '../../assets/models/fr_landmark.json' with { type: 'json' };
import featureJson from '../../assets/models/fr_feature.json' with { type: 'json' };

/**
 * The set of face models a booth runs: two detectors, the landmark model, the embedder (calibrated: its thresholds
 * make the decisions) and, optionally, presentation-attack detection. The host chooses it from the settings and
 * verifies it (main/services/faceModelSet.ts); the page and the vision worker run what the host hands them.
 */
export const modelSetSchema = z.object({
  shortRange: detectorManifestSchema,
  fullRange: detectorManifestSchema,
  landmarker: landmarkerManifestSchema,
  embedder: embedderManifestSchema,
  pad: padManifestSchema.nullable(),
});
export type ModelSet = z.infer<typeof modelSetSchema>;

/** Where the booth's model set came from: the shipped manifests, the configured ones, or the last set that worked. */
export const modelSetOriginSchema = z.enum(['shipped', 'configured', 'last-working']);
export type ModelSetOrigin = z.infer<typeof modelSetOriginSchema>;

/** The set the host verified and serves (each manifest's `file` is where the host serves the prepared model). */
export const activeModelSetSchema = z.object({
  origin: modelSetOriginSchema,
  models: modelSetSchema,
  /** Why the configured set is not the one running (each names the manifest and field); empty when it is. */
  notices: z.array(z.string()),
  /** 'flag': a presentation-attack flag is a reason on the occupant card; 'off': PAD does not run. */
  presentationAttackDetection: z.enum(['off', 'flag']),
});
export type ActiveModelSet = z.infer<typeof activeModelSetSchema>;

/** The shipped manifests (assets/models/*.json), parsed: a broken manifest fails loudly at start-up. */
export const shippedModelSet = (): ModelSet => ({
  shortRange: parseDetectorManifest(shortRangeJson, 'assets/models/blazeface_short_range.json'),
  fullRange: parseDetectorManifest(fullRangeJson, 'assets/models/blazeface_full_range.json'),
  landmarker: parseLandmarkerManifest(landmarkJson, 'assets/models/fr_landmark.json'),
  embedder: parseEmbedderManifest(featureJson, 'assets/models/fr_feature.json'),
  pad: null,
});
