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

  it('keeps each identity\'s centroid norm (the norm of its templates\' sum), also when it enrols again later', () => {
    const unit = (i: number): Float32Array => Float32Array.from({ length: 16 }, (_, k) => (k === i ? 1 : 0));
    const gallery = new GalleryTemplates(16);
    gallery.enrol('a', [{ embedding: unit(0) }, { embedding: unit(1).map((v) => v * 5) }]);
    gallery.enrol('b', [{ embedding: unit(2) }]);
    expect(gallery.centroidNormOfIdentity[0]).toBeCloseTo(Math.SQRT2, 2);
    expect(gallery.centroidNormOfIdentity[1]).toBeCloseTo(1, 2);
    // a's third template lies after b's row: the sum still takes all three of a's, none of b's.
    gallery.enrol('a', [{ embedding: unit(0) }]);
    expect(gallery.centroidNormOfIdentity[0]).toBeCloseTo(Math.sqrt(5), 2);
    expect(gallery.centroidNormOfIdentity[1]).toBeCloseTo(1, 2);
  });

  it('refuses a gallery of no dimension and an identity without an id, naming what was wrong', () => {
    for (const dimension of [0, -1, 1.5]) expect(() => new GalleryTemplates(dimension)).toThrow(`gallery dimension must be a positive integer, not ${dimension}`);
    const gallery = new GalleryTemplates(4);
    expect(() => gallery.enrol('', [{ embedding: [1, 0, 0, 0] }])).toThrow('an identity id must not be empty');
    expect(() => gallery.enrol('x', [{ embedding: [1, 0, 0, 0] }, { embedding: [1, 0] }])).toThrow('template 1 of x has 2 values; the gallery holds 4');
    expect(gallery.size).toBe(0);
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

  it('never offers a removed traveller again; travellers enrolled before and after keep their own templates', () => {
    const gallery = new GalleryTemplates(64);
    gallery.enrol('a', [{ embedding: vector(1, 64) }, { embedding: vector(2, 64), quality: 0.5 }]);
    gallery.enrol('b', [{ embedding: vector(3, 64) }]);
    gallery.enrol('c', [{ embedding: vector(4, 64) }, { embedding: vector(5, 64), quality: 0.25 }]);
    const normsBefore = [...gallery.centroidNormOfIdentity];
    const before = gallery.scores(vector(9, 64)).slice();
    // The removed identity sits between two others: the one before keeps its index, the one after moves up.
    expect(gallery.remove('b')).toBe(true);
    expect(gallery.size).toBe(4);
    expect(gallery.identityCount).toBe(2);
    expect([...gallery.ownerOfTemplate]).toEqual([0, 0, 1, 1]);
    expect([...gallery.qualityOfTemplate]).toEqual([1, 0.5, 1, 0.25]);
    expect(gallery.indexOf('b')).toBeUndefined();
    expect(gallery.indexOf('a')).toBe(0);
    expect(gallery.indexOf('c')).toBe(1);
    expect(gallery.identityAt(1)).toBe('c');
    expect(gallery.centroidNormOfIdentity).toEqual([normsBefore[0], normsBefore[2]]);
    expect([...gallery.scores(vector(9, 64))]).toEqual([before[0], before[1], before[3], before[4]]);
    // Enrolling the moved identity again adds to it, not to a new or a wrong one.
    expect(gallery.enrol('c', [{ embedding: vector(6, 64) }])).toBe(3);
    expect([...gallery.ownerOfTemplate]).toEqual([0, 0, 1, 1, 1]);
    expect(gallery.identities()).toEqual([
      { identityId: 'a', templates: 2 },
      { identityId: 'c', templates: 3 },
    ]);
  });

  it('holds nothing once cleared, and enrols afresh after', () => {
    const gallery = new GalleryTemplates(16);
    gallery.enrol('a', [{ embedding: vector(1, 16) }]);
    gallery.enrol('b', [{ embedding: vector(2, 16) }]);
    gallery.clear();
    expect(gallery.size).toBe(0);
    expect(gallery.identityCount).toBe(0);
    expect(gallery.identities()).toEqual([]);
    expect(gallery.indexOf('a')).toBeUndefined();
    expect(gallery.centroidNormOfIdentity).toEqual([]);
    expect(gallery.scores(vector(3, 16)).length).toBe(0);
    expect(gallery.enrol('b', [{ embedding: vector(2, 16) }])).toBe(1);
    expect(gallery.indexOf('b')).toBe(0);
    expect([...gallery.ownerOfTemplate]).toEqual([0]);
  });

  it('names the index when asked for an identity it does not hold', () => {
    const gallery = new GalleryTemplates(4);
    gallery.enrol('a', [{ embedding: [1, 0, 0, 0] }]);
    expect(gallery.identityAt(0)).toBe('a');
    expect(() => gallery.identityAt(1)).toThrow(new RangeError('no identity at index 1'));
  });

  it('writes each search into the same score array (no allocation per face), also when the gallery is full', () => {
    // A gallery at exactly its capacity: the array sized for it is reused, not replaced.
    const gallery = new GalleryTemplates(16, 4);
    for (let i = 0; i < 4; i++) gallery.enrol(`id-${i}`, [{ embedding: vector(i + 1, 16) }]);
    const first = gallery.scores(vector(7, 16));
    const firstValues = [...first];
    const second = gallery.scores(vector(8, 16));
    expect(second.buffer).toBe(first.buffer);
    expect([...first]).toEqual([...second]);
    expect([...second]).not.toEqual(firstValues);
  });

  it('scores a gallery filled to the capacity it was sized for, the last template included', () => {
    // 4,000 16-d rows end inside the arena's first page; their score slots run past it into the second.
    const gallery = new GalleryTemplates(16, 4_000);
    const templates = Array.from({ length: 4_000 }, (_, i) => vector(i + 1, 16));
    templates.forEach((embedding, i) => gallery.enrol(`id-${i}`, [{ embedding }]));
    const probe = vector(4_000, 16);
    const scores = gallery.scores(probe);
    expect(scores.length).toBe(4_000);
    expect(scores[3_999]).toBeCloseTo(1, 2);
    // 16 values quantise more coarsely than 512: a wider tolerance than the 512-d tests'.
    for (const i of [0, 3_276, 3_998]) expect(Math.abs(scores[i]! - cosine(templates[i]!, probe))).toBeLessThan(3e-2);
  });

  it('grows by a quarter when full, so the next enrolments reserve nothing', () => {
    const gallery = new GalleryTemplates(16);
    const enrolUpTo = (templates: number) => {
      for (let i = gallery.size; i < templates; i++) gallery.enrol(`id-${i}`, [{ embedding: vector(i + 1, 16) }]);
    };
    enrolUpTo(64);
    const full = gallery.bytes;
    // The 65th template grows the default 64 slots to 80: three parallel arrays of 4 bytes a slot, the arena
    // still inside its first page.
    enrolUpTo(65);
    const grown = gallery.bytes;
    expect(grown - full).toBe(16 * 3 * 4);
    enrolUpTo(80);
    expect(gallery.bytes).toBe(grown);
    enrolUpTo(81);
    expect(gallery.bytes).toBe(grown + 20 * 3 * 4);
  });
});
