import type { GallerySearch, IdentificationCandidate } from './gallerySearch';
import type { CalibrationChoice } from './identificationCalibration';
import { fpirAtScore, thresholdForFpir } from './identificationCalibration';

/**
 * The answer to "who is this?" against a gallery, at a target FPIR:
 * - `identified`: one identity at or above the threshold, and no other near it;
 * - `ambiguous`: two or more identities near or above the threshold within the calibration's margin of each
 *   other (twins, look-alikes): all of them are shown, none is chosen;
 * - `not_identified`: nobody reaches the threshold (the officer photographs or inspects).
 */
export type IdentificationOutcome = 'identified' | 'ambiguous' | 'not_identified';

export interface IdentificationResult {
  readonly outcome: IdentificationOutcome;
  /** The identified traveller (outcome `identified` only). */
  readonly identityId: string | null;
  /** The top score, in the calibration's score units. */
  readonly score: number | null;
  /** Best first; for `ambiguous`, every identity in the ambiguity comes first. */
  readonly candidates: readonly IdentificationCandidate[];
  /** Identities the result could not tell apart (outcome `ambiguous`), best first. */
  readonly ambiguousIdentityIds: readonly string[];
  readonly threshold: number;
  readonly targetFpir: number;
  /** The calibrated FPIR at the top score: the chance someone absent from the gallery scores this high. */
  readonly calibratedFpir: number | null;
  /** True when the top score is beyond the measured table: calibratedFpir is an upper bound. */
  readonly fpirBound: boolean;
  readonly calibrationVersion: string;
  readonly calibrationGalleryIdentities: number;
  /** The gallery is larger than any calibrated size: rates were scaled up by the size ratio. */
  readonly extrapolated: boolean;
  readonly galleryIdentities: number;
  readonly galleryTemplates: number;
}

export function decideIdentification(search: GallerySearch, choice: CalibrationChoice, targetFpir: number): IdentificationResult {
  const threshold = thresholdForFpir(choice, targetFpir);
  const margin = choice.calibration.ambiguityMargin;
  const [top, second] = search.candidates;
  const base = {
    threshold,
    targetFpir,
    calibrationVersion: choice.calibration.version,
    calibrationGalleryIdentities: choice.calibration.galleryIdentities,
    extrapolated: choice.extrapolated,
    galleryIdentities: search.galleryIdentities,
    galleryTemplates: search.galleryTemplates,
  };
  if (!top) return { ...base, outcome: 'not_identified', identityId: null, score: null, candidates: [], ambiguousIdentityIds: [], calibratedFpir: null, fpirBound: false };
  const rate = fpirAtScore(choice, top.score);
  const scored = { ...base, score: top.score, candidates: search.candidates, calibratedFpir: rate.fpir, fpirBound: rate.bound };
  if (top.score < threshold) return { ...scored, outcome: 'not_identified', identityId: null, ambiguousIdentityIds: [] };
  // Rivals: every other identity also above the threshold, or near it and within the margin of the top.
  const rivals = search.candidates.slice(1).filter((c) => c.score >= threshold || (c.score >= threshold - margin && top.score - c.score <= margin));
  if (second && rivals.length > 0) return { ...scored, outcome: 'ambiguous', identityId: null, ambiguousIdentityIds: [top.identityId, ...rivals.map((c) => c.identityId)] };
  return { ...scored, outcome: 'identified', identityId: top.identityId, ambiguousIdentityIds: [] };
}
