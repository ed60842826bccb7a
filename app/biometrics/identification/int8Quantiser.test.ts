import { describe, expect, it } from 'vitest';
import { EmbeddingError } from '../embeddingMath';
import { INT8_MAX, quantiseInto } from './int8Quantiser';

// How close quantised scores stay to float cosine is measured on the gallery (galleryTemplates.test.ts).

describe('int8 quantisation of a template', () => {
  it('normalises, scales the largest component to 127, and zeroes the row past the vector', () => {
    const codes = new Int8Array(6).fill(9);
    const scale = quantiseInto([3, -4, 0, 0], codes);
    // 3/5 and -4/5: the larger, 0.8, is 127; 0.6 is round(0.75 x 127) = 95.
    expect([...codes]).toEqual([95, -INT8_MAX, 0, 0, 0, 0]);
    expect(scale).toBeCloseTo(0.8 / INT8_MAX, 9);
  });

  it('refuses a row too short for the vector, and a vector with no direction', () => {
    expect(() => quantiseInto([1, 2, 3], new Int8Array(2))).toThrow('quantised row holds 2 values; the vector has 3');
    expect(() => quantiseInto([0, 0], new Int8Array(2))).toThrow(EmbeddingError);
    expect(() => quantiseInto([Number.NaN, 1], new Int8Array(2))).toThrow(/zero or non-finite norm/);
    expect(() => quantiseInto([Number.POSITIVE_INFINITY, 1], new Int8Array(2))).toThrow(/zero or non-finite norm/);
  });
});
