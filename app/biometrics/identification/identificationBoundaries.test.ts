import { describe, expect, it } from 'vitest';
import type { GallerySearch } from './gallerySearch';
import { IdentificationCalibrationError, calibrationForGallery, fpirAtScore, fpirKey, identificationCalibrationSchema, thresholdForFpir, type IdentificationCalibration } from './identificationCalibration';
import { decideIdentification } from './identificationDecision';

/**
 * The identification rules at their edges, with scores exact in binary (0.5, 0.375, 0.125) so "at the threshold" and
 * "exactly the margin apart" mean exactly that: who is identified, who is shown as a look-alike, and which rate a
 * score is reported at.
 */

const calibration = (fields: Partial<IdentificationCalibration> = {}): IdentificationCalibration =>
  identificationCalibrationSchema.parse({
    version: 'edge-100',
    source: 'unit test',
    galleryIdentities: 100,
    pipeline: { fusion: 'max', normalisation: 'none' },
    matedSearches: 10,
    nonMatedSearches: 1000,
    table: [
      { threshold: 0.25, fpir: 0.1 },
      { threshold: 0.5, fpir: 0.01 },
      { threshold: 0.75, fpir: 0.001 },
    ],
    thresholdsByFpir: { '1e-2': 0.5 },
    ambiguityMargin: 0.125,
    ...fields,
  });
const choice = calibrationForGallery([calibration()], 80);
const search = (...scores: number[]): GallerySearch => ({
  candidates: scores.map((score, i) => ({ identityId: `T${i + 1}`, rank: i + 1, score, similarity: score, templates: 1 })),
  galleryIdentities: 80,
  galleryTemplates: 95,
  pipeline: { fusion: 'max', normalisation: 'none' },
  probe: { mean: 0, std: 1 },
});

