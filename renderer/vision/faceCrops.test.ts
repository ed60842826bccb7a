import { describe, expect, it } from 'vitest';
import { writeImageTensor } from './faceCrops';

/** A 2x1 RGBA image: a red pixel then a blue one. */
const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 0, 255, 255]);

describe('writeImageTensor', () => {
  it('writes planes in the colour order the model wants, normalised', () => {
    const out = new Float32Array(6);
    writeImageTensor(rgba, { width: 2, height: 1, layout: 'NCHW', colourOrder: 'RGB', mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5] }, out, 0, false);
    // R plane, G plane, B plane; each pixel (v - 127.5) / 127.5.
    expect([...out]).toEqual([1, -1, -1, -1, -1, 1]);
    writeImageTensor(rgba, { width: 2, height: 1, layout: 'NCHW', colourOrder: 'BGR', mean: [0, 0, 0], std: [255, 255, 255] }, out, 0, false);
    expect([...out]).toEqual([0, 1, 0, 0, 1, 0]);
  });

  it('mirrors left to right and writes at an offset, leaving the rest alone', () => {
    const out = new Float32Array(8).fill(9);
    writeImageTensor(rgba, { width: 2, height: 1, layout: 'NCHW', colourOrder: 'RGB', mean: [0, 0, 0], std: [255, 255, 255] }, out, 2, true);
    expect([...out]).toEqual([9, 9, 0, 1, 0, 0, 1, 0]);
  });

  it('interleaves channels for NHWC models and normalises each channel with its own mean and std', () => {
    const out = new Float32Array(6);
    writeImageTensor(rgba, { width: 2, height: 1, layout: 'NHWC', colourOrder: 'RGB', mean: [255, 0, 100], std: [1, 2, 4] }, out, 0, false);
    // Pixel 0 (red): R, G, B; pixel 1 (blue): R, G, B.
    expect([...out]).toEqual([0, 0, -25, -255, 0, 38.75]);
    writeImageTensor(rgba, { width: 2, height: 1, layout: 'NHWC', colourOrder: 'BGR', mean: [0, 0, 0], std: [255, 255, 255] }, out, 0, true);
    expect([...out]).toEqual([1, 0, 0, 0, 0, 1]);
  });
});
