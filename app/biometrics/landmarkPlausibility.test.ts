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

describe('implausibleLandmarks at the edges of each rule', () => {
  // Eyes 10 px apart on a level line, the nose 6 px below it, the mouth 12 px below (1.2 eye distances) and
  // 8 px wide (0.8): whole numbers, so each rule's edge is exact.
  const eyeL = { x: 100, y: 100 };
  const eyeR = { x: 110, y: 100 };
  const nose = { x: 105, y: 106 };
  const mouthL = { x: 101, y: 112 };
  const mouthR = { x: 109, y: 112 };
  const layout: FivePoints = [eyeL, eyeR, nose, mouthL, mouthR];
  const faceBox = { x: 85, y: 85, width: 40, height: 40 };
  const exact = { eyeToMouthPerIed: [1.2, 1.2], mouthWidthPerIed: [0.8, 0.8], iedPerBoxWidth: [0.25, 0.25], boxMargin: 0.25 } as const;

  it('each proportion exactly at its limit is a face', () => {
    expect(implausibleLandmarks(layout, faceBox, exact)).toBeNull();
  });

  it('says by how much a proportion is out, in eye distances', () => {
    expect(implausibleLandmarks(layout, faceBox, { ...exact, eyeToMouthPerIed: [1.21, 2] })).toBe('eye-to-mouth distance is 1.20 eye distances');
    expect(implausibleLandmarks(layout, faceBox, { ...exact, eyeToMouthPerIed: [0.5, 1.19] })).toBe('eye-to-mouth distance is 1.20 eye distances');
    expect(implausibleLandmarks(layout, faceBox, { ...exact, mouthWidthPerIed: [0.81, 2] })).toBe('mouth width is 0.80 eye distances');
    expect(implausibleLandmarks(layout, faceBox, { ...exact, mouthWidthPerIed: [0.1, 0.79] })).toBe('mouth width is 0.80 eye distances');
    expect(implausibleLandmarks(layout, faceBox, { ...exact, iedPerBoxWidth: [0.26, 1] })).toBe('eye distance is 0.25 of the face box');
  });

  it('the nose on the eye line, the mouth level with the nose, or the mouth corners together: not a face', () => {
    expect(implausibleLandmarks([eyeL, eyeR, { x: 105, y: 100 }, mouthL, mouthR], faceBox, exact)).toBe('the nose is not below the eyes');
    expect(implausibleLandmarks([eyeL, eyeR, nose, { x: 101, y: 106 }, { x: 109, y: 106 }], faceBox, exact)).toBe('the mouth is not below the nose');
    expect(implausibleLandmarks([eyeL, eyeR, nose, { x: 105, y: 112 }, { x: 105, y: 112 }], faceBox, exact)).toBe('the mouth corners are swapped');
  });

  it('judges a rolled head in its own frame: the same verdicts, the same proportions', () => {
    for (const degrees of [-25, 25]) {
      const a = (degrees * Math.PI) / 180;
      const roll = (p: { x: number; y: number }) => ({ x: 300 + (p.x - 105) * Math.cos(a) - (p.y - 106) * Math.sin(a), y: 300 + (p.x - 105) * Math.sin(a) + (p.y - 106) * Math.cos(a) });
      const rolled = (points: FivePoints) => points.map(roll) as unknown as FivePoints;
      const around = { x: 280, y: 280, width: 40, height: 40 };
      const rules = { ...exact, eyeToMouthPerIed: [1.1, 1.3], mouthWidthPerIed: [0.7, 0.9], iedPerBoxWidth: [0.2, 0.3] } as const;
      expect(implausibleLandmarks(rolled(layout), around, rules), `${degrees}°`).toBeNull();
      expect(implausibleLandmarks(rolled(layout), around, { ...rules, eyeToMouthPerIed: [1.21, 2] })).toBe('eye-to-mouth distance is 1.20 eye distances');
      expect(implausibleLandmarks(rolled(layout), around, { ...rules, mouthWidthPerIed: [0.81, 2] })).toBe('mouth width is 0.80 eye distances');
      expect(implausibleLandmarks(rolled([eyeL, eyeR, nose, mouthR, mouthL]), around, rules)).toBe('the mouth corners are swapped');
      expect(implausibleLandmarks(rolled([eyeL, eyeR, { x: 105, y: 99 }, mouthL, mouthR]), around, rules)).toBe('the nose is not below the eyes');
    }
  });

  it('a landmark may lie outside the box by the margin (a share of its width across, of its height down), not further', () => {
    // Margin 0.25: 10 px across a 40 px wide box, 15 px down a 60 px high one. Points span x 100-110, y 100-112.
    const at = (x: number, y: number) => implausibleLandmarks(layout, { x, y, width: 40, height: 60 }, exact);
    expect(at(110, 60)).toBeNull(); // the left eye 10 px left of the box
    expect(at(110.01, 60)).toBe('a landmark lies outside the face box');
    expect(at(60, 60)).toBeNull(); // the right eye 10 px right of it
    expect(at(59.99, 60)).toBe('a landmark lies outside the face box');
    expect(at(90, 115)).toBeNull(); // the eyes 15 px above it
    expect(at(90, 115.01)).toBe('a landmark lies outside the face box');
    expect(at(90, 37)).toBeNull(); // the mouth 15 px below it
    expect(at(90, 36.99)).toBe('a landmark lies outside the face box');
  });

  it('a box without a width (the detector gave none) skips the proportion of the box, not the margin', () => {
    expect(implausibleLandmarks(layout, { x: 105, y: 85, width: 0, height: 40 }, exact)).toBe('a landmark lies outside the face box');
  });
});
