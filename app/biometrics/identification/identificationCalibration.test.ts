import { describe, expect, it } from 'vitest';
import type { IdentificationCalibration } from './identificationCalibration';
import { IdentificationCalibrationError, calibrationForGallery, fpirAtScore, fpirKey, identificationCalibrationSchema, thresholdForFpir } from './identificationCalibration';

const calibration = (galleryIdentities: number, shift = 0): IdentificationCalibration =>
  identificationCalibrationSchema.parse({
    version: `test-${galleryIdentities}`,
    source: 'unit test',
    galleryIdentities,
    pipeline: { fusion: 'centroid', normalisation: 'none' },
    matedSearches: 1000,
    nonMatedSearches: 10_000,
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
    expect(() => calibrationForGallery([], 10)).toThrow(IdentificationCalibrationError);
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
