import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { facenessCalibrationSchema } from '../../app/biometrics/faceness';
import { calibrationSchema, parseEmbedderManifest, parseLandmarkerManifest } from '../../app/biometrics/modelManifest';
import { calibrationMismatch } from './calibrationProvenance';
import { calibrationTargetOf, measuredModelSchema } from './calibrationTarget';
import { repoRoot } from './visionHarnessSession';
import { applyIdentificationCalibration } from './identification/identificationCalibrate';

/**
 * `booth faces calibrate`: stores a full evaluation report's calibration (thresholds by false-match rate, and
 * the face-ness threshold) in the manifest the report was measured with, and refuses any other.
 */
const reportWithCalibration = z.object({
  limit: z.number().nullable(),
  flip: z.boolean(),
  landmarkBoxScale: z.number().nullable().default(null),
  landmarkPasses: z.number().nullable().default(null),
  model: measuredModelSchema,
  calibration: calibrationSchema,
  /** Reports from before the face-ness check have none; such a report cannot give a model one. */
  facenessCalibration: facenessCalibrationSchema.optional(),
});

export async function applyCalibration(reportFile: string, requestedManifest?: string): Promise<void> {
  const raw: unknown = JSON.parse(await readFile(reportFile, 'utf8'));
  // An identification report carries an FPIR table for one gallery size instead (identification/identificationCalibrate.ts).
  if ((raw as { protocol?: unknown } | null)?.protocol === 'identification') return applyIdentificationCalibration(reportFile, raw, requestedManifest);
  const parsed = reportWithCalibration.safeParse(raw);
  if (!parsed.success) throw new Error(`${reportFile} is not a faces eval report with a calibration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const report = parsed.data;
  if (report.limit !== null) throw new Error(`${reportFile} comes from a --limit run: calibrate from a full run`);
  const manifestFile = (await calibrationTargetOf(reportFile, report.model, requestedManifest, 'calibration')).manifestPath;
  const landmarkFile = path.join(repoRoot, 'assets/models/fr_landmark.json');
  const mismatch = calibrationMismatch(report, parseLandmarkerManifest(JSON.parse(await readFile(landmarkFile, 'utf8')), landmarkFile), landmarkFile);
  if (mismatch) throw new Error(`${reportFile}: ${mismatch}`);
  const faceness = report.facenessCalibration;
  const updated = {
    ...(JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>),
    flipAugmentation: report.flip,
    calibration: report.calibration,
    ...(faceness ? { faceness } : {}),
  };
  parseEmbedderManifest(updated, manifestFile);
  await writeFile(manifestFile, `${JSON.stringify(updated, null, 2)}\n`);
  console.error(`calibration ${report.calibration.version}${faceness ? ` and face-ness ${faceness.version} (min raw norm ${faceness.minRawNorm})` : ''} written to ${manifestFile}`);
}
