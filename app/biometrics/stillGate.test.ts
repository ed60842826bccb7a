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

  it('names every quality reason in words the card can show', () => {
    const words = {
      turned_away: 'the face is turned away',
      tilted: 'the head is tilted',
      too_dark: 'the face is too dark',
      too_bright: 'the face is too bright',
      blurred: 'the face is blurred',
      partly_outside: 'the face is cut by the image edge',
      low_confidence: 'the face detector is unsure it is a face',
      implausible_landmarks: 'the features do not have the layout of a face',
      not_a_face: 'it is not a photograph of a face',
    } as const;
    for (const [reason, text] of Object.entries(words)) {
      const refusal = refuseStill({ quality: quality({ reasons: [reason as keyof typeof words] }), faceLike: true, rawNorm: 4 }, 'reference', 30, true);
      expect(refusal).toEqual({ code: 'poor_quality', message: `the photo cannot be used: ${text}` });
    }
  });

  it('a reference exactly at the size floor is large enough; too far for a live shot is not a reason to refuse it', () => {
    expect(refuseStill({ quality: quality({ interEyePx: 30 }), faceLike: true, rawNorm: 4 }, 'reference', 30, true)).toBeNull();
    expect(refuseStill({ quality: quality({ interEyePx: 29.9 }), faceLike: true, rawNorm: 4 }, 'reference', 30, true)?.code).toBe('face_too_small');
    // 35 px between the eyes: below the live camera's 40 (the quality says too_far), above the reference floor.
    expect(refuseStill({ quality: quality({ interEyePx: 35, reasons: ['too_far'] }), faceLike: true, rawNorm: 4 }, 'reference', 30, true)).toBeNull();
    expect(refuseStill({ quality: quality({ interEyePx: 35, reasons: ['too_far', 'tilted'] }), faceLike: true, rawNorm: 4 }, 'reference', 30, true)).toEqual({
      code: 'poor_quality',
      message: 'the photo cannot be used: the head is tilted',
    });
  });
});
