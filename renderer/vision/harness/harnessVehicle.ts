import type { Box } from '../../../app/biometrics/geometry';
import { intersectionOverUnion } from '../../../app/biometrics/geometry';
import { cosineSimilarity, fuseEmbeddings } from '../../../app/biometrics/embeddingMath';
import { matchProvenance } from '../../../app/biometrics/faceMatching';
import { assignRoster } from '../../../app/biometrics/rosterAssignment';
import type { Remote } from 'comlink';
import { wrap } from 'comlink';
import type { RgbaImage } from '../../../app/scene/rgbaImage';
import type { OccupantOutcome, PacedFrame, VariantOutcome, VehicleRunResult, VehicleRunSpec } from '../../../app/scene/vehicleRun';
import { rowOf } from '../../../app/scene/vehicleApproach';
import { CapturePacing } from '../../../app/scene/capturePacing';
import { CameraTurns } from '../../../app/scene/cameraTurns';
import type { FrameFaces } from '../../../app/scene/cameraTurns';
import type { VisionClient } from '../visionClient';
import { SeatPaths } from '../../../app/inspection/seatOfTrack';
import type { TrackSighting } from '../../../app/inspection/vehicleSessionInput';
import { associationInput, laneCards } from './vehicleCards';
import { defaultModels } from '../shippedModels';
import type { RenderedFrame, SceneRenderService } from './sceneRender.worker';

/**
 * The vehicle protocol of `booth faces eval`, page side: renders one vehicle's approach on each camera with the
 * lane scene renderer, feeds the frames to the booth's vision worker as the lane's capture loop does (one
 * frame at a time, each camera under its own id, tracks per camera), embeds the occupants' document photos as
 * references, and decides who is who as the lane does (each track's best shots fused, compared at the booth's
 * target false-match rate, optimal assignment). Several capture variants (worker profiles) run on the same
 * rendered frames, each under its own camera ids, and fusion variants on the same tracks.
 */
type Camera = VehicleRunSpec['cameras'][number];

interface TrackRecord {
  readonly cameraId: string;
  readonly votes: Map<number, number>;
  readonly probes: { quality: number; embedding: Float32Array; atMs: number }[];
  /** Its first and last sightings (every frame it was in), as the lane's store keeps them. */
  sighted: TrackSighting;
}

async function decode(url: string): Promise<RgbaImage> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  const bitmap = await createImageBitmap(await response.blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const data = context.getImageData(0, 0, canvas.width, canvas.height);
  return { width: data.width, height: data.height, data: data.data };
}

let renderWorker: Remote<SceneRenderService> | undefined;

/** The scene render worker, started on first use and kept for the page's life (one vehicle after another). */
const sceneRenderer = (): Remote<SceneRenderService> =>
  (renderWorker ??= wrap<SceneRenderService>(new Worker(new URL('./sceneRender.worker.ts', import.meta.url), { type: 'module', name: 'booth-scene-render' })));

async function png(image: RgbaImage): Promise<string> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  canvas.getContext('2d')?.putImageData(new ImageData(image.data as Uint8ClampedArray<ArrayBuffer>, image.width, image.height), 0, 0);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** A drawn face this hidden or more is nobody's detection (its share visible, OccupantTruth.visibleFraction). */
const MIN_VISIBLE_TO_OWN = 0.25;

/** The occupant whose drawn face best overlaps a detected box (-1: nobody's). */
function occupantAt(box: Box, truths: readonly { slot: number; box: Box }[]): number {
  let best = -1;
  let bestIou = 0.15;
  for (const truth of truths) {
    const iou = intersectionOverUnion(box, truth.box);
    if (iou > bestIou) {
      bestIou = iou;
      best = truth.slot;
    }
  }
  return best;
}

/** Fusions of a track's best shots: the lane's (mean of the 5 best by quality) and the quality-weighted lever. */
const FUSIONS = {
  'best5-mean': (probes: TrackRecord['probes']) => fuseEmbeddings(probes.slice(0, 5).map((p) => p.embedding)),
  'best5-quality-weighted': (probes: TrackRecord['probes']) => fuse(probes.slice(0, 5), (q) => q * q),
} as const;

function fuse(probes: TrackRecord['probes'], weight: (quality: number) => number): Float32Array {
  const first = probes[0]?.embedding;
  const sum = new Float32Array(first?.length ?? 0);
  for (const probe of probes) {
    const w = weight(Math.max(probe.quality, 1e-3));
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) + (probe.embedding[i] ?? 0) * w;
  }
  const norm = Math.hypot(...sum) || 1;
  return sum.map((v) => v / norm);
}

