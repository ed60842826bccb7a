import { describe, expect, it } from 'vitest';
import type { GallerySearch } from './gallerySearch';
import { calibrationForGallery, identificationCalibrationSchema } from './identificationCalibration';
import { decideIdentification } from './identificationDecision';

const choice = calibrationForGallery(
  [
    identificationCalibrationSchema.parse({
      version: 'test-500',
      source: 'unit test',
      galleryIdentities: 500,
      pipeline: { fusion: 'centroid', normalisation: 'none' },
      matedSearches: 100,
      nonMatedSearches: 10_000,
      table: [
        { threshold: 0.3, fpir: 0.01 },
        { threshold: 0.4, fpir: 0.003 },
        { threshold: 0.5, fpir: 0.0005 },
      ],
      thresholdsByFpir: { '1e-2': 0.3, '3e-3': 0.4 },
      ambiguityMargin: 0.03,
    }),
  ],
  200,
);

const search = (...scores: number[]): GallerySearch => ({
  candidates: scores.map((score, i) => ({ identityId: `T${i + 1}`, rank: i + 1, score, similarity: score, templates: 2 })),
  galleryIdentities: 200,
  galleryTemplates: 400,
  pipeline: { fusion: 'centroid', normalisation: 'none' },
  probe: { mean: 0, std: 1 },
});

describe('identification at a target FPIR', () => {
  it('identifies the one identity at or above the threshold, with its calibrated FPIR', () => {
    const result = decideIdentification(search(0.62, 0.2, 0.1), choice, 0.003);
    expect(result).toMatchObject({ outcome: 'identified', identityId: 'T1', score: 0.62, threshold: 0.4, targetFpir: 0.003, calibrationVersion: 'test-500', extrapolated: false, ambiguousIdentityIds: [] });
    expect(result.calibratedFpir).toBeCloseTo(0.0005, 6);
    expect(result.fpirBound).toBe(true);
  });

  it('does not identify anyone below the threshold, and still shows the shortlist', () => {
    const result = decideIdentification(search(0.39, 0.2), choice, 0.003);
    expect(result).toMatchObject({ outcome: 'not_identified', identityId: null, score: 0.39 });
    expect(result.candidates).toHaveLength(2);
    // The same score identifies at a looser target.
    expect(decideIdentification(search(0.39, 0.2), choice, 0.01).outcome).toBe('identified');
  });

  it('calls twins ambiguous: both near the threshold within the margin of each other, none chosen', () => {
    const result = decideIdentification(search(0.45, 0.43, 0.1), choice, 0.003);
    expect(result).toMatchObject({ outcome: 'ambiguous', identityId: null, ambiguousIdentityIds: ['T1', 'T2'] });
    // A rival just under the threshold but within the margin of the top counts too.
    expect(decideIdentification(search(0.41, 0.385), choice, 0.003).outcome).toBe('ambiguous');
  });

  it('calls two identities above the threshold ambiguous however far apart', () => {
    expect(decideIdentification(search(0.9, 0.41), choice, 0.003)).toMatchObject({ outcome: 'ambiguous', ambiguousIdentityIds: ['T1', 'T2'] });
  });

  it('identifies when the runner-up is below the threshold and outside the margin', () => {
    expect(decideIdentification(search(0.45, 0.37), choice, 0.003).outcome).toBe('identified');
    expect(decideIdentification(search(0.5, 0.39), choice, 0.003).outcome).toBe('identified');
  });

  it('an empty gallery identifies nobody', () => {
    expect(decideIdentification(search(), choice, 0.003)).toMatchObject({ outcome: 'not_identified', score: null, calibratedFpir: null });
  });
});
