import { describe, expect, it } from 'vitest';
import { coarseSharpness, cropStatistics } from './imageStatistics';

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

describe('coarseSharpness', () => {
  it('sees features 8 pixels wide and loses them when smeared; pixel-scale noise barely counts', () => {
    const blocks = new Uint8Array(64 * 64).map((_, i) => ((Math.floor((i % 64) / 8) + Math.floor(i / 512)) % 2 ? 160 : 100));
    const smeared = blocks.map((_, i) => {
      const x = i % 64;
      let s = 0;
      for (let d = -8; d <= 8; d++) s += blocks[i - x + Math.min(63, Math.max(0, x + d))] ?? 0;
      return Math.round(s / 17);
    });
    // Alternate pixels +-30 around 130: the finest scale's largest signal, nothing at the features' scale.
    const noise = new Uint8Array(64 * 64).map((_, i) => ((i % 64) + Math.floor(i / 64)) % 2 ? 160 : 100);
    const image = (pixels: Uint8Array) => ({ width: 64, height: 64, pixels });
    expect(coarseSharpness(image(smeared))).toBeLessThan(coarseSharpness(image(blocks)) / 2);
    expect(coarseSharpness(image(noise))).toBeLessThan(1);
    expect(cropStatistics(image(noise)).sharpness).toBeGreaterThan(cropStatistics(image(blocks)).sharpness);
  });

  it('refuses an image smaller than its pixels say', () => {
    expect(() => coarseSharpness({ width: 64, height: 64, pixels: new Uint8Array(10) })).toThrow(RangeError);
  });
});
