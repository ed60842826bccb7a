import { z } from 'zod';
import type { PadManifest } from './modelManifest';

/**
 * What presentation-attack detection said about one face (a track's best shot): checked, with the bona fide score,
 * the calibrated threshold and the model it came from; or not checked, and why (the model could not be loaded or
 * run, the crop was unusable, no verified PAD model). A face that was not checked is never taken as bona fide.
 */
const modelOf = { modelId: z.string().min(1).max(200), calibrationVersion: z.string().min(1).max(100) };

export const presentationAttackCheckSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('checked'),
    /** Bona fide likelihood 0..1 (the manifest's `score`); below `threshold` the face is flagged. */
    score: z.number().min(0).max(1),
    threshold: z.number().min(0).max(1),
    flagged: z.boolean(),
    ...modelOf,
  }),
  z.strictObject({
    status: z.literal('not_checked'),
    reason: z.string().min(1).max(500),
    modelId: modelOf.modelId.optional(),
  }),
]);
export type PresentationAttackCheck = z.infer<typeof presentationAttackCheckSchema>;

/** A score read against the manifest's calibration: flagged below its threshold. An uncalibrated model checks nothing. */
export function judgePresentation(score: number, manifest: Pick<PadManifest, 'id' | 'calibration'>): PresentationAttackCheck {
  const calibration = manifest.calibration;
  if (!calibration) return notChecked(`the presentation-attack model ${manifest.id} is not calibrated`, manifest.id);
  if (!Number.isFinite(score) || score < 0 || score > 1) return notChecked(`the presentation-attack model ${manifest.id} gave no usable score (${score})`, manifest.id);
  return { status: 'checked', score, threshold: calibration.threshold, flagged: score < calibration.threshold, modelId: manifest.id, calibrationVersion: calibration.version };
}

export const notChecked = (reason: string, modelId?: string): PresentationAttackCheck => ({ status: 'not_checked', reason, ...(modelId ? { modelId } : {}) });
