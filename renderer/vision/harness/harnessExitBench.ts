import type { SearchPipeline } from '../../../app/biometrics/identification/searchPipeline';
import { encodeGalleryTemplates } from '../../storage/exitGalleryTemplates';
import type { VisionClient } from '../visionClient';

/**
 * The page side of `npm run bench:exit`: galleries of synthetic templates (random unit vectors: search time
 * does not depend on who is in the gallery) enrolled in the booth's worker, searched one probe at a time as
 * the exit lane does. Figures come from the worker (search time inside it) and the page (round trip).
 */
export interface GalleryBenchFigures {
  readonly templates: number;
  readonly kernel: string;
  readonly enrolMs: number;
  readonly templatesPerSecond: number;
  /** Bytes the worker holds for the gallery (search block and parallel arrays, growth slack included). */
  readonly galleryBytes: number;
  readonly searchMs: { readonly median: number; readonly p95: number };
  readonly roundTripMs: { readonly median: number; readonly p95: number };
}

/**
 * What a gallery costs in memory beside the worker's copy, measured (page JS heap after a forced GC, Chromium's
 * precise memory info) in one run for the two designs: the page keeping a float32 copy of every template to
 * re-enrol a restarted worker (before), and the page keeping none, a restarted worker re-enrolled from the sealed
 * store at rest (after).
 */
export interface GalleryMemoryFigures {
  readonly templates: number;
  readonly workerBytes: number;
  /** Page heap growth while the page held a float32 copy (the previous galleryClient); null without precise memory info. */
  readonly pageCopyBeforeBytes: number | null;
  /** Page heap growth with the gallery enrolled and nothing kept by the page. */
  readonly pageAfterBytes: number | null;
  /** The templates sealed at rest in IndexedDB (not memory): what a restarted worker is re-enrolled from. */
  readonly atRestBytes: number;
}

export function randomUnit(dimension: number, random: () => number): Float32Array {
  const v = new Float32Array(dimension);
  let norm = 0;
  for (let i = 0; i < dimension; i++) {
    v[i] = random() - 0.5;
    norm += v[i]! * v[i]!;
  }
  for (let i = 0; i < dimension; i++) v[i]! /= Math.sqrt(norm);
  return v;
}

export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const quantiles = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(3));
  return { median: at(0.5), p95: at(0.95), max: at(1) };
};

const PIPELINE: SearchPipeline = { fusion: 'centroid', normalisation: 'none' };

/** Enrols `templates` synthetic templates (in chunks, as a lane gallery arrives) and times `searches` searches. */
export async function benchGallery(client: VisionClient, templates: number, searches: number, dimension: number): Promise<GalleryBenchFigures> {
  const random = lcg(templates);
  const galleryId = `bench-${templates}`;
  const chunk = 2000;
  let enrolMs = 0;
  let bytes = 0;
  let kernel = '';
  for (let start = 0; start < templates; start += chunk) {
    const identities = Array.from({ length: Math.min(chunk, templates - start) }, (_, i) => ({ identityId: `T${start + i}`, embeddings: [randomUnit(dimension, random)] }));
    const began = performance.now();
    const reply = await client.enrolGallery({ galleryId, identities, replace: start === 0 });
    enrolMs += performance.now() - began;
    if (!reply.ok) throw new Error(`enrolment refused: ${reply.error.message}`);
    bytes = reply.gallery.bytes;
    kernel = reply.gallery.kernel;
  }
  const searchMs: number[] = [];
  const roundTripMs: number[] = [];
  for (let s = 0; s < searches; s++) {
    const began = performance.now();
    const reply = await client.searchGallery({ galleryId, embedding: randomUnit(dimension, random), pipeline: PIPELINE, candidates: 5 });
    roundTripMs.push(performance.now() - began);
    if (!reply.ok) throw new Error(`search refused: ${reply.error.message}`);
    searchMs.push(reply.searchMs);
  }
  await client.dropGallery(galleryId);
  const { max: _s, ...search } = quantiles(searchMs);
  const { max: _r, ...roundTrip } = quantiles(roundTripMs);
  return { templates, kernel, enrolMs: Number(enrolMs.toFixed(1)), templatesPerSecond: Math.round(templates / (enrolMs / 1000)), galleryBytes: bytes, searchMs: search, roundTripMs: roundTrip };
}

/**
 * Page heap in use after full collections (the bench starts Chromium with --expose-gc and precise memory info),
 * with a pause between them for the message queues to let go of what was posted to the worker.
 */
async function pageHeap(): Promise<number | null> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; round < 3; round++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;
}

/** The gallery memory of both designs at `templates` templates (see GalleryMemoryFigures). */
export async function benchGalleryMemory(client: VisionClient, templates: number, dimension: number): Promise<GalleryMemoryFigures> {
  const random = lcg(templates + 1);
  const identities = () => Array.from({ length: templates }, (_, i) => ({ identityId: `T${i}`, embeddings: [randomUnit(dimension, random)] }));
  const enrol = async (galleryId: string, members: ReturnType<typeof identities>) => {
    const reply = await client.enrolGallery({ galleryId, identities: members, replace: true });
    if (!reply.ok) throw new Error(`enrolment refused: ${reply.error.message}`);
    return reply.gallery.bytes;
  };
  // Before: the page kept every template it enrolled, as float32, to re-enrol a restarted worker.
  const startBefore = await pageHeap();
  const pageCopy = new Map(identities().map((m) => [m.identityId, m.embeddings]));
  await enrol('bench-memory-before', [...pageCopy].map(([identityId, embeddings]) => ({ identityId, embeddings })));
  const heldBefore = await pageHeap();
  await client.dropGallery('bench-memory-before');
  pageCopy.clear();
  // After: the page keeps nothing; the templates are sealed at rest (their encoded size is what IndexedDB holds).
  const startAfter = await pageHeap();
  // The templates are created, sent and measured at rest in a scope of their own: nothing of them stays on the page.
  const { workerBytes, atRestBytes } = await (async () => {
    const members = identities();
    return { atRestBytes: encodeGalleryTemplates({ galleryId: 'bench-memory-after', identities: members }).byteLength, workerBytes: await enrol('bench-memory-after', members) };
  })();
  const heldAfter = await pageHeap();
  await client.dropGallery('bench-memory-after');
  const delta = (from: number | null, to: number | null) => (from === null || to === null ? null : Math.max(0, to - from));
  return { templates, workerBytes, pageCopyBeforeBytes: delta(startBefore, heldBefore), pageAfterBytes: delta(startAfter, heldAfter), atRestBytes };
}
