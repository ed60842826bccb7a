import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlignmentError, applySimilarity, estimateSimilarity, similarityScale } from './similarityTransform';

const ARCFACE = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

describe('estimateSimilarity (Umeyama, 2-D)', () => {
  it('recovers a known rotation + scale + translation exactly from 5 points', () => {
    fc.assert(
      fc.property(fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: -500, max: 500, noNaN: true }), fc.double({ min: -500, max: 500, noNaN: true }), (angle, scale, tx, ty) => {
        const truth = { a: scale * Math.cos(angle), b: scale * Math.sin(angle), tx, ty };
        const moved = ARCFACE.map((p) => applySimilarity(truth, p));
        const found = estimateSimilarity(ARCFACE, moved);
        expect(found.a).toBeCloseTo(truth.a, 6);
        expect(found.b).toBeCloseTo(truth.b, 6);
        expect(found.tx).toBeCloseTo(truth.tx, 4);
        expect(found.ty).toBeCloseTo(truth.ty, 4);
      }),
    );
  });

  it('maps a face twice the template size, shifted, onto the template (scale 0.5)', () => {
    const face = ARCFACE.map((p) => ({ x: 2 * p.x + 100, y: 2 * p.y + 40 }));
    const t = estimateSimilarity(face, ARCFACE);
    expect(similarityScale(t)).toBeCloseTo(0.5, 9);
    face.forEach((p, i) => {
      const q = applySimilarity(t, p);
      expect(q.x).toBeCloseTo(ARCFACE[i]!.x, 6);
      expect(q.y).toBeCloseTo(ARCFACE[i]!.y, 6);
    });
  });

  it('gives the least-squares fit for noisy points (residual below the noise)', () => {
    const noisy = ARCFACE.map((p, i) => ({ x: p.x + (i % 2 ? 0.5 : -0.5), y: p.y + (i % 3 ? 0.5 : -0.5) }));
    const t = estimateSimilarity(noisy, ARCFACE);
    const rms = Math.sqrt(noisy.reduce((s, p, i) => s + (applySimilarity(t, p).x - ARCFACE[i]!.x) ** 2 + (applySimilarity(t, p).y - ARCFACE[i]!.y) ** 2, 0) / 5);
    expect(rms).toBeLessThan(0.8);
  });

  it('refuses coincident points', () => {
    const same = ARCFACE.map(() => ({ x: 3, y: 3 }));
    expect(() => estimateSimilarity(same, ARCFACE)).toThrow(AlignmentError);
  });
});