describe('who is identified, at the threshold and the ambiguity margin', () => {
  it('a score exactly at the threshold identifies; just under it does not', () => {
    expect(decideIdentification(search(0.5), choice, 0.01)).toMatchObject({ outcome: 'identified', identityId: 'T1', score: 0.5, threshold: 0.5 });
    expect(decideIdentification(search(0.4999), choice, 0.01)).toMatchObject({ outcome: 'not_identified', identityId: null, ambiguousIdentityIds: [] });
  });

  it('a runner-up exactly at the threshold makes it ambiguous, however far below the top', () => {
    expect(decideIdentification(search(0.9, 0.5), choice, 0.01)).toMatchObject({ outcome: 'ambiguous', identityId: null, ambiguousIdentityIds: ['T1', 'T2'] });
  });

  it('a runner-up under the threshold is a look-alike when it is within the margin of both the threshold and the top, the edges included', () => {
    // 0.375 is exactly the margin under the threshold and exactly the margin under a top of 0.5.
    expect(decideIdentification(search(0.5, 0.375), choice, 0.01).outcome).toBe('ambiguous');
    // Further under the threshold than the margin: not a rival, however close to the top.
    expect(decideIdentification(search(0.5, 0.37), choice, 0.01).outcome).toBe('identified');
    // Within the margin of the threshold: a rival while exactly the margin under the top, not once further.
    expect(decideIdentification(search(0.5625, 0.4375), choice, 0.01).outcome).toBe('ambiguous');
    expect(decideIdentification(search(0.625, 0.4375), choice, 0.01).outcome).toBe('identified');
  });

  it('lists every look-alike in the ambiguity, best first, and leaves out a candidate outside it', () => {
    const result = decideIdentification(search(0.6, 0.55, 0.5, 0.2), choice, 0.01);
    expect(result).toMatchObject({ outcome: 'ambiguous', ambiguousIdentityIds: ['T1', 'T2', 'T3'] });
    expect(result.candidates.map((c) => c.identityId)).toEqual(['T1', 'T2', 'T3', 'T4']);
  });

  it('every result names the calibration and gallery it was decided against', () => {
    for (const scores of [[], [0.1], [0.9], [0.9, 0.8]]) {
      expect(decideIdentification(search(...scores), choice, 0.01)).toMatchObject({
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
    expect(decideIdentification(search(0.375, 0.25), choice, 0.01)).toMatchObject({ outcome: 'not_identified', score: 0.375, fpirBound: false, candidates: [{ identityId: 'T1' }, { identityId: 'T2' }] });
  });
});

describe('the calibrated rate of a score', () => {
  it('a score at or under the first point takes its rate, not a bound', () => {
    expect(fpirAtScore(choice, 0.25)).toEqual({ fpir: 0.1, bound: false });
    expect(fpirAtScore(choice, -1)).toEqual({ fpir: 0.1, bound: false });
  });

  it('at a point exactly, its own rate; between points, log-linear', () => {
    expect(fpirAtScore(choice, 0.5).fpir).toBeCloseTo(0.01, 12);
    expect(fpirAtScore(choice, 0.375).fpir).toBeCloseTo(Math.sqrt(0.1 * 0.01), 12);
    expect(fpirAtScore(choice, 0.625)).toMatchObject({ bound: false });
  });

  it('at or beyond the last point, a bound no better than one in the non-mated searches measured', () => {
    expect(fpirAtScore(choice, 0.75)).toEqual({ fpir: 0.001, bound: true });
    const noneAbove = calibrationForGallery([calibration({ table: [{ threshold: 0.25, fpir: 0.1 }, { threshold: 0.75, fpir: 0 }] })], 80);
    expect(fpirAtScore(noneAbove, 0.9)).toEqual({ fpir: 0.001, bound: true });
    // Towards a point where no non-mated search scored, the rate falls to half the floor, never to zero.
    expect(fpirAtScore(noneAbove, 0.5).fpir).toBeCloseTo(Math.exp((Math.log(0.1) + Math.log(0.0005)) / 2), 12);
  });

  it('a gallery larger than calibrated scales the rate up, to at most 1', () => {
    const doubled = calibrationForGallery([calibration()], 200);
    expect(doubled).toMatchObject({ fpirScale: 2, extrapolated: true });
    expect(fpirAtScore(doubled, 0.5).fpir).toBeCloseTo(0.02, 12);
    expect(fpirAtScore(calibrationForGallery([calibration()], 100_000), 0.1)).toEqual({ fpir: 1, bound: false });
  });
});

describe('the threshold for a target rate', () => {
  it('takes the stored threshold; without one, the lowest table point that meets the target', () => {
    expect(thresholdForFpir(choice, 0.01)).toBe(0.5);
    expect(thresholdForFpir(choice, 0.001)).toBe(0.75);
    expect(thresholdForFpir(choice, 0.1)).toBe(0.25);
  });

  it('never takes a point where no non-mated search scored as meeting a target', () => {
    const noneAbove = calibrationForGallery([calibration({ table: [{ threshold: 0.25, fpir: 0.1 }, { threshold: 0.75, fpir: 0 }], thresholdsByFpir: {} })], 80);
    expect(() => thresholdForFpir(noneAbove, 0.01)).toThrow(IdentificationCalibrationError);
  });

  it('says which calibration does not reach the target, and by how much it was scaled', () => {
    expect(() => thresholdForFpir(choice, 1e-4)).toThrow('identification calibration edge-100 (gallery 100) does not reach FPIR 1e-4');
    expect(() => thresholdForFpir(calibrationForGallery([calibration()], 300), 0.001)).toThrow('does not reach FPIR 1e-3 scaled to this gallery (x3.00)');
  });

  it('writes each target as its key, and refuses a rate that is none', () => {
    expect([0.1, 0.009, 0.5, 1e-6].map(fpirKey)).toEqual(['1e-1', '9e-3', '5e-1', '1e-6']);
    for (const bad of [0.0099, -0.01, Number.NaN, 0.012]) expect(() => fpirKey(bad)).toThrow(IdentificationCalibrationError);
    expect(() => fpirKey(0.0025)).toThrow('target FPIR 0.0025 is not written as d x 10^-n');
  });
});

describe('the identification calibration file', () => {
  it('refuses a table of one point, a negative margin, no non-mated searches, and keys that are not rates', () => {
    const parse = (fields: object) => identificationCalibrationSchema.safeParse({ ...calibration(), ...fields }).success;
    expect(parse({})).toBe(true);
    expect(parse({ table: [{ threshold: 0.5, fpir: 0.01 }] })).toBe(false);
    expect(parse({ ambiguityMargin: -0.01 })).toBe(false);
    expect(parse({ ambiguityMargin: 0 })).toBe(true);
    expect(parse({ nonMatedSearches: 0 })).toBe(false);
    expect(parse({ galleryIdentities: 0 })).toBe(false);
    expect(parse({ thresholdsByFpir: { '0.01': 0.5 } })).toBe(false);
    expect(parse({ table: [{ threshold: 0.25, fpir: 1.5 }, { threshold: 0.5, fpir: 0.01 }] })).toBe(false);
  });
});
