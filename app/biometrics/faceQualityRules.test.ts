import { describe, expect, it } from 'vitest';
import type { FivePoints } from './faceLandmarks';
import { DEFAULT_QUALITY_RULES, REFERENCE_QUALITY_RULES, assessQuality, estimatePose, type QualityInput, type QualityRules } from './faceQuality';
import type { CropStatistics } from './imageStatistics';

/**
 * Each recapture rule at its edge: a value at the limit passes, a value past it is refused with that reason
 * alone; and the ranking score's weights. Rules are set to the measured value so each edge is exact.
 */
const ARCFACE: readonly (readonly [number, number])[] = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];
const points = (scale: number, dx: number, dy: number, degrees = 0, nose = { x: 0, y: 0 }): FivePoints => {
  const a = (degrees * Math.PI) / 180;
  return ARCFACE.map(([x, y], i) => {
    const px = x * scale + (i === 2 ? nose.x : 0);
    const py = y * scale + (i === 2 ? nose.y : 0);
    return { x: dx + px * Math.cos(a) - py * Math.sin(a), y: dy + px * Math.sin(a) + py * Math.cos(a) };
  }) as unknown as FivePoints;
};
const crop = (meanIntensity: number, sharpness: number): CropStatistics => ({ meanIntensity, sharpness, darkFraction: 0, brightFraction: 0 });
const frame = { width: 640, height: 480 };
const box = { x: 150, y: 80, width: 330, height: 330 };
const good: QualityInput = { points: points(3, 150, 80), crop: crop(128, 200), box, detectionScore: 0.9, frame };
const reasons = (input: Partial<QualityInput>, rules: Partial<QualityRules> = {}) => assessQuality({ ...good, ...input }, { ...DEFAULT_QUALITY_RULES, ...rules }).reasons;

describe('the recapture rules at their limits', () => {
  it('the face is too far below the eye distance, not at it', () => {
    const ied = assessQuality(good).interEyePx;
    expect(reasons({}, { minInterEyePx: ied })).toEqual([]);
    expect(reasons({}, { minInterEyePx: ied + 1e-9 })).toEqual(['too_far']);
  });

  it('turned away beyond the yaw limit, or beyond the pitch limit alone', () => {
    const turned = points(3, 150, 80, 0, { x: 20, y: 0 });
    const yaw = Math.abs(estimatePose(turned).yaw);
    expect(yaw).toBeGreaterThan(5);
    expect(reasons({ points: turned }, { maxYawDeg: yaw })).toEqual([]);
    expect(reasons({ points: turned }, { maxYawDeg: yaw - 1e-9 })).toEqual(['turned_away']);
    const nodding = points(3, 150, 80, 0, { x: 0, y: 15 });
    const pitch = Math.abs(estimatePose(nodding).pitch);
    expect(pitch).toBeGreaterThan(5);
    expect(Math.abs(estimatePose(nodding).yaw)).toBeLessThan(1);
    expect(reasons({ points: nodding }, { maxPitchDeg: pitch })).toEqual([]);
    expect(reasons({ points: nodding }, { maxPitchDeg: pitch - 1e-9 })).toEqual(['turned_away']);
  });

  it('tilted beyond the roll limit', () => {
    const rolled = points(3, 250, 20, 20);
    const roll = Math.abs(estimatePose(rolled).roll);
    expect(roll).toBeCloseTo(20, 0);
    expect(reasons({ points: rolled, box: { x: 100, y: 60, width: 330, height: 330 } }, { maxRollDeg: roll })).toEqual([]);
    expect(reasons({ points: rolled, box: { x: 100, y: 60, width: 330, height: 330 } }, { maxRollDeg: roll - 1e-9 })).toEqual(['tilted']);
  });

  it('too dark below the minimum, too bright above the maximum, blurred below the sharpness floor', () => {
    expect(reasons({ crop: crop(DEFAULT_QUALITY_RULES.minMeanIntensity, 200) })).toEqual([]);
    expect(reasons({ crop: crop(DEFAULT_QUALITY_RULES.minMeanIntensity - 0.01, 200) })).toEqual(['too_dark']);
    expect(reasons({ crop: crop(DEFAULT_QUALITY_RULES.maxMeanIntensity, 200) })).toEqual([]);
    expect(reasons({ crop: crop(DEFAULT_QUALITY_RULES.maxMeanIntensity + 0.01, 200) })).toEqual(['too_bright']);
    expect(reasons({ crop: crop(128, DEFAULT_QUALITY_RULES.minSharpness) })).toEqual([]);
    expect(reasons({ crop: crop(128, DEFAULT_QUALITY_RULES.minSharpness - 0.01) })).toEqual(['blurred']);
  });

  it('partly outside when the box crosses any edge of the frame; a box touching the edges is inside', () => {
    const at = (x: number, y: number, width: number, height: number) => reasons({ points: points(3, x, y), box: { x, y, width, height } });
    expect(at(0, 0, 330, 330)).toEqual([]);
    expect(at(frame.width - 330, frame.height - 330, 330, 330)).toEqual([]);
    expect(at(-1, 50, 330, 330)).toEqual(['partly_outside']);
    expect(at(50, -1, 330, 330)).toEqual(['partly_outside']);
    expect(at(frame.width - 329, 50, 330, 330)).toEqual(['partly_outside']);
    expect(at(50, frame.height - 329, 330, 330)).toEqual(['partly_outside']);
  });

  it('an unsure detection below the minimum score; exactly at it is sure enough', () => {
    expect(reasons({ detectionScore: DEFAULT_QUALITY_RULES.minDetectionScore })).toEqual([]);
    expect(reasons({ detectionScore: DEFAULT_QUALITY_RULES.minDetectionScore - 1e-9 })).toEqual(['low_confidence']);
    expect(reasons({ detectionScore: Number.NaN })).toEqual(['low_confidence']);
  });
});

