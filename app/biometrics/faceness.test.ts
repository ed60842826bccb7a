import { describe, expect, it } from 'vitest';
import { facenessCalibrationSchema, facenessThreshold, isFaceLike, rawNorm, type FacenessCalibration } from './faceness';

// Parsed in a test, not here: a schema that threw while this file is imported would fail no test at all.
const calibration: FacenessCalibration = { minRawNorm: 10, version: 'v1', source: 'test', faces: { measured: 1000, rejected: 1 }, nonFaces: { measured: 100, passed: 0 } };

describe('face-ness', () => {
  it('measures the raw norm', () => {
    expect(rawNorm([3, 4])).toBe(5);
    expect(rawNorm([])).toBe(0);
  });

  it('passes norms at or above the threshold only, and nothing without a calibration or with a broken norm', () => {
    expect(isFaceLike(10, calibration)).toBe(true);
    expect(isFaceLike(9.99, calibration)).toBe(false);
    expect(isFaceLike(NaN, calibration)).toBe(false);
    expect(isFaceLike(Infinity, calibration)).toBe(false);
    expect(isFaceLike(100, undefined)).toBe(false);
  });

  it('sets the threshold so that at most 0.1 % of faces fall below it, and counts the non-faces above it', () => {
    const faces = Array.from({ length: 5000 }, (_, i) => 20 + i / 100);
    const nonFaces = [1, 2, 19, 20.04, 20.05, 30];
    const m = facenessThreshold(faces, nonFaces);
    expect(m.facesRejected).toBe(5);
    expect(m.minRawNorm).toBeCloseTo(20.05, 10);
    expect(m.nonFacesPassed).toBe(2);
    expect(facenessThreshold([5, 6, 7], []).minRawNorm).toBe(5);
    expect(() => facenessThreshold([NaN], [])).toThrow(new RangeError('no face norms to set a face-ness threshold on'));
  });

  it('orders the face norms itself and ignores norms that are not numbers', () => {
    // 1000 faces in no order: the one smallest (0.1 % of 1000) may fall below the threshold.
    const faces = Array.from({ length: 1000 }, (_, i) => 20 + ((i * 7919) % 1000) / 100);
    const m = facenessThreshold([Number.NaN, ...faces, Number.POSITIVE_INFINITY], [Number.NaN, 20.01, 19]);
    expect(m).toEqual({ minRawNorm: 20.01, facesRejected: 1, nonFacesPassed: 1 });
  });

  it('with every face allowed to be rejected, the threshold is the largest face norm', () => {
    expect(facenessThreshold([7, 5, 6], [], 1).minRawNorm).toBe(7);
  });

  it('reads a calibration as written', () => {
    expect(facenessCalibrationSchema.parse(calibration)).toEqual(calibration);
  });

  it('refuses a calibration that is not one', () => {
    expect(facenessCalibrationSchema.safeParse({ ...calibration, minRawNorm: 0 }).success).toBe(false);
    expect(facenessCalibrationSchema.safeParse({ ...calibration, faces: { measured: 0, rejected: 0 } }).success).toBe(false);
    expect(facenessCalibrationSchema.safeParse({ ...calibration, nonFaces: { measured: 100, passed: -1 } }).success).toBe(false);
    expect(facenessCalibrationSchema.safeParse({ ...calibration, version: '' }).success).toBe(false);
    expect(facenessCalibrationSchema.safeParse({ ...calibration, source: '' }).success).toBe(false);
    expect(facenessCalibrationSchema.parse({ ...calibration, version: 'faces-2026-12-07', source: 'LFW and generated non-faces' })).toMatchObject({ faces: { measured: 1000 }, nonFaces: { measured: 100, passed: 0 } });
  });
});
