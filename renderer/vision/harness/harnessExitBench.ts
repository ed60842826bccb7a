import type { SearchPipeline } from '../../../app/biometrics/identification/searchPipeline';
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
  /**
   * Bytes of the float32 embeddings the page keeps to re-enrol the gallery after a worker restart
   * (galleryClient.ts): dimension x 4 per template, object overhead aside. Memory the gallery costs beside the worker's.
   */
  readonly pageCopyBytes: number;
  readonly searchMs: { readonly median: number; readonly p95: number };
  readonly roundTripMs: { readonly median: number; readonly p95: number };
}

export interface VehicleBenchFigures {
  /** From the last occupant's best-shot embedding to the last identification result on the page, per vehicle. */
  readonly lastFaceToIdentifiedMs: { readonly median: number; readonly p95: number; readonly max: number };
  readonly occupants: number;
  readonly galleryTemplates: number;
  /** 'identify' (calibrated FPIR decision) or 'search' (the embedder has no identification calibration yet). */
  readonly path: 'identify' | 'search';
}

function randomUnit(dimension: number, random: () => number): Float32Array {
  const v = new Float32Array(dimension);
  let norm = 0;
  for (let i = 0; i < dimension; i++) {
    v[i] = random() - 0.5;
    norm += v[i]! * v[i]!;
  }
  for (let i = 0; i < dimension; i++) v[i]! /= Math.sqrt(norm);
  return v;
}

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const quantiles = (values: readonly number[]) => {
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
  return { templates, kernel, enrolMs: Number(enrolMs.toFixed(1)), templatesPerSecond: Math.round(templates / (enrolMs / 1000)), galleryBytes: bytes, pageCopyBytes: templates * dimension * Float32Array.BYTES_PER_ELEMENT, searchMs: search, roundTripMs: roundTrip };
}

/**
 * A 4-occupant exit vehicle: the occupants' best-shot embeddings are ready (the last face acquired at t0), each
 * is identified against the lane gallery; the figure is t0 to the last result on the page. Identifications go
 * out together, as the lane sends them when a vehicle's faces are complete. The exit decision itself (exitlane)
 * adds its stage after this one.
 */
export async function benchVehicle(client: VisionClient, galleryTemplates: number, vehicles: number, occupants: number, dimension: number, targetFpir: number): Promise<VehicleBenchFigures> {
  const random = lcg(7);
  const galleryId = 'bench-vehicle';
  const members = Array.from({ length: galleryTemplates }, (_, i) => ({ identityId: `T${i}`, embeddings: [randomUnit(dimension, random)] }));
  const enrolled = await client.enrolGallery({ galleryId, identities: members, replace: true });
  if (!enrolled.ok) throw new Error(`enrolment refused: ${enrolled.error.message}`);
  const probe = client.identify({ galleryId, embedding: randomUnit(dimension, random), targetFpir });
  const calibrated = (await probe).ok;
  const times: number[] = [];
  for (let v = 0; v < vehicles; v++) {
    const faces = Array.from({ length: occupants }, () => randomUnit(dimension, random));
    const t0 = performance.now();
    const results = await Promise.all(
      faces.map((embedding) => (calibrated ? client.identify({ galleryId, embedding, targetFpir }) : client.searchGallery({ galleryId, embedding, pipeline: PIPELINE, candidates: 5 }))),
    );
    times.push(performance.now() - t0);
    const failed = results.find((r) => !r.ok);
    if (failed && !failed.ok) throw new Error(`identification failed: ${failed.error.message}`);
  }
  await client.dropGallery(galleryId);
  return { lastFaceToIdentifiedMs: quantiles(times), occupants, galleryTemplates, path: calibrated ? 'identify' : 'search' };
}
