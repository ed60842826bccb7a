import type { GalleryTemplates } from './galleryTemplates';
import { searchGallery } from './gallerySearch';
import type { IdentificationCalibration } from './identificationCalibration';
import { calibrationForGallery } from './identificationCalibration';
import type { IdentificationResult } from './identificationDecision';
import { decideIdentification } from './identificationDecision';

/** Candidates a result lists by default (the officer's shortlist). */
export const DEFAULT_CANDIDATES = 5;

/**
 * 1:N identification of one probe embedding: the calibration for this gallery's size chooses the search
 * pipeline and the threshold at the target FPIR. Throws IdentificationCalibrationError when the embedder has no
 * identification calibration (no identification without a measured false-positive rate).
 */
export function identifyInGallery(gallery: GalleryTemplates, probe: ArrayLike<number>, calibrations: readonly IdentificationCalibration[] | undefined, targetFpir: number, candidates = DEFAULT_CANDIDATES): IdentificationResult {
  const choice = calibrationForGallery(calibrations, gallery.identityCount);
  const search = searchGallery(gallery, probe, choice.calibration.pipeline, Math.max(2, candidates));
  return decideIdentification(search, choice, targetFpir);
}