describe('a reference photo (the issuer\'s portrait) and a live shot', () => {
  // The nose moved sideways (yaw) or down (pitch) by the offset that gives the angle, over the template's eye distance.
  const ied = 3 * (73.5318 - 38.2946);
  const turned = (yawDeg: number) => points(3, 150, 80, 0, { x: Math.tan((yawDeg * Math.PI) / 180) * 0.55 * ied, y: 0 });
  const nodding = (pitchDeg: number) => points(3, 150, 80, 0, { x: 0, y: Math.tan((pitchDeg * Math.PI) / 180) * 0.55 * ied });
  const judged = (face: FivePoints) => ({ live: assessQuality({ ...good, points: face }).reasons, reference: assessQuality({ ...good, points: face }, REFERENCE_QUALITY_RULES).reasons });

  it('a head turned up to 60 degrees is a usable reference but turned away for a live camera', () => {
    expect(estimatePose(turned(45)).yaw).toBeCloseTo(45, 3);
    expect(judged(turned(45))).toEqual({ live: ['turned_away'], reference: [] });
    expect(judged(turned(-59))).toEqual({ live: ['turned_away'], reference: [] });
    expect(judged(turned(61)).reference).toEqual(['turned_away']);
  });

  it('a nod up to 35 degrees is a usable reference; beyond, it is refused (false matches rose there)', () => {
    expect(estimatePose(nodding(30)).pitch).toBeCloseTo(30, 0);
    expect(judged(nodding(30))).toEqual({ live: ['turned_away'], reference: [] });
    expect(judged(nodding(36))).toEqual({ live: ['turned_away'], reference: ['turned_away'] });
  });

  it('every other rule is the live gate\'s, but for the reference\'s own size floor and detector certainty', () => {
    const { maxYawDeg: _y, maxPitchDeg: _p, minInterEyePx: _i, minDetectionScore: _d, ...reference } = REFERENCE_QUALITY_RULES;
    const { maxYawDeg: _y2, maxPitchDeg: _p2, minInterEyePx: _i2, minDetectionScore: _d2, ...live } = DEFAULT_QUALITY_RULES;
    expect(reference).toEqual(live);
    expect(REFERENCE_QUALITY_RULES.minDetectionScore).toBeGreaterThan(DEFAULT_QUALITY_RULES.minDetectionScore);
  });
});

