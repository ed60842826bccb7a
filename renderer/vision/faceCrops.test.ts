import { describe, expect, it } from 'vitest';
import { writePlanarTensor } from './faceCrops';

/** A 2x1 RGBA image: a red pixel then a blue one. */
const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 0, 255, 255]);

describe('writePlanarTensor', () => {
  it('writes planes in the colour order the model wants, normalised', () => {
    const out = new Float32Array(6);
    writePlanarTensor(rgba, { width: 2, height: 1, colourOrder: 'RGB', mean: 127.5, std: 127.5 }, out, 0, false);
    // R plane, G plane, B plane; each pixel (v - 127.5) / 127.5.
    expect([...out]).toEqual([1, -1, -1, -1, -1, 1]);
    writePlanarTensor(rgba, { width: 2, height: 1, colourOrder: 'BGR', mean: 0, std: 255 }, out, 0, false);
    expect([...out]).toEqual([0, 1, 0, 0, 1, 0]);
  });

  it('mirrors left to right and writes at an offset, leaving the rest alone', () => {
    const out = new Float32Array(8).fill(9);
    writePlanarTensor(rgba, { width: 2, height: 1, colourOrder: 'RGB', mean: 0, std: 255 }, out, 2, true);
    expect([...out]).toEqual([9, 9, 0, 1, 0, 0, 1, 0]);
  });
});
