import { describe, expect, it } from 'vitest';
import { IdentificationCalibrationError, calibrationForGallery, fpirAtScore, fpirKey, identificationCalibrationSchema, thresholdForFpir } from './identificationCalibration';
import { binaryExactCalibration, identificationCalibrationOf } from './testSupport/identificationCalibrations';

const calibration = (galleryIdentities: number, shift = 0) =>
  identificationCalibrationOf({
    galleryIdentities,
    table: [
      { threshold: 0.2 + shift, fpir: 0.1 },
      { threshold: 0.3 + shift, fpir: 0.01 },
      { threshold: 0.35 + shift, fpir: 0.003 },
      { threshold: 0.4 + shift, fpir: 0.001 },
      { threshold: 0.5 + shift, fpir: 0.0001 },
    ],
    thresholdsByFpir: { '1e-2': 0.3 + shift, '3e-3': 0.35 + shift, '1e-3': 0.4 + shift },
    ambiguityMargin: 0.02,
  });

describe('FPIR keys', () => {
  it('writes targets as d x 10^-n and refuses other numbers', () => {
    expect(fpirKey(0.01)).toBe('1e-2');
    expect(fpirKey(0.003)).toBe('3e-3');
    expect(fpirKey(0.001)).toBe('1e-3');
    expect(() => fpirKey(0.0025)).toThrow(IdentificationCalibrationError);
    expect(() => fpirKey(0)).toThrow(IdentificationCalibrationError);
    expect([0.1, 0.009, 0.5, 1e-6].map(fpirKey)).toEqual(['1e-1', '9e-3', '5e-1', '1e-6']);
    for (const bad of [0.0099, -0.01, Number.NaN, 0.012]) expect(() => fpirKey(bad)).toThrow(IdentificationCalibrationError);
    expect(() => fpirKey(0.0025)).toThrow('target FPIR 0.0025 is not written as d x 10^-n');
  });
});

describe('the FPIR table for the gallery size in use', () => {
  const tables = [calibration(5000, 0.05), calibration(500)];

  it('takes the smallest calibrated gallery at least as large as the one in use', () => {
    expect(calibrationForGallery(tables, 300)).toMatchObject({ calibration: { galleryIdentities: 500 }, fpirScale: 1, extrapolated: false });
    expect(calibrationForGallery(tables, 500).calibration.galleryIdentities).toBe(500);
    expect(calibrationForGallery(tables, 501).calibration.galleryIdentities).toBe(5000);
  });

  it('scales the largest table up for a larger gallery, and says so', () => {
    expect(calibrationForGallery(tables, 10_000)).toMatchObject({ calibration: { galleryIdentities: 5000 }, fpirScale: 2, extrapolated: true });
  });

  it('has no thresholds without a calibration: identification is refused, not guessed', () => {
    expect(() => calibrationForGallery(undefined, 10)).toThrow(/no identification calibration/);
    expect(() => calibrationForGallery([], 10)).toThrow(expect.objectContaining({ name: 'IdentificationCalibrationError', code: 'uncalibrated' }));
  });

  it('uses the stored threshold for a calibrated size, never the 1:1 FMR table', () => {
    expect(thresholdForFpir(calibrationForGallery(tables, 400), 0.003)).toBe(0.35);
    expect(thresholdForFpir(calibrationForGallery(tables, 4000), 0.003)).toBeCloseTo(0.4, 6);
  });

  it('for an extrapolated gallery, the lowest threshold whose scaled FPIR meets the target', () => {
    // x2: the 0.003 point becomes 0.006 (too high); 0.001 becomes 0.002 <= 0.003.
    expect(thresholdForFpir(calibrationForGallery(tables, 10_000), 0.003)).toBeCloseTo(0.45, 6);
  });

  it('refuses a target the table never reached', () => {
    expect(() => thresholdForFpir(calibrationForGallery(tables, 400), 1e-5)).toThrow(/does not reach FPIR 1e-5/);
  });

  it('gives the calibrated FPIR of a score, log-linear between points and a bound beyond the last', () => {
    const choice = calibrationForGallery(tables, 400);
    expect(fpirAtScore(choice, 0.3).fpir).toBeCloseTo(0.01, 6);
    expect(fpirAtScore(choice, 0.45).fpir).toBeCloseTo(Math.sqrt(0.001 * 0.0001), 6);
    expect(fpirAtScore(choice, 0.9)).toEqual({ fpir: 0.0001, bound: true });
    expect(fpirAtScore(calibrationForGallery(tables, 10_000), 0.3 + 0.05).fpir).toBeCloseTo(0.02, 6);
  });
});