describe('the pose', () => {
  it('yaw and pitch are measured in the face’s own frame: rolling the head changes neither', () => {
    const turned = estimatePose(points(3, 150, 80, 0, { x: 20, y: 10 }));
    for (const degrees of [-25, 25]) {
      const rolled = estimatePose(points(3, 300, 50, degrees, { x: 20, y: 10 }));
      expect(rolled.roll).toBeCloseTo(turned.roll + degrees, 6);
      expect(rolled.yaw).toBeCloseTo(turned.yaw, 6);
      expect(rolled.pitch).toBeCloseTo(turned.pitch, 6);
    }
  });

  it('pitch: the nose tip below where a frontal face has it, over the nose depth', () => {
    const face = points(3, 150, 80, 0, { x: 0, y: 15 });
    const [eyeL, eyeR, nose, mouthL, mouthR] = face;
    const ied = Math.hypot(eyeR.x - eyeL.x, eyeR.y - eyeL.y);
    const eyeY = (eyeL.y + eyeR.y) / 2;
    const noseDrop = nose.y - eyeY;
    const mouthDrop = (mouthL.y + mouthR.y) / 2 - eyeY;
    const expected = (Math.atan((noseDrop - 0.494 * mouthDrop) / (0.55 * ied)) * 180) / Math.PI;
    expect(estimatePose(face).pitch).toBeCloseTo(expected, 1);
  });
});

describe('the ranking score', () => {
  // Size: eye distance over twice the minimum; frontal: 1 less the pose over twice its limits; sharpness over
  // four times the floor; exposure: 1 less the distance from mid-grey. Weighted 0.35, 0.35, 0.2, 0.1, halved
  // when the face has a recapture reason.
  const expectedScore = (input: QualityInput, rules: QualityRules, penalised: boolean) => {
    const pose = estimatePose(input.points);
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    const ied = Math.hypot(input.points[1].x - input.points[0].x, input.points[1].y - input.points[0].y);
    const size = clamp(ied / (2 * rules.minInterEyePx));
    const frontal = clamp(1 - Math.hypot(pose.yaw / (2 * rules.maxYawDeg), pose.pitch / (2 * rules.maxPitchDeg)));
    const sharp = clamp(input.crop.sharpness / (4 * rules.minSharpness));
    const exposure = clamp(1 - Math.abs(input.crop.meanIntensity - 128) / 128);
    return (0.35 * size + 0.35 * frontal + 0.2 * sharp + 0.1 * exposure) * (penalised ? 0.5 : 1);
  };

  it('weighs size, pose, sharpness and exposure, each between 0 and 1', () => {
    // Every part strictly between 0 and 1, and each different, so a changed weight or scale shows.
    const input: QualityInput = { ...good, points: points(1.7, 150, 80, 0, { x: 6, y: 3 }), crop: crop(96, 120) };
    const q = assessQuality(input);
    expect(q.reasons).toEqual([]);
    expect(q.score).toBeCloseTo(expectedScore(input, DEFAULT_QUALITY_RULES, false), 12);
    expect(q.score).toBeGreaterThan(0.4);
    expect(q.score).toBeLessThan(0.9);
    // Brighter than mid-grey counts the same as as much darker.
    expect(assessQuality({ ...input, crop: crop(160, 120) }).score).toBeCloseTo(q.score, 12);
  });

  it('clamps each part at 1 (a huge, razor-sharp face scores 1) and halves the score of a face with a reason', () => {
    expect(assessQuality({ ...good, crop: crop(128, 10_000) }).score).toBeCloseTo(0.35 * 1 + 0.35 * expectedFrontal(good) + 0.2 + 0.1, 12);
    const far: QualityInput = { ...good, points: points(0.8, 150, 80), box: { x: 150, y: 80, width: 90, height: 90 }, crop: crop(200, 30) };
    expect(assessQuality(far).reasons).toEqual(['too_far', 'blurred']);
    expect(assessQuality(far).score).toBeCloseTo(expectedScore(far, DEFAULT_QUALITY_RULES, true), 12);
  });
});

function expectedFrontal(input: QualityInput): number {
  const pose = estimatePose(input.points);
  return 1 - Math.hypot(pose.yaw / (2 * DEFAULT_QUALITY_RULES.maxYawDeg), pose.pitch / (2 * DEFAULT_QUALITY_RULES.maxPitchDeg));
}
