import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_RULES, assessQuality } from './faceQuality';
import type { FivePoints } from './faceLandmarks';
import { liveRulesFor } from './liveGateRules';

// A broad smile lifts the mouth corners towards the nose: the five-point pose reads it as a raised chin. These are the
// landmarks of a rendered driver (LFW Iban_Mayo_0001 in the vehicle eval, day, vehicle 251, frame 30), frontal to the eye.
const smiling: FivePoints = [
  { x: 131.66, y: 151.71 },
  { x: 166.6, y: 150.84 },
  { x: 150.45, y: 178.03 },
  { x: 132.61, y: 184.82 },
  { x: 172.24, y: 183.55 },
];
const input = {
  points: smiling,
  crop: { meanIntensity: 120, sharpness: 400, darkFraction: 0, brightFraction: 0 },
  box: { x: 104, y: 126, width: 91, height: 91 },
  detectionScore: 0.9,
  frame: { width: 1920, height: 1080 },
};

describe('the live gate of a camera profile', () => {
  it("is the booth's own where the profile sets nothing", () => {
    expect(liveRulesFor(DEFAULT_QUALITY_RULES, {})).toBe(DEFAULT_QUALITY_RULES);
  });

  it("takes the profile's smallest face and pose limits, keeping every other rule", () => {
    const rules = liveRulesFor(DEFAULT_QUALITY_RULES, { minInterEyePx: 24, maxYawDeg: 45, maxPitchDeg: 35 });
    expect(rules).toEqual({ ...DEFAULT_QUALITY_RULES, minInterEyePx: 24, maxYawDeg: 45, maxPitchDeg: 35 });
    expect(liveRulesFor(DEFAULT_QUALITY_RULES, { maxPitchDeg: 35 })).toEqual({ ...DEFAULT_QUALITY_RULES, maxPitchDeg: 35 });
  });

  it('lets a smiling frontal driver through a lane gate the booth default turns away', () => {
    const booth = assessQuality(input, liveRulesFor(DEFAULT_QUALITY_RULES, { minInterEyePx: 24 }));
    expect(booth.reasons).toContain('turned_away');
    expect(Math.abs(booth.pose.pitch)).toBeGreaterThan(25);
    expect(assessQuality(input, liveRulesFor(DEFAULT_QUALITY_RULES, { minInterEyePx: 24, maxPitchDeg: 35 })).reasons).toEqual([]);
  });
});
