import { z } from 'zod';

/**
 * How template scores become one score per identity, as data: thresholds belong to the exact pipeline that
 * produced the scores they were measured on, so an identification calibration names its pipeline and the
 * worker runs the one its calibration names.
 *
 * - `fusion` combines an identity's template scores: `max` (best photo), `mean` (all photos), `top2-mean`
 *   (the mean of its two best, or its one), `quality-weighted` (mean weighted by each photo's quality, with the
 *   best score's weight doubled so one good photo is not drowned by poor ones), `centroid` (the probe against the
 *   mean of the identity's templates, re-normalised: the classic multi-image template).
 * - `normalisation` rescales each search's identity scores by how this probe scores against this gallery:
 *   `z-norm` (minus the mean, over the standard deviation, of the probe's scores against every identity), so a
 *   probe that looks like everyone (a low-quality face) needs a higher raw score to reach the threshold.
 */
export const fusionRuleSchema = z.enum(['max', 'mean', 'centroid', 'top2-mean', 'quality-weighted']);
export const scoreNormalisationSchema = z.enum(['none', 'z-norm']);

export const searchPipelineSchema = z.object({
  fusion: fusionRuleSchema,
  normalisation: scoreNormalisationSchema,
});

export type FusionRule = z.infer<typeof fusionRuleSchema>;
export type ScoreNormalisation = z.infer<typeof scoreNormalisationSchema>;
export type SearchPipeline = z.infer<typeof searchPipelineSchema>;

/** The plain 1:N baseline: best template, raw cosine. */
export const BASELINE_PIPELINE: SearchPipeline = { fusion: 'max', normalisation: 'none' };
