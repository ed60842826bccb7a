import { describe, expect, it } from 'vitest';
import { CalibrationError, calibratedFmr, fmrKey, formatOneIn, thresholdForFmr } from './calibration';
import type { Calibration } from './modelManifest';

const calibration: Calibration = {
  version: 'test-1',
  source: 'synthetic',
  genuinePairs: 1000,
  impostorPairs: 1_000_000,
  table: [
    { threshold: 0.1, fmr: 1e-1 },
    { threshold: 0.2, fmr: 1e-2 },
    { threshold: 0.3, fmr: 1e-3 },
    { threshold: 0.4, fmr: 1e-4 },
    { threshold: 0.5, fmr: 1e-5 },
  ],
  thresholdsByFmr: { '1e-2': 0.2, '1e-3': 0.3, '1e-4': 0.4 },
};

describe('calibrated false-match rate', () => {
  it('reads table points exactly and interpolates log-linearly between them', () => {
    expect(calibratedFmr(calibration, 0.3).fmr).toBeCloseTo(1e-3, 12);
    expect(calibratedFmr(calibration, 0.35).fmr).toBeCloseTo(Math.sqrt(1e-3 * 1e-4), 10);
    expect(calibratedFmr(calibration, 0.45).text).toBe('1 in 32,000');
  });

  it('interpolates within the segment the score falls in, not by extending another', () => {
    // Not log-linear overall: the rate falls ten-fold from 0.1 to 0.2, then a hundred-fold from 0.2 to 0.3.
    const bent: Calibration = { ...calibration, table: [{ threshold: 0.1, fmr: 1e-1 }, { threshold: 0.2, fmr: 1e-2 }, { threshold: 0.3, fmr: 1e-4 }] };
    expect(calibratedFmr(bent, 0.25).fmr).toBeCloseTo(1e-3, 12);
    expect(calibratedFmr(bent, 0.15).fmr).toBeCloseTo(Math.sqrt(1e-3), 12);
  });

  it('reports scores beyond the measured range as a bound, never as zero', () => {
    const beyond = calibratedFmr(calibration, 0.9);
    expect(beyond.bound).toBe(true);
    expect(beyond.fmr).toBe(1e-5);
    expect(beyond.text).toBe('below 1 in 100,000');
    expect(calibratedFmr(calibration, -0.5).fmr).toBe(0.1);
  });

  it('formats rates as "1 in N"', () => {
    expect(formatOneIn(1e-5)).toBe('1 in 100,000');
    expect(formatOneIn(0.02)).toBe('1 in 50');
    expect(formatOneIn(1 / 29_600_000)).toBe('1 in 30,000,000');
    // Below 100 the count is rounded to a whole number, from 100 to two significant digits.
    expect(formatOneIn(0.4)).toBe('1 in 3');
    expect(formatOneIn(1 / 99.4)).toBe('1 in 99');
    expect(formatOneIn(1 / 1234)).toBe('1 in 1,200');
    // A rate of one or more is one in one.
    expect(formatOneIn(1)).toBe('1 in 1');
    expect(formatOneIn(3)).toBe('1 in 1');
  });

  it('gives thresholds by target FMR and refuses uncalibrated targets', () => {
    expect(thresholdForFmr(calibration, 1e-3)).toBe(0.3);
    expect(fmrKey(0.0001)).toBe('1e-4');
    expect(() => thresholdForFmr(calibration, 1e-6)).toThrow(CalibrationError);
    expect(() => fmrKey(0.003)).toThrow(CalibrationError);
  });
});
