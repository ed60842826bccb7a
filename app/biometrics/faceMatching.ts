import type { CalibratedRate } from './calibration';
import { calibratedFmr, formatOneIn, thresholdForFmr } from './calibration';
import type { Embedding } from './embeddingMath';
import { cosineSimilarity, fuseEmbeddings } from './embeddingMath';
import type { EmbedderManifest } from './modelManifest';

/**
 * Face comparisons with calibrated outcomes: 1:1 (live vs a reference), multi-reference (chip photo,
 * printed photo, gallery photos of one person), 1:N (live vs a gallery of people) and multi-frame fusion.
 * Every result names the model and the calibration (threshold) version it was decided with.
 */

export type MatchDecision = 'match' | 'no_match';

export interface MatchPolicy {
  /** The false-match rate the decision threshold is set for (e.g. 1e-3). */
  readonly targetFmr: number;
}

export interface MatchProvenance {
  readonly modelId: string;
  readonly modelVersion: string;
  readonly calibrationVersion: string;
  readonly targetFmr: number;
  readonly threshold: number;
}

export interface MatchResult extends MatchProvenance {
  readonly decision: MatchDecision;
  readonly score: number;
  /** Calibrated chance that a different person scores this high, adjusted for the number of comparisons made. */
  readonly falseMatchRate: CalibratedRate;
  /** Index of the best-scoring reference. */
  readonly bestReference: number;
  readonly comparisons: number;
}

/** The model and threshold a decision at this policy uses (recorded even when nothing was compared). */
export function matchProvenance(model: EmbedderManifest, policy: MatchPolicy): MatchProvenance {
  return {
    modelId: model.id,
    modelVersion: model.version,
    calibrationVersion: model.calibration.version,
    targetFmr: policy.targetFmr,
    threshold: thresholdForFmr(model.calibration, policy.targetFmr),
  };
}

/** A rate for the best of `comparisons` tries: 1-(1-p)^n, since taking a maximum gives impostors n chances. */
function forComparisons(rate: CalibratedRate, comparisons: number): CalibratedRate {
  if (comparisons <= 1) return rate;
  const fmr = 1 - (1 - rate.fmr) ** comparisons;
  return { fmr, bound: rate.bound, text: rate.bound ? `below ${formatOneIn(fmr)}` : formatOneIn(fmr) };
}

/**
 * Live embedding(s) against one person's references (one or several photos). The probe side is fused first
 * (several frames of one track); the best reference score decides. Thresholds stay those of the target FMR;
 * the reported rate accounts for the extra comparisons.
 */
export function verify(probe: readonly Embedding[], references: readonly Embedding[], model: EmbedderManifest, policy: MatchPolicy): MatchResult {
  if (references.length === 0) throw new RangeError('verify needs at least one reference embedding');
  const fused = fuseEmbeddings(probe);
  const scores = references.map((r) => cosineSimilarity(fused, r));
  const bestReference = scores.indexOf(Math.max(...scores));
  const score = scores[bestReference] ?? -1;
  const base = matchProvenance(model, policy);
  return {
    ...base,
    decision: score >= base.threshold ? 'match' : 'no_match',
    score,
    falseMatchRate: forComparisons(calibratedFmr(model.calibration, score), references.length),
    bestReference,
    comparisons: references.length,
  };
}

export interface GalleryEntry {
  readonly subjectId: string;
  readonly embeddings: readonly Embedding[];
}

export interface Candidate {
  readonly subjectId: string;
  readonly score: number;
}

export interface IdentifyResult extends MatchProvenance {
  readonly decision: MatchDecision;
  /** Best first; only candidates at or above the threshold. */
  readonly candidates: readonly Candidate[];
  /** The top score, whether or not it passes. */
  readonly topScore: number;
  /** Chance that at least one non-mated gallery entry passes, ~N x FMR. */
  readonly falsePositiveIdentificationRate: CalibratedRate;
}

/** 1:N against a gallery (the vehicle's documents, a manifest): each subject scored by its best reference. */
export function identify(probe: readonly Embedding[], gallery: readonly GalleryEntry[], model: EmbedderManifest, policy: MatchPolicy): IdentifyResult {
  const fused = fuseEmbeddings(probe);
  const base = matchProvenance(model, policy);
  const scored = gallery
    .map((entry) => ({ subjectId: entry.subjectId, score: Math.max(...entry.embeddings.map((e) => cosineSimilarity(fused, e))) }))
    .sort((a, b) => b.score - a.score);
  const topScore = scored[0]?.score ?? -1;
  const comparisons = gallery.reduce((n, entry) => n + entry.embeddings.length, 0);
  return {
    ...base,
    decision: topScore >= base.threshold ? 'match' : 'no_match',
    candidates: scored.filter((c) => c.score >= base.threshold),
    topScore,
    falsePositiveIdentificationRate: forComparisons(calibratedFmr(model.calibration, base.threshold), Math.max(comparisons, 1)),
  };
}
