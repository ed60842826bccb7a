import type { FpirPoint, IdentificationCalibration } from '../../../app/biometrics/identification/identificationCalibration';
import { fpirKey } from '../../../app/biometrics/identification/identificationCalibration';
import type { SearchPipeline } from '../../../app/biometrics/identification/searchPipeline';

/**
 * Scores of an identification evaluation's searches, and the rates at fixed FPIR: FNIR (a mated search missed:
 * its mate not ranked first at or above the threshold; a probe with no face counts as missed), rank-1 rate,
 * the threshold at each target FPIR (the lowest score that at most that share of non-mated searches reach),
 * and the FPIR table `faces calibrate` stores.
 */
export interface MatedSearch {
  /** Null when the probe's face could not be acquired (a miss at every threshold). */
  readonly top: { readonly mate: boolean; readonly score: number } | null;
  /** Best score of another identity (ambiguity); -Infinity when none. */
  readonly rival: number;
}

export const FPIR_TARGETS = [1e-2, 3e-3, 1e-3] as const;

const round = (v: number, digits = 6) => Number(v.toFixed(digits));

/** The lowest threshold with FPIR <= target over these non-mated top scores; null when too few searches to resolve it. */
export function thresholdAtFpir(nonMatedDescending: Float64Array, target: number): number | null {
  const allowed = Math.floor(target * nonMatedDescending.length);
  if (target * nonMatedDescending.length < 1) return null;
  const above = nonMatedDescending[allowed];
  // Just above the (allowed+1)-th highest non-mated score: exactly `allowed` searches reach it.
  return above === undefined ? -Infinity : above + Math.max(Math.abs(above) * 1e-7, 1e-9);
}

export interface OperatingPoint {
  readonly threshold: number | null;
  readonly fpir: number | null;
  readonly fnir: number | null;
  /** Mated searches whose top two identities are both near the threshold (shown as ambiguous, not identified). */
  readonly ambiguousMated: number | null;
}

export function summariseSearches(mated: readonly MatedSearch[], nonMatedTopScores: readonly number[], ambiguityMargin: number) {
  const nonMated = Float64Array.from(nonMatedTopScores.filter(Number.isFinite)).sort().reverse();
  const rank1 = mated.filter((m) => m.top?.mate === true).length / Math.max(mated.length, 1);
  const atFpir: Record<string, OperatingPoint> = {};
  for (const target of FPIR_TARGETS) {
    const threshold = thresholdAtFpir(nonMated, target);
    if (threshold === null) {
      atFpir[fpirKey(target)] = { threshold: null, fpir: null, fnir: null, ambiguousMated: null };
      continue;
    }
    const hits = mated.filter((m) => m.top?.mate === true && m.top.score >= threshold).length;
    const ambiguous = mated.filter((m) => m.top !== null && m.top.score >= threshold && (m.rival >= threshold || (m.rival >= threshold - ambiguityMargin && m.top.score - m.rival <= ambiguityMargin))).length;
    const falsePositives = nonMated.filter((s) => s >= threshold).length;
    atFpir[fpirKey(target)] = { threshold: round(threshold), fpir: round(falsePositives / nonMated.length), fnir: round(1 - hits / Math.max(mated.length, 1)), ambiguousMated: round(ambiguous / Math.max(mated.length, 1)) };
  }
  return { matedSearches: mated.length, matedFailuresToAcquire: mated.filter((m) => m.top === null).length, nonMatedSearches: nonMated.length, rank1: round(rank1), atFpir };
}

/** The FPIR curve: thresholds at log-spaced rates from 0.5 down to one non-mated search. */
export function fpirTable(nonMatedTopScores: readonly number[], points = 60): FpirPoint[] {
  const nonMated = Float64Array.from(nonMatedTopScores.filter(Number.isFinite)).sort().reverse();
  const table: FpirPoint[] = [];
  const lowest = 1 / nonMated.length;
  for (let k = 0; k < points; k++) {
    const target = 0.5 * (lowest / 0.5) ** (k / (points - 1));
    const threshold = thresholdAtFpir(nonMated, target);
    if (threshold === null || !Number.isFinite(threshold)) continue;
    const fpir = nonMated.filter((s) => s >= threshold).length / nonMated.length;
    if (table.at(-1)?.threshold !== round(threshold)) table.push({ threshold: round(threshold), fpir });
  }
  return table.sort((a, b) => a.threshold - b.threshold);
}

export function identificationCalibrationFrom(
  nonMatedTopScores: readonly number[],
  matedSearches: number,
  galleryIdentities: number,
  pipeline: SearchPipeline,
  ambiguityMargin: number,
  version: string,
  source: string,
): IdentificationCalibration {
  const nonMated = Float64Array.from(nonMatedTopScores.filter(Number.isFinite)).sort().reverse();
  const thresholdsByFpir: Record<string, number> = {};
  for (const target of FPIR_TARGETS) {
    const threshold = thresholdAtFpir(nonMated, target);
    // As for 1:1: a threshold needs at least ten non-mated searches above it to be stable.
    if (threshold !== null && Number.isFinite(threshold) && target * nonMated.length >= 10) thresholdsByFpir[fpirKey(target)] = round(threshold);
  }
  return { version, source, galleryIdentities, pipeline, matedSearches, nonMatedSearches: nonMated.length, table: fpirTable(nonMatedTopScores), thresholdsByFpir, ambiguityMargin };
}
