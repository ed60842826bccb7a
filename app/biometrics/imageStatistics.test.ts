import { describe, expect, it } from 'vitest';
import { cropStatistics } from './imageStatistics';

const size = 32;
const edges = new Uint8Array(size * size).map((_, i) => ((i % size) < size / 2 ? 40 : 220));
/** The same image after a 5-tap horizontal box blur. */
const blurred = edges.map((_, i) => {
  const x = i % size;
  let s = 0;
  for (let d = -2; d <= 2; d++) s += edges[i - x + Math.min(size - 1, Math.max(0, x + d))] ?? 0;
  return Math.round(s / 5);
});

describe('cropStatistics', () => {
  it('scores a blurred copy less sharp than the original, with the same mean brightness', () => {
    const sharp = cropStatistics({ width: size, height: size, pixels: edges });
    const soft = cropStatistics({ width: size, height: size, pixels: blurred });
    expect(soft.sharpness).toBeLessThan(sharp.sharpness / 4);
    expect(soft.meanIntensity).toBeCloseTo(sharp.meanIntensity, 0);
  });

  it('counts clipped dark and bright pixels', () => {
    const pixels = new Uint8Array(100).map((_, i) => (i < 30 ? 0 : i < 40 ? 255 : 128));
    const s = cropStatistics({ width: 10, height: 10, pixels });
    expect(s.darkFraction).toBeCloseTo(0.3, 6);
    expect(s.brightFraction).toBeCloseTo(0.1, 6);
  });
});
