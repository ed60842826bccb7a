import { describe, expect, it } from 'vitest';
import { CalibrationError, calibratedFmr, fmrKey, formatOneIn, thresholdForFmr } from './calibration';
import type { Calibration } from './modelManifest';

// The edges of turning a similarity score into the false-match rate the officer reads, and a target rate into a threshold.
const calibration: Calibration = {
  version: 'edges-1',
  source: 'synthetic',
  genuinePairs: 1000,
  impostorPairs: 1_000_000,
  // Listed out of order on purpose: the table is read by threshold.
  table: [
    { threshold: 0.3, fmr: 1e-3 },
    { threshold: 0.1, fmr: 1e-1 },
    { threshold: 0.5, fmr: 1e-5 },
    { threshold: 0.2, fmr: 1e-2 },
  ],
  thresholdsByFmr: { '1e-2': 0.2, '1e-3': 0.3 },
};

describe('calibrated rates at the edges of the table', () => {
  it('reads the table by threshold whatever its order', () => {
    expect(calibratedFmr(calibration, 0.2)).toEqual({ fmr: expect.closeTo(1e-2, 12), bound: false, text: '1 in 100' });
    expect(calibratedFmr(calibration, 0.25).fmr).toBeCloseTo(Math.sqrt(1e-2 * 1e-3), 12);
    expect(calibratedFmr(calibration, 0.4).fmr).toBeCloseTo(1e-4, 12);
  });

  it('a score at the first point is that point; at the last it is an upper bound', () => {
    expect(calibratedFmr(calibration, 0.1)).toEqual({ fmr: 0.1, bound: false, text: '1 in 10' });
    expect(calibratedFmr(calibration, 0.5)).toEqual({ fmr: 1e-5, bound: true, text: 'below 1 in 100,000' });
  });

  it('never reports a zero rate: a last point with no impostor above it is bounded by one in the pairs measured', () => {
    const noneAbove = { ...calibration, table: [{ threshold: 0.1, fmr: 0.1 }, { threshold: 0.6, fmr: 0 }] };
    expect(calibratedFmr(noneAbove, 0.7)).toEqual({ fmr: 1e-6, bound: true, text: 'below 1 in 1,000,000' });
    // Between a measured point and a zero one, the zero counts as half an impostor in the pairs measured.
    const halfway = calibratedFmr(noneAbove, 0.35).fmr;
    expect(halfway).toBeCloseTo(Math.sqrt(0.1 * 5e-7), 12);
    expect(halfway).toBeGreaterThan(0);
  });

  it('refuses a calibration with an empty table', () => {
    expect(() => calibratedFmr({ ...calibration, table: [] }, 0.3)).toThrow(new CalibrationError('calibration edges-1 has an empty table'));
  });

  it('a target rate the model was not calibrated at is refused, naming the rates it has', () => {
    expect(() => thresholdForFmr(calibration, 1e-4)).toThrow('calibration edges-1 has no threshold for FMR 1e-4 (has 1e-2, 1e-3)');
    expect(thresholdForFmr(calibration, 0.01)).toBe(0.2);
    for (const fmr of [0, -0.001, 0.002]) expect(() => fmrKey(fmr), String(fmr)).toThrow(`target FMR ${fmr} is not a power of ten`);
    try {
      fmrKey(0.002);
    } catch (error) {
      expect(error).toMatchObject({ name: 'CalibrationError', code: 'uncalibrated' });
    }
  });

  it('writes a rate as "1 in N": exact below 100, two significant figures from 100', () => {
    expect(formatOneIn(1)).toBe('1 in 1');
    expect(formatOneIn(0.5)).toBe('1 in 2');
    expect(formatOneIn(1 / 33.4)).toBe('1 in 33');
    expect(formatOneIn(1 / 99.6)).toBe('1 in 100');
    expect(formatOneIn(1 / 123.4)).toBe('1 in 120');
    expect(formatOneIn(1 / 1260)).toBe('1 in 1,300');
  });
});
