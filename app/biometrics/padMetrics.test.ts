import { describe, expect, it } from 'vitest';
import { operatingPoint, separation, thresholdAtBpcer } from './padMetrics';

describe('presentation-attack error rates (ISO/IEC 30107-3)', () => {
  const bonaFide = Array.from({ length: 100 }, (_, i) => (i + 1) / 100); // 0.01 .. 1.00

  it('puts the threshold where at most the target share of bona fide presentations is flagged', () => {
    expect(thresholdAtBpcer(bonaFide, 0.01)).toBe(0.02);
    expect(thresholdAtBpcer(bonaFide, 0.05)).toBe(0.06);
    expect(() => thresholdAtBpcer([], 0.01)).toThrow(RangeError);
  });

  it('counts, per attack kind, the attacks scoring at or above the threshold as let through (APCER), and reports the worst', () => {
    const point = operatingPoint(bonaFide, { print: [0.01, 0.01, 0.5, 0.9], screen: [0.01, 0.01, 0.01, 0.01] }, 0.05);
    expect(point).toMatchObject({ threshold: 0.06, bpcer: 0.05, apcer: { print: 0.5, screen: 0 }, maxApcer: 0.5 });
  });

  it('measures separation as the ROC area: 1 when every bona fide scores above every attack, 0.5 for the same scores, 0 reversed', () => {
    expect(separation([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(separation([0.5, 0.5], [0.5, 0.5])).toBe(0.5);
    expect(separation([0.1], [0.9])).toBe(0);
    expect(separation([], [0.9])).toBeNaN();
  });
});
