import { describe, expect, it } from 'vitest';
import { ScoreSet, tenFoldAccuracy } from './verificationMetrics';

/** Deterministic evenly spaced scores in [lo, hi]. */
const spread = (n: number, lo: number, hi: number) => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * (i + 0.5)) / n);

describe('ScoreSet', () => {
  it('measures FMR and FNMR at a threshold', () => {
    const s = new ScoreSet(spread(100, 0.4, 0.8), spread(1000, -0.2, 0.5));
    const p = s.at(0.45);
    expect(p.fmr).toBeCloseTo(0.05 / 0.7, 3);
    expect(p.fnmr).toBeCloseTo(0.05 / 0.4, 1);
  });

  it('finds FNMR at a target FMR, and says when the impostor set cannot resolve it', () => {
    const s = new ScoreSet(spread(100, 0.4, 0.8), spread(1000, -0.2, 0.5));
    const at = s.atFmr(1e-2);
    expect(at?.fmr).toBeLessThanOrEqual(1e-2);
    expect(at?.fmr).toBeGreaterThan(0.005);
    expect(s.atFmr(1e-4)).toBeUndefined();
  });

  it('computes the EER where the distributions overlap symmetrically', () => {
    const s = new ScoreSet(spread(1000, 0.2, 0.6), spread(1000, 0, 0.4));
    const { eer, threshold } = s.equalErrorRate();
    expect(threshold).toBeCloseTo(0.3, 2);
    expect(eer).toBeCloseTo(0.25, 2);
  });

  it('counts failures to acquire (-Infinity) as non-matches', () => {
    const s = new ScoreSet([0.9, 0.9, -Infinity, -Infinity], spread(100, -0.2, 0.2));
    expect(s.at(0.5).fnmr).toBe(0.5);
  });
});

describe('tenFoldAccuracy', () => {
  it('is perfect on separable folds and picks a threshold between the classes', () => {
    const pairs = Array.from({ length: 10 }, (_, fold) => [
      ...spread(30, 0.5, 0.9).map((score) => ({ fold, same: true, score })),
      ...spread(30, -0.1, 0.3).map((score) => ({ fold, same: false, score })),
    ]).flat();
    const result = tenFoldAccuracy(pairs);
    expect(result.mean).toBe(1);
    for (const t of result.thresholds) expect(t).toBeGreaterThan(0.29);
  });

  it('counts the errors of overlapping classes on the held-out fold', () => {
    const pairs = Array.from({ length: 10 }, (_, fold) => [
      ...spread(50, 0.2, 0.6).map((score) => ({ fold, same: true, score })),
      ...spread(50, 0.0, 0.4).map((score) => ({ fold, same: false, score })),
    ]).flat();
    expect(tenFoldAccuracy(pairs).mean).toBeCloseTo(0.75, 1);
  });
});