describe('the rates and thresholds at the edges of the table', () => {
  // Points at 0.25, 0.5 and 0.75 (exact in binary), 1,000 non-mated searches: a floor of 1e-3.
  const choice = calibrationForGallery([binaryExactCalibration()], 80);
  const noneAbove = (fields = {}) => calibrationForGallery([binaryExactCalibration({ table: [{ threshold: 0.25, fpir: 0.1 }, { threshold: 0.75, fpir: 0 }], ...fields })], 80);

  it('a score at or under the first point takes its rate, not a bound', () => {
    expect(fpirAtScore(choice, 0.25)).toEqual({ fpir: 0.1, bound: false });
    expect(fpirAtScore(choice, -1)).toEqual({ fpir: 0.1, bound: false });
  });

  it('at a point exactly, its own rate; between points, log-linear', () => {
    expect(fpirAtScore(choice, 0.5).fpir).toBeCloseTo(0.01, 12);
    expect(fpirAtScore(choice, 0.375).fpir).toBeCloseTo(Math.sqrt(0.1 * 0.01), 12);
    expect(fpirAtScore(choice, 0.625)).toMatchObject({ bound: false });
    // Between the second and third points: that segment, not the first one carried on.
    expect(fpirAtScore(choice, 0.625).fpir).toBeCloseTo(Math.sqrt(0.01 * 0.001), 12);
  });

  it('reads a table given out of threshold order as the same table', () => {
    const shuffled = calibrationForGallery([binaryExactCalibration({ table: [{ threshold: 0.75, fpir: 0.001 }, { threshold: 0.25, fpir: 0.1 }, { threshold: 0.5, fpir: 0.01 }] })], 80);
    for (const score of [0.1, 0.375, 0.5, 0.625, 0.9]) expect(fpirAtScore(shuffled, score)).toEqual(fpirAtScore(choice, score));
    const reversedDoubled = calibrationForGallery([binaryExactCalibration({ table: [...binaryExactCalibration().table].reverse() })], 200);
    expect(thresholdForFpir(reversedDoubled, 0.02)).toBe(0.5);
  });

  it('at or beyond the last point, a bound no better than one in the non-mated searches measured', () => {
    expect(fpirAtScore(choice, 0.75)).toEqual({ fpir: 0.001, bound: true });
    expect(fpirAtScore(noneAbove(), 0.9)).toEqual({ fpir: 0.001, bound: true });
    // Towards a point where no non-mated search scored, the rate falls to half the floor, never to zero.
    expect(fpirAtScore(noneAbove(), 0.5).fpir).toBeCloseTo(Math.exp((Math.log(0.1) + Math.log(0.0005)) / 2), 12);
    // Past such a point the rate stays at half the floor.
    const zeroFromMiddle = calibrationForGallery([binaryExactCalibration({ table: [{ threshold: 0.25, fpir: 0.1 }, { threshold: 0.5, fpir: 0 }, { threshold: 0.75, fpir: 0 }] })], 80);
    expect(fpirAtScore(zeroFromMiddle, 0.625).fpir).toBeCloseTo(0.0005, 12);
  });

  it('a gallery larger than calibrated scales the rate up, to at most 1', () => {
    const doubled = calibrationForGallery([binaryExactCalibration()], 200);
    expect(doubled).toMatchObject({ fpirScale: 2, extrapolated: true });
    expect(fpirAtScore(doubled, 0.5).fpir).toBeCloseTo(0.02, 12);
    expect(fpirAtScore(calibrationForGallery([binaryExactCalibration()], 100_000), 0.1)).toEqual({ fpir: 1, bound: false });
  });

  it('the threshold: the stored one; without one, the lowest table point that meets the target', () => {
    expect(thresholdForFpir(choice, 0.01)).toBe(0.5);
    expect(thresholdForFpir(choice, 0.001)).toBe(0.75);
    expect(thresholdForFpir(choice, 0.1)).toBe(0.25);
  });

  it('never takes a point where no non-mated search scored as meeting a target', () => {
    expect(() => thresholdForFpir(noneAbove({ thresholdsByFpir: {} }), 0.01)).toThrow(IdentificationCalibrationError);
  });

  it('says which calibration does not reach the target, and by how much it was scaled', () => {
    expect(() => thresholdForFpir(choice, 1e-4)).toThrow(/^identification calibration edge-100 \(gallery 100\) does not reach FPIR 1e-4$/);
    expect(() => thresholdForFpir(calibrationForGallery([binaryExactCalibration()], 300), 0.001)).toThrow('does not reach FPIR 1e-3 scaled to this gallery (x3.00)');
  });
});

describe('the identification calibration file', () => {
  it('refuses a table of one point, a negative margin, no non-mated searches, and keys that are not rates', () => {
    const parse = (fields: object) => identificationCalibrationSchema.safeParse({ ...binaryExactCalibration(), ...fields }).success;
    expect(parse({})).toBe(true);
    expect(parse({ table: [{ threshold: 0.5, fpir: 0.01 }] })).toBe(false);
    expect(parse({ ambiguityMargin: -0.01 })).toBe(false);
    expect(parse({ ambiguityMargin: 0 })).toBe(true);
    expect(parse({ nonMatedSearches: 0 })).toBe(false);
    expect(parse({ galleryIdentities: 0 })).toBe(false);
    expect(parse({ thresholdsByFpir: { '0.01': 0.5 } })).toBe(false);
    // A key is a whole rate: d e-n with any number of exponent digits, nothing before or after.
    expect(parse({ thresholdsByFpir: { '1e-10': 0.9 } })).toBe(true);
    for (const key of ['x1e-2', '1e-2x']) expect(parse({ thresholdsByFpir: { [key]: 0.5 } })).toBe(false);
    expect(parse({ table: [{ threshold: 0.25, fpir: 1.5 }, { threshold: 0.5, fpir: 0.01 }] })).toBe(false);
  });
});
