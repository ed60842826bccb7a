import { describe, expect, it } from 'vitest';
import { LandmarkError, fivePointsFrom68, pointsFromFlat } from './faceLandmarks';

describe('fivePointsFrom68', () => {
  it('averages eyelid points for eye centres, takes nose tip 30 and averages outer/inner mouth corners', () => {
    const points = Array.from({ length: 68 }, (_, i) => ({ x: i, y: 100 + i }));
    const [eyeL, eyeR, nose, mouthL, mouthR] = fivePointsFrom68(points);
    expect(eyeL).toEqual({ x: (37 + 38 + 40 + 41) / 4, y: 100 + (37 + 38 + 40 + 41) / 4 });
    expect(eyeR).toEqual({ x: (43 + 44 + 46 + 47) / 4, y: 100 + (43 + 44 + 46 + 47) / 4 });
    expect(nose).toEqual({ x: 30, y: 130 });
    expect(mouthL).toEqual({ x: 54, y: 154 });
    expect(mouthR).toEqual({ x: 59, y: 159 });
  });

  it('reads the model output as 68 (x, y) pairs and rejects other lengths', () => {
    const flat = Array.from({ length: 136 }, (_, i) => i);
    expect(pointsFromFlat(flat)[67]).toEqual({ x: 134, y: 135 });
    expect(() => pointsFromFlat(flat.slice(1))).toThrow(LandmarkError);
    expect(() => fivePointsFrom68([])).toThrow(LandmarkError);
  });
});
