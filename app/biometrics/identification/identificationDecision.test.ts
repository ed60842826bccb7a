import { describe, expect, it } from 'vitest';
import type { GallerySearch } from './gallerySearch';
import { calibrationForGallery } from './identificationCalibration';
import { decideIdentification } from './identificationDecision';
import { binaryExactCalibration, identificationCalibrationOf } from './testSupport/identificationCalibrations';

const choice = calibrationForGallery(
  [
    identificationCalibrationOf({
      version: 'test-500',
      galleryIdentities: 500,
      table: [
        { threshold: 0.3, fpir: 0.01 },
        { threshold: 0.4, fpir: 0.003 },
        { threshold: 0.5, fpir: 0.0005 },
      ],
      thresholdsByFpir: { '1e-2': 0.3, '3e-3': 0.4 },
      ambiguityMargin: 0.03,
    }),
  ],
  80,
);

/** A search of a gallery of 80 travellers (95 photos) whose best candidates scored `scores`, best first. */
const search = (...scores: number[]): GallerySearch => ({
  candidates: scores.map((score, i) => ({ identityId: `T${i + 1}`, rank: i + 1, score, similarity: score, templates: 1 })),
  galleryIdentities: 80,
  galleryTemplates: 95,
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
    expect(decideIdentification(search(), choice, 0.003)).toMatchObject({ outcome: 'not_identified', identityId: null, score: null, candidates: [], ambiguousIdentityIds: [], calibratedFpir: null, fpirBound: false });
  });
});

describe('who is identified, at the threshold and the ambiguity margin exactly', () => {
  // Threshold 0.5 at 1e-2, margin 0.125: every score below is exact in binary.
  const edges = calibrationForGallery([binaryExactCalibration()], 80);

  it('a score exactly at the threshold identifies; just under it does not', () => {
    expect(decideIdentification(search(0.5), edges, 0.01)).toMatchObject({ outcome: 'identified', identityId: 'T1', score: 0.5, threshold: 0.5 });
    expect(decideIdentification(search(0.4999), edges, 0.01)).toMatchObject({ outcome: 'not_identified', identityId: null, ambiguousIdentityIds: [] });
  });

  it('a runner-up exactly at the threshold makes it ambiguous, however far below the top', () => {
    expect(decideIdentification(search(0.9, 0.5), edges, 0.01)).toMatchObject({ outcome: 'ambiguous', identityId: null, ambiguousIdentityIds: ['T1', 'T2'] });
  });

  it('a runner-up under the threshold is a look-alike when it is within the margin of both the threshold and the top, the edges included', () => {
    // 0.375 is exactly the margin under the threshold and exactly the margin under a top of 0.5.
    expect(decideIdentification(search(0.5, 0.375), edges, 0.01).outcome).toBe('ambiguous');
    // Further under the threshold than the margin: not a rival, however close to the top.
    expect(decideIdentification(search(0.5, 0.37), edges, 0.01).outcome).toBe('identified');
    // Within the margin of the threshold: a rival while exactly the margin under the top, not once further.
    expect(decideIdentification(search(0.5625, 0.4375), edges, 0.01).outcome).toBe('ambiguous');
    expect(decideIdentification(search(0.625, 0.4375), edges, 0.01).outcome).toBe('identified');
  });

  it('lists every look-alike in the ambiguity, best first, and leaves out a candidate outside it', () => {
    const result = decideIdentification(search(0.6, 0.55, 0.5, 0.2), edges, 0.01);
    expect(result).toMatchObject({ outcome: 'ambiguous', ambiguousIdentityIds: ['T1', 'T2', 'T3'] });
    expect(result.candidates.map((c) => c.identityId)).toEqual(['T1', 'T2', 'T3', 'T4']);
  });

  it('every result names the calibration and gallery it was decided against', () => {
    for (const scores of [[], [0.1], [0.9], [0.9, 0.8]]) {
      expect(decideIdentification(search(...scores), edges, 0.01)).toMatchObject({
        threshold: 0.5,
        targetFpir: 0.01,
        calibrationVersion: 'edge-100',
        calibrationGalleryIdentities: 100,
        extrapolated: false,
        galleryIdentities: 80,
        galleryTemplates: 95,
      });
    }
    // Below the threshold the shortlist and its rate are still shown.
    expect(decideIdentification(search(0.375, 0.25), edges, 0.01)).toMatchObject({ outcome: 'not_identified', score: 0.375, fpirBound: false, candidates: [{ identityId: 'T1' }, { identityId: 'T2' }] });
  });
});
