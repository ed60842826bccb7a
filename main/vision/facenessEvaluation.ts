import { z } from 'zod';
import type { FacenessCalibration } from '../../app/biometrics/faceness';
import { MAX_FACE_REJECTION_RATE, facenessThreshold } from '../../app/biometrics/faceness';
import type { ImageFace } from './faceEvaluation';
import type { HarnessSession } from './visionHarnessSession';
import { DATASET_PREFIX } from './visionHarnessSession';

/**
 * The face-ness calibration of `faces eval`: the raw embedding norms of the dataset's faces against those of
 * pictures that are not faces (drawn by the harness: test patterns incl. Chromium's fake camera, textures,
 * noise, gradients, cartoon and block portraits, backs of heads, empty car seats, posters; real faces upside
 * down). The threshold rejects at most 0.1 % of the faces; the report says how many non-faces still pass it.
 */
const nonFaceMeasurementSchema = z.object({
  kind: z.string(),
  index: z.number().int(),
  forcedRawNorm: z.number().nullable(),
  detected: z.number().int(),
  detectedRawNorm: z.number().nullable(),
  referenceRefusal: z.string().nullable(),
});

export type NonFaceMeasurement = z.infer<typeof nonFaceMeasurementSchema>;

export interface FacenessOptions {
  readonly perKind: number;
  readonly cameraFrames: number;
  /** Dataset images (relative paths) measured upside down. */
  readonly upsideDown: readonly string[];
  readonly log: (line: string) => void;
}

const round = (v: number, digits = 4) => Number(v.toFixed(digits));

const percentiles = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const at = (f: number) => round(s[Math.min(s.length - 1, Math.floor(f * s.length))] ?? NaN);
  return { count: s.length, min: at(0), p001: at(0.001), p01: at(0.01), p50: at(0.5), p99: at(0.99), max: round(s[s.length - 1] ?? NaN) };
};

export async function measureNonFaces(session: HarnessSession, options: FacenessOptions): Promise<NonFaceMeasurement[]> {
  const upsideDownUrls = options.upsideDown.map((p) => DATASET_PREFIX + p.split('/').map(encodeURIComponent).join('/'));
  const measured = z.array(nonFaceMeasurementSchema).parse(
    await session.page.evaluate(
      (o) => (globalThis as unknown as { boothVisionHarness: { measureNonFaces(o: unknown): Promise<unknown> } }).boothVisionHarness.measureNonFaces(o),
      { perKind: options.perKind, width: 320, height: 320, upsideDownUrls, cameraFrames: options.cameraFrames },
    ),
  );
  options.log(`${measured.length} non-face pictures measured`);
  return measured;
}

/** The face-ness section of the report: threshold, faces rejected, non-faces passing (per kind). */
export function facenessReport(faces: readonly ImageFace[], nonFaces: readonly NonFaceMeasurement[], maxRejectionRate = MAX_FACE_REJECTION_RATE) {
  const faceNorms = faces.map((f) => f.rawNorm).filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
  // Every norm of a non-face the embedder was shown: the forced crop, and what the detector took for a face.
  const nonFaceNorms = nonFaces.flatMap((n) => [n.forcedRawNorm, n.detectedRawNorm]).filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
  const threshold = facenessThreshold(faceNorms, nonFaceNorms, maxRejectionRate);
  const byKind: Record<string, { pictures: number; forcedPassed: number; detected: number; detectedPassed: number; acceptedAsReference: number }> = {};
  for (const n of nonFaces) {
    const k = (byKind[n.kind] ??= { pictures: 0, forcedPassed: 0, detected: 0, detectedPassed: 0, acceptedAsReference: 0 });
    k.pictures++;
    if (n.forcedRawNorm !== null && n.forcedRawNorm >= threshold.minRawNorm) k.forcedPassed++;
    if (n.detected > 0) k.detected++;
    if (n.detectedRawNorm !== null && n.detectedRawNorm >= threshold.minRawNorm) k.detectedPassed++;
    if (n.referenceRefusal === null) k.acceptedAsReference++;
  }
  return {
    minRawNorm: round(threshold.minRawNorm, 6),
    maxFaceRejectionRate: maxRejectionRate,
    facesMeasured: faceNorms.length,
    facesRejected: threshold.facesRejected,
    facesRejectedRate: faceNorms.length ? threshold.facesRejected / faceNorms.length : NaN,
    nonFaceCropsMeasured: nonFaceNorms.length,
    nonFaceCropsPassed: threshold.nonFacesPassed,
    faceNorms: percentiles(faceNorms),
    nonFaceNorms: percentiles(nonFaceNorms),
    byKind,
  };
}

export type FacenessReport = ReturnType<typeof facenessReport>;

/** What `faces calibrate` stores in the manifest. */
export function facenessCalibrationFrom(report: FacenessReport, version: string, source: string): FacenessCalibration {
  return {
    minRawNorm: report.minRawNorm,
    version,
    source,
    faces: { measured: report.facesMeasured, rejected: report.facesRejected },
    nonFaces: { measured: report.nonFaceCropsMeasured, passed: report.nonFaceCropsPassed },
  };
}
