import { describe, expect, it } from 'vitest';
import type { FivePoints } from './faceLandmarks';
import { implausibleLandmarks } from './landmarkPlausibility';

const ARCFACE = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
] as const;

/** The ArcFace template scaled, rotated by `degrees` about its centre and moved. */
const face = (scale: number, dx: number, dy: number, degrees = 0): FivePoints => {
  const a = (degrees * Math.PI) / 180;
  return ARCFACE.map(([x, y]) => {
    const cx = (x - 56) * scale;
    const cy = (y - 72) * scale;
    return { x: dx + cx * Math.cos(a) - cy * Math.sin(a), y: dy + cx * Math.sin(a) + cy * Math.cos(a) };
  }) as unknown as FivePoints;
};

const box = { x: 100, y: 100, width: 200, height: 200 };

describe('implausibleLandmarks', () => {
  it('accepts a face layout at any size and within the roll the quality rules allow', () => {
    expect(implausibleLandmarks(face(2, 200, 200), box)).toBeNull();
    expect(implausibleLandmarks(face(2, 200, 200, 25), box)).toBeNull();
    expect(implausibleLandmarks(face(4, 200, 200), { x: 0, y: 0, width: 400, height: 400 })).toBeNull();
  });

  it('names what is wrong with points that cannot be a face', () => {
    // Mirrored top to bottom (an upside-down head read in image order); a face merely rotated is a roll, not this.
    const flipped = face(2, 200, 200).map((p) => ({ x: p.x, y: 400 - p.y })) as unknown as FivePoints;
    expect(implausibleLandmarks(flipped, box)).toBe('the nose is not below the eyes');
    const [l, r, n, ml, mr] = face(2, 200, 200);
    expect(implausibleLandmarks([l, l, n, ml, mr], box)).toBe('the eyes coincide');
    expect(implausibleLandmarks([l, r, n, { x: ml.x, y: n.y - 1 }, { x: mr.x, y: n.y - 1 }], box)).toBe('the mouth is not below the nose');
    expect(implausibleLandmarks([l, r, n, mr, ml], box)).toBe('the mouth corners are swapped');
    expect(implausibleLandmarks([l, r, n, { x: ml.x, y: ml.y + 150 }, { x: mr.x, y: mr.y + 150 }], { x: 0, y: 0, width: 400, height: 600 })).toMatch(/^eye-to-mouth distance/);
    expect(implausibleLandmarks([l, r, n, { x: ml.x - 60, y: ml.y }, { x: mr.x + 60, y: mr.y }], box)).toMatch(/^mouth width/);
    expect(implausibleLandmarks(face(2, 200, 200), { x: 0, y: 0, width: 1000, height: 1000 })).toMatch(/^eye distance is 0\.07/);
    expect(implausibleLandmarks(face(2, 200, 200), { x: 300, y: 300, width: 200, height: 200 })).toBe('a landmark lies outside the face box');
    expect(implausibleLandmarks([l, r, { x: NaN, y: 0 }, ml, mr], box)).toBe('a landmark is not a number');
  });
});
