import { describe, expect, it } from 'vitest';
import { EmbeddingError, cosineSimilarity, fuseEmbeddings, l2Normalise } from './embeddingMath';

describe('embedding maths', () => {
  it('normalises to unit length and scores identical directions 1, opposite -1, orthogonal 0', () => {
    const a = l2Normalise([3, 4, 0]);
    expect(Array.from(a)).toEqual([0.6000000238418579, 0.800000011920929, 0]);
    expect(cosineSimilarity(a, a)).toBeCloseTo(1, 6);
    expect(cosineSimilarity(a, l2Normalise([-3, -4, 0]))).toBeCloseTo(-1, 6);
    expect(cosineSimilarity(a, l2Normalise([0, 0, 2]))).toBe(0);
  });

  it('fuses several noisy frames into a template closer to the true direction than the average frame', () => {
    const truth = l2Normalise([1, 1, 1, 1]);
    const frames = [l2Normalise([1.4, 1, 0.8, 1]), l2Normalise([0.7, 1.2, 1, 1.1]), l2Normalise([1, 0.8, 1.3, 0.9])];
    const fused = fuseEmbeddings(frames);
    const meanSingle = frames.reduce((s, f) => s + cosineSimilarity(f, truth), 0) / frames.length;
    expect(cosineSimilarity(fused, truth)).toBeGreaterThan(meanSingle);
    expect(cosineSimilarity(fused, fused)).toBeCloseTo(1, 6);
  });

  it('rejects zero vectors, empty fusions and length mismatches', () => {
    expect(() => l2Normalise([0, 0])).toThrow(EmbeddingError);
    expect(() => fuseEmbeddings([])).toThrow(EmbeddingError);
    expect(() => cosineSimilarity([1], [1, 0])).toThrow(EmbeddingError);
  });
});
