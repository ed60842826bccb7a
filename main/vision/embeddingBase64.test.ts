import { describe, expect, it } from 'vitest';
import { embeddingFromBase64, embeddingToBase64 } from './embeddingBase64';

describe('embeddings as base64 text', () => {
  it('round-trips float32 values exactly, a view into a larger buffer included, into a copy that owns its buffer', () => {
    const block = new Float32Array([9, 0.1, -2.5e-8, 3.4e38, -1, 9]);
    const view = block.subarray(1, 5);
    const back = embeddingFromBase64(embeddingToBase64(view));
    expect([...back]).toEqual([...view]);
    expect(back.byteOffset).toBe(0);
    expect(back.buffer.byteLength).toBe(16);
  });
});