export async function runVehicle(client: VisionClient, spec: VehicleRunSpec): Promise<VehicleRunResult> {
  // Where the vehicle's wall time goes (ms per step, summed over its frames): the eval prints it.
  const steps: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      steps[step] = (steps[step] ?? 0) + performance.now() - started;
    }
  };
  const vehicleStarted = performance.now();
  const faces = await timed('decodeFaces', () => Promise.all(spec.faceUrls.map(async (url) => ({ image: await decode(url) }))));
  const documents = await timed('embedDocuments', () => Promise.all(
    spec.documentUrls.map(async (url) => {
      const still = await client.embedStill(await (await fetch(url)).blob(), { select: 'central', minInterEyePx: 0 });
      return still.ok ? still.face.embedding : undefined;
    }),
  ));
  const scenes = sceneRenderer();
  steps.rendererSetup = await scenes.prepare({ approach: spec.approach, cameras: spec.cameras, faces: faces.map((f) => f.image), ...(spec.renderSeats ? { render: spec.renderSeats } : {}) });
  // Each vehicle starts with no tracks, as the lane's cameras do when a new vehicle's scene arrives (a track left from
  // the previous vehicle would otherwise take over this one's faces where they pass the same place).
  await timed('resetCameras', () => Promise.all(spec.cameras.flatMap((camera) => spec.variants.map((variant) => client.resetCamera(`${camera.id}|${variant.name}`)))));
  const tracks = spec.variants.map(() => new Map<string, TrackRecord>());
  const processMs = spec.variants.map(() => [] as number[]);
  const seen = spec.variants.map(() => ({ faces: 0, reasons: {} as Record<string, number> }));
  const frames: { camera: string; index: number; png: string }[] = [];
  const frameCount = Math.max(...(await Promise.all(spec.cameras.map((camera) => scenes.frameCount(camera.id)))));
  const renderFrame = (camera: Camera, index: number) => scenes.render(camera.id, index, spec.variants.length, spec.keepFrames.includes(index));

  const trace: PacedFrame[] = [];
  /** Takes a rendered frame's worker results into the variants' tracks; `atMs`: when its result was there (ms since the vehicle entered). */
  const processFrame = async (camera: Camera, frame: RenderedFrame, atMs: (v: number, faces: FrameFaces) => number) => {
    steps['render (own worker)'] = (steps['render (own worker)'] ?? 0) + frame.renderMs;
    steps['bitmaps (own worker)'] = (steps['bitmaps (own worker)'] ?? 0) + frame.bitmapMs;
    if (frame.pixels) frames.push({ camera: camera.id, index: frame.index, png: await timed('png', () => png(frame.pixels as RgbaImage)) });
    // Whose face a detection is: the drawn faces it overlaps, among those not mostly hidden (with every occupant drawn on
    // every camera, a front-row head stands before the face behind it, whose box it overlaps but which no detector sees).
    const truths = frame.occupants.filter((o) => o.visibleFraction >= MIN_VISIBLE_TO_OWN).map((o) => ({ slot: spec.approach.occupants.findIndex((p) => p.seat === o.seat), box: o.box }));
    for (const [v, variant] of spec.variants.entries()) {
      const profile = variant.profiles[camera.id];
      const bitmap = frame.bitmaps[v] as ImageBitmap;
      const sent = performance.now();
      const result = await client.processFrame(bitmap, `${camera.id}|${variant.name}`, frame.timestampMs, profile);
      const roundTripMs = performance.now() - sent;
      steps.processFrame = (steps.processFrame ?? 0) + roundTripMs;
      if (result.dropped) throw new Error('the worker dropped a frame the evaluation waited for');
      processMs[v]?.push(result.timings.totalMs);
      steps['worker.total'] = (steps['worker.total'] ?? 0) + result.timings.totalMs;
      for (const [stage, ms] of Object.entries(result.timings.stages ?? {})) steps[`worker.${stage}`] = (steps[`worker.${stage}`] ?? 0) + ms;
      const resultAtMs = atMs(roundTripMs, { faces: result.faces.map((face) => ({ trackId: face.trackId, comparable: face.embedding !== undefined })) });
      if (spec.pacing) {
        const faces = result.faces.map((face) => ({ slot: occupantAt(face.box, truths), interEyePx: Math.round(face.quality.interEyePx), reasons: face.quality.reasons, embedded: face.embedding !== undefined }));
        trace.push({ camera: camera.id, index: frame.index, atMs: resultAtMs, workerMs: result.timings.totalMs, detectMs: result.timings.detectMs, embedMs: result.timings.embedMs, faces });
      }
      for (const face of result.faces) {
        const tally = seen[v];
        if (tally) {
          tally.faces++;
          for (const reason of face.quality.reasons) tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
        }
        const box = { x: face.box.x, y: face.box.y, width: face.box.width, height: face.box.height };
        const known = tracks[v]?.get(face.trackId) ?? { cameraId: camera.id, votes: new Map<number, number>(), probes: [], sighted: { firstMs: frame.timestampMs, firstBox: box, lastMs: frame.timestampMs, lastBox: box } };
        known.sighted = { ...known.sighted, lastMs: frame.timestampMs, lastBox: box };
        tracks[v]?.set(face.trackId, known);
        const slot = occupantAt(face.box, truths);
        known.votes.set(slot, (known.votes.get(slot) ?? 0) + 1);
        if (face.embedding) {
          known.probes.push({ quality: face.quality.score, embedding: face.embedding, atMs: resultAtMs });
          known.probes.sort((a, b) => b.quality - a.quality);
        }
      }
    }
  };

  let framesProcessed = 0;
  let loopMs: number | undefined;
  if (spec.pacing) {
    // As the lane's capture loop runs on this machine (app/scene/capturePacing.ts): rendering is not on the clock.
    if (spec.variants.length !== 1) throw new Error('a paced run measures one capture variant');
    const pacing = new CapturePacing(spec.cameras, spec.cameras[0]?.geometry.fps ?? 15, frameCount, spec.pacing.roundPauseMs, new CameraTurns<Camera>(spec.pacing.turns ?? 'round-robin'));
    for (let taken = pacing.take(); taken; taken = pacing.take()) {
      const { camera, index } = taken;
      const frame = await timed('waitForRender', () => renderFrame(camera, index));
      await processFrame(camera, frame, (roundTripMs, faces) => pacing.processed(roundTripMs, faces));
      framesProcessed++;
    }
    loopMs = pacing.nowMs;
  } else {
    // Every n-th frame of each camera, the worker taken as keeping up: a result is there at its frame's time. The
    // next frame renders (in its own worker) while the vision worker processes this one.
    const jobs = Array.from({ length: Math.ceil(frameCount / spec.frameStride) }, (_, k) => k * spec.frameStride).flatMap((index) => spec.cameras.map((camera) => ({ camera, index })));
    let next = jobs[0] ? renderFrame(jobs[0].camera, jobs[0].index) : undefined;
    for (const [j, { camera }] of jobs.entries()) {
      const frame = await timed('waitForRender', () => next as Promise<RenderedFrame>);
      const after = jobs[j + 1];
      next = after ? renderFrame(after.camera, after.index) : undefined;
      await processFrame(camera, frame, () => frame.timestampMs);
      framesProcessed++;
    }
  }
  const lastFrameDone = performance.now();
  const provenance = matchProvenance(defaultModels().embedder, { targetFmr: spec.targetFmr });
  const { threshold } = provenance;
  const outcomes: VariantOutcome[] = [];
  const seatPaths = new Map(spec.cameras.map((camera) => [camera.id, new SeatPaths(camera.geometry)]));
  for (const [v, variant] of spec.variants.entries()) {
    const embedded = [...(tracks[v]?.entries() ?? [])].filter(([, t]) => t.probes.length > 0).map(([trackId, t]) => ({ ...t, trackId }));
    const ownerOf = (t: TrackRecord) => [...t.votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? -1;
    const association = associationInput(embedded, seatPaths, spec.targetFmr);
    for (const [fusion, fuseProbes] of Object.entries(FUSIONS)) {
      const probes = embedded.map((t) => fuseProbes(t.probes));
      const similarity = probes.map((p) => documents.map((d) => (d ? cosineSimilarity(p, d) : Number.NaN)));
      const roster = assignRoster(similarity, documents.length, { minSimilarity: threshold });
      const cards = (withAssociation: boolean) => laneCards(roster, similarity, provenance, association, withAssociation, (f) => {
        const track = embedded[f];
        return track ? ownerOf(track) : -1;
      });
      const [joined, unjoined] = [cards(true), cards(false)];
      const occupants = spec.approach.occupants.map((occupant, slot): OccupantOutcome => {
        const mine = embedded.filter((t) => ownerOf(t) === slot);
        const firstMs = Math.min(...mine.flatMap((t) => t.probes.map((p) => p.atMs)));
        const ownPair = roster.pairs.find((p) => p.identity === slot);
        return {
          seat: occupant.seat,
          row: rowOf(occupant.seat),
          documentUsable: documents[slot] !== undefined,
          captured: mine.length > 0,
          matched: ownPair !== undefined && ownerOf(embedded[ownPair.face] as TrackRecord) === slot,
          wrongAssignment: roster.pairs.some((p) => p.identity !== slot && ownerOf(embedded[p.face] as TrackRecord) === slot),
          resultMs: Number.isFinite(firstMs) ? firstMs : null,
        };
      });
      outcomes.push({ name: variant.name, fusion, occupants, counted: joined.counted, strayTracks: joined.strayTracks, extraCards: joined.extraCards, wrongCards: joined.wrongCards, wrongJoins: joined.wrongJoins, tracksAsCards: { counted: unjoined.counted, strayTracks: unjoined.strayTracks, extraCards: unjoined.extraCards, wrongCards: unjoined.wrongCards }, strayAssigned: roster.pairs.filter((p) => ownerOf(embedded[p.face] as TrackRecord) < 0).length, processMs: processMs[v] ?? [], facesSeen: seen[v]?.faces ?? 0, reasons: seen[v]?.reasons ?? {} });
    }
  }
  steps.decide = performance.now() - lastFrameDone;
  steps.total = performance.now() - vehicleStarted;
  return { outcomes, frames, recordMs: (performance.now() - lastFrameDone) / Math.max(1, outcomes.length), profile: steps, framesProcessed, ...(loopMs === undefined ? {} : { loopMs, trace }) };
}
