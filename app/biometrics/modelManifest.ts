import { z } from 'zod';
import { facenessCalibrationSchema } from './faceness';
import { identificationCalibrationSchema } from './identification/identificationCalibration';

/**
 * A face model described as configuration: which file, how to feed it, what it returns, and the thresholds
 * calibrated for it. An agency swaps the model by shipping another manifest, never by changing code.
 */

const point = z.tuple([z.number(), z.number()]);

/** One point of the calibration curve: the false-match rate measured at a score threshold. */
export const calibrationPointSchema = z.object({
  threshold: z.number().min(-1).max(1),
  fmr: z.number().min(0).max(1),
});

export const calibrationSchema = z.object({
  /** Version of this calibration; every match result names it. */
  version: z.string().min(1),
  /** What it was measured on (dataset, protocol, date, command). */
  source: z.string().min(1),
  genuinePairs: z.number().int().nonnegative(),
  impostorPairs: z.number().int().positive(),
  /** Decreasing FMR with increasing threshold. */
  table: z.array(calibrationPointSchema).min(2),
  /** Threshold per target false-match rate, keyed by the rate written as in the table (e.g. "1e-3"). */
  thresholdsByFmr: z.record(z.string().regex(/^1e-\d+$/), z.number()),
});

/**
 * Where the model file comes from: a file of an installed npm package (`package` + `path` inside it), or a file
 * beside the manifest (`path` relative to the manifest's folder, or absolute). Without it, `file` is taken
 * relative to the manifest's folder.
 */
export const modelSourceSchema = z.union([
  z.object({ package: z.string().regex(/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/, 'an npm package name'), path: z.string().min(1) }).strict(),
  z.object({ path: z.string().min(1) }).strict(),
]);
export type ModelSource = z.infer<typeof modelSourceSchema>;

const fileSchema = z.object({
  /** Served path relative to the app's asset base (e.g. "models/fr_feature.onnx"): the prepared file's name. */
  file: z.string().min(1),
  source: modelSourceSchema.optional(),
  /**
   * SHA-256 (hex) of the source file, before preparation. A booth runs only a model whose file has this hash;
   * `faces eval` evaluates a manifest without one (and reports the hash it measured).
   */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 of the model file as 64 lowercase hex digits').optional(),
  licence: z.string().min(1),
  version: z.string().min(1),
  /** Where it comes from and what is (not) known about its training data. */
  provenance: z.string().min(1),
});

/**
 * Float32 weights smaller than this in magnitude are set to zero when the model is loaded (subnormal weights
 * always are): WebAssembly cannot enable flush-to-zero, and products of such weights with dead channels' tiny
 * activations run through the CPU's slow subnormal path. Set it only after checking that embeddings do not
 * change (see app/biometrics/onnxWeightFlush.ts for the measurements on fr_feature).
 */
const negligibleWeight = z.number().positive().max(1e-6).optional();

/** One value for every channel, or one per channel in the manifest's colour order (Caffe-style models). */
const perChannel = (value: z.ZodNumber) => z.union([value, z.tuple([value, value, value])]);

/** Runs of the model: a symbolic batch ('dynamic'), or the fixed batch its input declares (inputs are padded to it). */
const batchSchema = z.union([z.literal('dynamic'), z.number().int().positive()]).default('dynamic');

/** How an ONNX model taking a colour face image (the embedder, PAD) is named and fed. */
const colourImageModel = {
  id: z.string().min(1),
  inputName: z.string().min(1),
  outputName: z.string().min(1),
  /** Width, height of the face image the model takes (for the embedder: the aligned face). */
  inputSize: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  /** Planar (NCHW, PyTorch/ONNX exports) or interleaved (NHWC, TensorFlow/TFLite conversions). */
  layout: z.enum(['NCHW', 'NHWC']).default('NCHW'),
  colourOrder: z.enum(['RGB', 'BGR']),
  /** Pixel v (0..255) of channel c becomes (v - mean[c]) / std[c]. */
  normalisation: z.object({ mean: perChannel(z.number()), std: perChannel(z.number().positive()) }),
  batch: batchSchema,
};

/**
 * An embedder as a file and how to feed it, without the calibration: what `faces eval` can measure. Only a
 * calibrated manifest (embedderManifestSchema) can be used for decisions.
 */
export const evaluableEmbedderManifestSchema = fileSchema.extend({
  kind: z.literal('face-embedder'),
  ...colourImageModel,
  alignment: z.object({
    name: z.string(),
    /** Eye (image left), eye (image right), nose tip, mouth corner (image left), mouth corner (image right). */
    template: z.tuple([point, point, point, point, point]),
  }),
  outputSize: z.number().int().positive(),
  /** Average the embeddings of the aligned crop and its mirror image. */
  flipAugmentation: z.boolean(),
  negligibleWeight,
  calibration: calibrationSchema.optional(),
  /**
   * The raw-embedding norm below which a crop is not a face (faceness.ts). Without it the model cannot tell a
   * face from a test pattern, so nothing it embeds is compared (`faces eval` measures it, `faces calibrate` stores it).
   */
  faceness: facenessCalibrationSchema.optional(),
  /** 1:N thresholds by FPIR, one table per calibrated gallery size (identification/identificationCalibration.ts). */
  identification: z.array(identificationCalibrationSchema).optional(),
});

/** An embedder that decisions can use: calibrated (thresholds by false-match rate). */
export const embedderManifestSchema = evaluableEmbedderManifestSchema.extend({ calibration: calibrationSchema });

