import { describe, expect, it } from 'vitest';
import { bonaFideScore, padCropBox, padInputTensor } from './padInput';
import { asPrint, asScreenReplay, presentationAttack, type RgbImage } from './presentationAttacks';

/** A face-sized test picture: a bright disc (the face) on a mid-grey ground, with fine detail. */
function picture(size = 64): RgbImage {
  const data = new Uint8ClampedArray(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = Math.hypot(x - size / 2, y - size / 2) < size / 3;
      const v = inside ? 200 + ((x + y) % 2) * 40 : 110;
      data.set([v, inside ? v - 40 : v, inside ? v - 70 : v], 3 * (y * size + x));
    }
  }
  return { width: size, height: size, data };
}

const meanOf = (image: RgbImage, channel: number) => {
  let sum = 0;
  for (let i = channel; i < image.data.length; i += 3) sum += image.data[i] ?? 0;
  return sum / (image.data.length / 3);
};

describe('presentation attacks the project renders', () => {
  it('are deterministic per seed and differ between seeds', () => {
    const image = picture();
    expect(asPrint(image, 7).data).toEqual(asPrint(image, 7).data);
    expect(asPrint(image, 7).data).not.toEqual(asPrint(image, 8).data);
    expect(presentationAttack('screen', image, 3).data).toEqual(asScreenReplay(image, 3).data);
  });

  it('a print loses the gamut: no pure black or white survives, and the picture changes', () => {
    const black = { width: 8, height: 8, data: new Uint8ClampedArray(8 * 8 * 3) };
    const printed = asPrint(black, 1);
    expect(Math.min(...printed.data)).toBeGreaterThan(0);
    expect(asPrint(picture(), 1).data).not.toEqual(picture().data);
  });

  it('a screen replay has the screen\'s dark border round the picture and a bluish white point', () => {
    const white = { width: 64, height: 64, data: new Uint8ClampedArray(64 * 64 * 3).fill(200) };
    const replay = asScreenReplay(white, 2);
    expect(Array.from(replay.data.subarray(0, 3))).toEqual([18, 18, 20]);
    expect(meanOf(replay, 2)).toBeGreaterThan(meanOf(replay, 0));
  });
});

describe('what a PAD model is fed', () => {
  it('crops the box scaled about its centre, kept inside the image', () => {
    expect(padCropBox({ x: 40, y: 40, width: 20, height: 20 }, 100, 100, 2)).toEqual({ x: 30, y: 30, width: 40, height: 40 });
    // At the image's edge the crop moves inside; too large for the image, the scale shrinks to fit.
    expect(padCropBox({ x: 0, y: 0, width: 20, height: 20 }, 100, 100, 2)).toEqual({ x: 0, y: 0, width: 40, height: 40 });
    expect(padCropBox({ x: 30, y: 30, width: 40, height: 40 }, 100, 100, 2.7)).toEqual({ x: 0, y: 0, width: 99, height: 99 });
  });

  it('lays out and normalises per channel in the manifest\'s colour order', () => {
    const flat = { width: 4, height: 4, data: new Uint8ClampedArray(4 * 4 * 3).map((_, i) => [10, 20, 30][i % 3] ?? 0) };
    const manifest = { inputSize: [2, 2] as [number, number], layout: 'NCHW' as const, colourOrder: 'BGR' as const, normalisation: { mean: [0, 10, 20] as [number, number, number], std: 2 }, boxScale: 1 };
    const nchw = padInputTensor(flat, { x: 0, y: 0, width: 3, height: 3 }, manifest);
    expect(Array.from(nchw)).toEqual([15, 15, 15, 15, 5, 5, 5, 5, -5, -5, -5, -5]);
    const nhwc = padInputTensor(flat, { x: 0, y: 0, width: 3, height: 3 }, { ...manifest, layout: 'NHWC' });
    expect(Array.from(nhwc.subarray(0, 3))).toEqual([15, 5, -5]);
  });

  it('reads the bona fide score as the manifest says', () => {
    expect(bonaFideScore([0, 0], { activation: 'softmax', bonaFideIndex: 1 })).toBeCloseTo(0.5);
    expect(bonaFideScore([0], { activation: 'sigmoid', bonaFideIndex: 0 })).toBeCloseTo(0.5);
    expect(bonaFideScore([0.3, 0.7], { activation: 'none', bonaFideIndex: 1 })).toBe(0.7);
    expect(() => bonaFideScore([0.3], { activation: 'none', bonaFideIndex: 2 })).toThrow(/outside the model's 1 outputs/);
  });
});
