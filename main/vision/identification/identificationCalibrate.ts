import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { IdentificationCalibration } from '../../../app/biometrics/identification/identificationCalibration';
import { identificationCalibrationSchema } from '../../../app/biometrics/identification/identificationCalibration';
import { parseEvaluableEmbedderManifest } from '../../../app/biometrics/modelManifest';
import { calibrationTargetOf, measuredModelSchema } from '../calibrationTarget';

/**
 * `booth faces calibrate --report R.json` for an identification report: stores its FPIR table in the embedder
 * manifest it was measured with (refused for any other, or when the model file changed, or when the manifest's
 * flip augmentation is not the one the embeddings were made with). One table per gallery size: a table for the
 * same size replaces the old one, others stay.
 */
export const identificationReportSchema = z.object({
  protocol: z.literal('identification'),
  limit: z.null(),
  flip: z.boolean(),
  model: measuredModelSchema,
  identificationCalibration: identificationCalibrationSchema,
});

/** The manifest's tables with `added` in place of any table for the same gallery size, smallest gallery first. */
export function withIdentificationTable(existing: readonly IdentificationCalibration[] | undefined, added: IdentificationCalibration): IdentificationCalibration[] {
  return [...(existing ?? []).filter((c) => c.galleryIdentities !== added.galleryIdentities), added].sort((a, b) => a.galleryIdentities - b.galleryIdentities);
}

export async function applyIdentificationCalibration(reportFile: string, report: unknown, requestedManifest?: string): Promise<void> {
  const parsed = identificationReportSchema.safeParse(report);
  if (!parsed.success) throw new Error(`${reportFile} is not a full identification eval report: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { model, flip, identificationCalibration } = parsed.data;
  const target = await calibrationTargetOf(reportFile, model, requestedManifest, 'identification calibration');
  const manifestFile = target.manifestPath;
  if (target.manifest.flipAugmentation !== flip) throw new Error(`${reportFile} was measured with flip augmentation ${flip ? 'on' : 'off'}; ${manifestFile} has it ${flip ? 'off' : 'on'}: evaluate again with the manifest as it is`);
  const raw = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
  const current = parseEvaluableEmbedderManifest(raw, manifestFile).identification;
  const updated = { ...raw, identification: withIdentificationTable(current, identificationCalibration) };
  parseEvaluableEmbedderManifest(updated, manifestFile);
  await writeFile(manifestFile, `${JSON.stringify(updated, null, 2)}\n`);
  const thresholds = Object.entries(identificationCalibration.thresholdsByFpir).map(([k, t]) => `${k}: ${t}`).join(', ');
  console.error(`identification calibration ${identificationCalibration.version} (gallery ${identificationCalibration.galleryIdentities}, ${identificationCalibration.pipeline.fusion}/${identificationCalibration.pipeline.normalisation}; ${thresholds}) written to ${manifestFile}`);
}
