import { z } from 'zod';

/**
 * Is what the embedder was shown a face? Checked on the embedding itself: the norm of the raw embedding (before
 * L2 normalisation) is large for the faces a recognition model was trained on and small for what it has no
 * features for (test patterns, textures, drawings). Two non-faces give near-identical normalised embeddings,
 * so a calibration measured on real faces says nothing about them: without this check garbage on both sides
 * can look like "a match at 1 in 1,000,000". The threshold is per model, measured by `npx booth faces eval`
 * on LFW against non-face crops the project draws itself.
 */
export const facenessCalibrationSchema = z.object({
  /** Raw embeddings with a smaller L2 norm are not faces. */
  minRawNorm: z.number().positive(),
  version: z.string().min(1),
  /** What it was measured on (dataset, generated non-faces, date, command). */
  source: z.string().min(1),
  /** Real faces measured, and how many of them the threshold rejects (target at most 0.1 %). */
  faces: z.object({ measured: z.number().int().positive(), rejected: z.number().int().nonnegative() }),
  /** Non-face crops measured, and how many of them pass the threshold. */
  nonFaces: z.object({ measured: z.number().int().positive(), passed: z.number().int().nonnegative() }),
});

export type FacenessCalibration = z.infer<typeof facenessCalibrationSchema>;

/** Largest share of real faces the threshold may reject. */
export const MAX_FACE_REJECTION_RATE = 0.001;

/** L2 norm of a raw (not yet normalised) embedding. */
export function rawNorm(vector: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += (vector[i] ?? 0) ** 2;
  return Math.sqrt(sum);
}

/** Never optimistic: a model without a face-ness calibration cannot vouch that anything is a face. */
export const isFaceLike = (norm: number, calibration: FacenessCalibration | undefined): boolean => calibration !== undefined && Number.isFinite(norm) && norm >= calibration.minRawNorm;

export interface FacenessMeasurement {
  readonly minRawNorm: number;
  readonly facesRejected: number;
  readonly nonFacesPassed: number;
}

/**
 * The highest threshold that rejects at most `maxRejectionRate` of the real faces' norms (the floor(rate * n)
 * smallest fall below it), and what it does to both sets.
 */
export function facenessThreshold(faceNorms: readonly number[], nonFaceNorms: readonly number[], maxRejectionRate = MAX_FACE_REJECTION_RATE): FacenessMeasurement {
  const faces = faceNorms.filter(Number.isFinite).sort((a, b) => a - b);
  if (faces.length === 0) throw new RangeError('no face norms to set a face-ness threshold on');
  const allowed = Math.floor(maxRejectionRate * faces.length);
  const minRawNorm = faces[allowed] ?? faces[faces.length - 1] ?? 0;
  return {
    minRawNorm,
    facesRejected: faces.filter((n) => n < minRawNorm).length,
    nonFacesPassed: nonFaceNorms.filter((n) => Number.isFinite(n) && n >= minRawNorm).length,
  };
}