export const landmarkerManifestSchema = fileSchema.extend({
  kind: z.literal('face-landmarker'),
  id: z.string().min(1),
  inputName: z.string().min(1),
  outputName: z.string().min(1),
  inputSize: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  colourOrder: z.literal('GRAY'),
  normalisation: z.object({ mean: z.number(), std: z.number().positive() }),
  pointCount: z.literal(68),
  /**
   * The crop the landmark model was trained on, from the detector's box: the box is moved by `boxOffset`
   * (fractions of its width and height) and scaled by `boxScale` about its new centre. Detectors frame faces
   * differently, and a landmark model is sensitive to where and how large the face sits in its crop. Measured
   * for fr_landmark on 1,100 LFW images: the crop its own package takes (from its detector) is BlazeFace's box
   * x1.23, moved up by 12% of its side; with that crop LFW 10-fold accuracy was 99.50% (99.42% with the plain
   * box) but all-pairs FNMR worse (1.17% vs 1.00% at FMR 1e-3, 2.54% vs 2.30% at 1e-4), so the plain box ships.
   */
  boxScale: z.number().positive(),
  boxOffset: z.object({ x: z.number().min(-1).max(1), y: z.number().min(-1).max(1) }).default({ x: 0, y: 0 }),
  /** Passes: the second and later crops are re-centred on the previous pass's landmarks. */
  refinementPasses: z.number().int().min(1).max(3),
  negligibleWeight,
});

export const detectorManifestSchema = fileSchema.extend({
  kind: z.literal('face-detector'),
  id: z.string().min(1),
  inputSize: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  minScore: z.number().min(0).max(1),
  /** Keypoint order as the model returns them. */
  keypoints: z.array(z.string()),
  /**
   * A TFLite file without image-input metadata (MediaPipe refuses it) gets a minimal one attached when prepared:
   * RGB input normalised as (v - mean) / std.
   */
  attachInputMetadata: z.object({ mean: z.array(z.number()).min(1).max(3), std: z.array(z.number().positive()).min(1).max(3) }).optional(),
});

/**
 * Presentation-attack detection (a photo or a screen held up to the camera), run on a track's best shot. Its score
 * is a bona fide likelihood in 0..1; below `calibration.threshold` the face is flagged ("possible photo or
 * screen"). Without a calibration it can be measured (`faces pad-eval`) but flags nothing.
 */
export const padCalibrationSchema = z.object({
  version: z.string().min(1),
  source: z.string().min(1),
  /** Bona fide scores below this are flagged as possible attacks. */
  threshold: z.number().min(0).max(1),
  /** Measured at that threshold (ISO/IEC 30107-3): bona fide presentations flagged, attacks let through. */
  bpcer: z.number().min(0).max(1),
  apcer: z.number().min(0).max(1),
});

export const padManifestSchema = fileSchema.extend({
  kind: z.literal('presentation-attack-detector'),
  ...colourImageModel,
  /** The crop: the detector's box scaled about its centre by this factor (kept inside the frame), resized to inputSize. */
  boxScale: z.number().positive().max(5),
  /** How the outputs become the bona fide score: softmax (then the class at `bonaFideIndex`), sigmoid of that output, or the value itself. */
  score: z.object({ activation: z.enum(['softmax', 'sigmoid', 'none']), bonaFideIndex: z.number().int().nonnegative() }),
  calibration: padCalibrationSchema.optional(),
});

/** Any model a manifest can describe, by its `kind`. */
export const anyModelManifestSchema = z.discriminatedUnion('kind', [detectorManifestSchema, landmarkerManifestSchema, evaluableEmbedderManifestSchema, padManifestSchema]);

export type PadManifest = z.infer<typeof padManifestSchema>;
export type AnyModelManifest = z.infer<typeof anyModelManifestSchema>;
export type EmbedderManifest = z.infer<typeof embedderManifestSchema>;
export type EvaluableEmbedderManifest = z.infer<typeof evaluableEmbedderManifestSchema>;
export type LandmarkerManifest = z.infer<typeof landmarkerManifestSchema>;
export type DetectorManifest = z.infer<typeof detectorManifestSchema>;
export type Calibration = z.infer<typeof calibrationSchema>;

export class ModelManifestError extends Error {
  readonly code = 'invalid_manifest' as const;
  constructor(what: string, issues: string) {
    super(`${what} is not a valid model manifest: ${issues}`);
    this.name = 'ModelManifestError';
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ModelManifestError(what, result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  return result.data;
}

export const parseEmbedderManifest = (value: unknown, what = 'embedder manifest'): EmbedderManifest => parseWith(embedderManifestSchema, value, what);
export const parseEvaluableEmbedderManifest = (value: unknown, what = 'embedder manifest'): EvaluableEmbedderManifest => parseWith(evaluableEmbedderManifestSchema, value, what);

/** Per-channel values in the manifest's colour order, whichever way the manifest wrote them. */
export const channelValues = (value: number | readonly [number, number, number]): readonly [number, number, number] => (typeof value === 'number' ? [value, value, value] : value);
export const parseLandmarkerManifest = (value: unknown, what = 'landmarker manifest'): LandmarkerManifest => parseWith(landmarkerManifestSchema, value, what);
export const parsePadManifest = (value: unknown, what = 'presentation-attack detector manifest'): PadManifest => parseWith(padManifestSchema, value, what);
export const parseAnyModelManifest = (value: unknown, what = 'model manifest'): AnyModelManifest => parseWith(anyModelManifestSchema, value, what);
export const parseDetectorManifest = (value: unknown, what = 'detector manifest'): DetectorManifest => parseWith(detectorManifestSchema, value, what);
