import { describe, expect, it } from 'vitest';
import type { FaceQuality } from './faceQuality';
import { refuseStill } from './stillGate';

const quality = (overrides: Partial<FaceQuality> = {}): FaceQuality => ({
  interEyePx: 60,
  pose: { yaw: 0, pitch: 0, roll: 0 },
  sharpness: 200,
  meanIntensity: 128,
  score: 0.9,
  reasons: [],
  ...overrides,
});

describe('refuseStill', () => {
  it('takes a large, good photograph of a face as a reference', () => {
    expect(refuseStill({ quality: quality(), faceLike: true, rawNorm: 4 }, 'reference', 30, true)).toBeNull();
  });

  it('refuses what the embedder sees no face in, before anything else, and says so', () => {
    const refusal = refuseStill({ quality: quality({ interEyePx: 10, reasons: ['too_far', 'not_a_face'] }), faceLike: false, rawNorm: 1.5 }, 'reference', 30, true);
    expect(refusal?.code).toBe('not_a_face');
    expect(refusal?.message).toMatch(/not a photograph of a face.*1\.50/);
  });

  it('refuses every reference when the model has no face-ness calibration (never optimistic)', () => {
    expect(refuseStill({ quality: quality(), faceLike: false, rawNorm: 4 }, 'reference', 30, false)).toMatchObject({ code: 'not_a_face', message: expect.stringMatching(/no face-ness calibration/) });
  });

  it('refuses a small face, then any other quality reason, naming it', () => {
    expect(refuseStill({ quality: quality({ interEyePx: 20, reasons: ['too_far'] }), faceLike: true, rawNorm: 4 }, 'reference', 30, true)).toMatchObject({ code: 'face_too_small', message: 'the face is 20 px between the eyes; at least 30 px are needed' });
    expect(refuseStill({ quality: quality({ reasons: ['blurred', 'implausible_landmarks'] }), faceLike: true, rawNorm: 4 }, 'reference', 30, true)).toMatchObject({
      code: 'poor_quality',
      message: 'the photo cannot be used: the face is blurred, the features do not have the layout of a face',
    });
  });

  it('measures a dataset as it is (size and quality reported, not enforced) but never passes a non-face once calibrated', () => {
    expect(refuseStill({ quality: quality({ interEyePx: 12, reasons: ['too_far', 'blurred'] }), faceLike: true, rawNorm: 4 }, 'measurement', 30, true)).toBeNull();
    expect(refuseStill({ quality: quality(), faceLike: false, rawNorm: 1 }, 'measurement', 30, true)?.code).toBe('not_a_face');
    // An uncalibrated model can be measured (that is how it gets its calibration).
    expect(refuseStill({ quality: quality(), faceLike: false, rawNorm: 1 }, 'measurement', 30, false)).toBeNull();
  });
});
