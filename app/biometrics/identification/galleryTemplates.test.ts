import { describe, expect, it } from 'vitest';
import { EmbeddingError } from '../embeddingMath';
import { GalleryTemplates } from './galleryTemplates';
import { WASM_PAGE_BYTES, createDotKernel } from './int8DotKernel';

/** Deterministic pseudo-random unit-ish vectors (not normalised: the gallery normalises). */
function vector(seed: number, dimension = 512): Float32Array {
  let state = seed * 2654435761;
  const v = new Float32Array(dimension);
  for (let i = 0; i < dimension; i++) {
    state = (Math.imul(state, 1103515245) + 12345) | 0;
    v[i] = ((state >>> 8) / 2 ** 24) - 0.5;
  }
  return v;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

describe('the gallery search block', () => {
  it('runs the WebAssembly SIMD kernel where the engine has it (Node does)', () => {
    expect(new GalleryTemplates(512).kernelKind).toBe('wasm-simd');
  });

  it('scores every template by cosine similarity within int8 quantisation error, in row order', () => {
    const gallery = new GalleryTemplates(512);
    const templates = Array.from({ length: 40 }, (_, i) => vector(i + 1));
    templates.forEach((t, i) => gallery.enrol(`id-${i % 10}`, [{ embedding: t }]));
    const probe = vector(999);
    const scores = gallery.scores(probe);
    expect(scores.length).toBe(40);
    for (const [i, t] of templates.entries()) expect(Math.abs(scores[i]! - cosine(t, probe))).toBeLessThan(3e-3);
    // The probe against one of the templates itself: cosine 1, whatever its norm.
    const self = gallery.scores(templates[7]!.map((v) => v * 3));
    expect(self[7]).toBeCloseTo(1, 2);
  });

  it('gives bit-identical scores with the JS fallback kernel', () => {
    const simd = new GalleryTemplates(100);
    const js = new GalleryTemplates(100, 8, createDotKernel('js'));
    expect(js.kernelKind).toBe('js');
    for (let i = 0; i < 30; i++) {
      simd.enrol(`id-${i}`, [{ embedding: vector(i, 100) }]);
      js.enrol(`id-${i}`, [{ embedding: vector(i, 100) }]);
    }
    expect([...js.scores(vector(77, 100))]).toEqual([...simd.scores(vector(77, 100))]);
  });

  it('keeps several templates per identity and removes an identity by compacting the rows', () => {
    const gallery = new GalleryTemplates(64);
    expect(gallery.enrol('a', [{ embedding: vector(1, 64) }, { embedding: vector(2, 64), quality: 0.4 }])).toBe(2);
    gallery.enrol('b', [{ embedding: vector(3, 64) }]);
    expect(gallery.enrol('a', [{ embedding: vector(4, 64), quality: 7 }])).toBe(3);
    gallery.enrol('c', [{ embedding: vector(5, 64) }]);
    expect(gallery.size).toBe(5);
    expect([...gallery.ownerOfTemplate]).toEqual([0, 0, 1, 0, 2]);
    // Quality is clamped to 0..1; unknown quality is 1.
    expect([...gallery.qualityOfTemplate].map((q) => Number(q.toFixed(2)))).toEqual([1, 0.4, 1, 1, 1]);
    const before = gallery.scores(vector(9, 64)).slice();
    expect(gallery.remove('a')).toBe(true);
    expect(gallery.remove('a')).toBe(false);
    expect(gallery.identities()).toEqual([
      { identityId: 'b', templates: 1 },
      { identityId: 'c', templates: 1 },
    ]);
    expect([...gallery.ownerOfTemplate]).toEqual([0, 1]);
    expect([...gallery.scores(vector(9, 64))]).toEqual([before[2], before[4]]);
  });

  it('refuses a template of the wrong length or with no direction, leaving the gallery as it was', () => {
    const gallery = new GalleryTemplates(16);
    expect(() => gallery.enrol('x', [{ embedding: new Float32Array(15) }])).toThrow(EmbeddingError);
    expect(() => gallery.enrol('x', [{ embedding: vector(1, 16) }, { embedding: new Float32Array(16) }])).toThrow(/zero or non-finite/);
    expect(gallery.size).toBe(0);
    expect(gallery.identityCount).toBe(0);
    expect(() => gallery.scores(new Float32Array(8))).toThrow(/probe has 8 values/);
  });

  // The memory rule at 1,000 templates: what a template costs is linear, so this size pins it as 10,000 would
  // (the size the exit benchmark measures, `npm run bench:exit`) in a tenth of the time, which matters under
  // mutation testing, where every enrolment mutant runs it.
  it('holds 1,000 512-d templates in 528 bytes each (row, scale, owner, quality, score slot), within the 2.5 MB budget', () => {
    const templates = 1_000;
    const perTemplate = 512 + 4 + 4 + 4 + 4;
    const probeRow = 512;
    const one = vector(1);
    // Exactly sized when the size is known up front: the layout, rounded up to one WebAssembly page at most.
    const sized = new GalleryTemplates(512, templates);
    for (let i = 0; i < templates; i++) sized.enrol(`id-${i}`, [{ embedding: one }]);
    expect(sized.bytes).toBeGreaterThanOrEqual(templates * perTemplate + probeRow);
    expect(sized.bytes).toBeLessThan(templates * perTemplate + probeRow + WASM_PAGE_BYTES);
    // Grown one enrolment at a time from the default capacity: a quarter of slack at most, every template kept.
    const grown = new GalleryTemplates(512);
    const distinct = Array.from({ length: templates }, (_, i) => vector(i + 1));
    distinct.forEach((embedding, i) => grown.enrol(`id-${i}`, [{ embedding, quality: (i % 10) / 10 }]));
    expect(grown.size).toBe(templates);
    expect(grown.bytes).toBeLessThan(1.25 * templates * perTemplate + probeRow + WASM_PAGE_BYTES);
    expect(grown.bytes).toBeLessThan(2.5e6);
    expect([...grown.ownerOfTemplate]).toEqual(distinct.map((_, i) => i));
    expect([...grown.qualityOfTemplate].map((q) => Number(q.toFixed(1)))).toEqual(distinct.map((_, i) => (i % 10) / 10));
    const scores = grown.scores(distinct[0]!);
    expect(scores[0]).toBeCloseTo(1, 2);
    for (const i of [63, 64, 65, 999]) expect(Math.abs(scores[i]! - cosine(distinct[i]!, distinct[0]!))).toBeLessThan(3e-3);
  });
});
