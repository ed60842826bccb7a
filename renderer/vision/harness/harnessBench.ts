import { boxCentre, type Box } from '../../../app/biometrics/geometry';
import { cosineSimilarity } from '../../../app/biometrics/embeddingMath';
import type { VisionClient } from '../visionClient';

/**
 * Benchmark side of the harness: synthetic frames with 1..8 real faces (dataset photos tiled on a canvas),
 * processed by our worker and, on the very same frames, by a peer browser library (@vladmandic/human with its
 * WASM backend), so the two are compared side by side in one run on a noisy machine.
 */
export interface FrameSpec {
  readonly width: number;
  readonly height: number;
  readonly faces: number;
  /** Overlapping tiles (the vehicle profile), for frames whose faces are small. */
  readonly tiled?: boolean;
}

/** Camera ids the harness configures: the tiled one uses the vehicle profile. */
export const BENCH_CAMERA = 'bench';
export const BENCH_TILED_CAMERA = 'bench-tiled';

export interface BenchFigures {
  frames: number;
  readonly facesFound: number[];
  readonly detectMs: number[];
  readonly perFaceMs: number[];
  readonly totalMs: number[];
  /** Per stage, ms per frame (cpuCopy, detect) or per face (the rest): only our worker reports stages. */
  readonly stagesMs?: Record<string, number[]>;
}

async function loadImages(urls: readonly string[]): Promise<ImageBitmap[]> {
  return Promise.all(urls.map(async (url) => createImageBitmap(await (await fetch(url)).blob())));
}

/** Where each of a frame's `faces` photos goes: one square tile each, in rows, centred on the frame. */
export function frameTiles(spec: FrameSpec): Box[] {
  const cols = spec.faces === 1 ? 1 : spec.faces <= 4 ? 2 : 4;
  const rows = Math.ceil(spec.faces / cols);
  const size = Math.min(spec.width / cols, spec.height / rows) * (spec.faces === 1 ? 0.8 : 1);
  const x0 = (spec.width - cols * size) / 2;
  const y0 = (spec.height - rows * size) / 2;
  return Array.from({ length: spec.faces }, (_, i) => ({ x: x0 + (i % cols) * size, y: y0 + Math.floor(i / cols) * size, width: size, height: size }));
}

/** Tiles `faces` photos over a grey frame (the photos are face-centred, so one face per tile). */
export async function composeFrame(photos: readonly ImageBitmap[], spec: FrameSpec, offset: number): Promise<OffscreenCanvas> {
  const canvas = new OffscreenCanvas(spec.width, spec.height);
  const c = canvas.getContext('2d');
  if (!c) throw new Error('2d canvas unavailable');
  c.fillStyle = '#777';
  c.fillRect(0, 0, spec.width, spec.height);
  for (const [i, tile] of frameTiles(spec).entries()) {
    const photo = photos[(offset + i) % photos.length];
    if (photo) c.drawImage(photo, tile.x, tile.y, tile.width, tile.height);
  }
  return canvas;
}

export async function benchOurs(client: VisionClient, photoUrls: readonly string[], spec: FrameSpec, repeats: number): Promise<BenchFigures> {
  const photos = await loadImages(photoUrls);
  const stagesMs: Record<string, number[]> = {};
  const out: BenchFigures = { frames: 0, facesFound: [], detectMs: [], perFaceMs: [], totalMs: [], stagesMs };
  for (let r = 0; r < repeats; r++) {
    const frame = await composeFrame(photos, spec, r * spec.faces);
    const bitmap = frame.transferToImageBitmap();
    // Tracks are reset before every frame: every face is a new track, so every face is landmarked and embedded.
    const camera = spec.tiled ? BENCH_TILED_CAMERA : BENCH_CAMERA;
    await client.resetCamera(camera);
    const result = await client.processFrame(bitmap, camera);
    if (result.dropped) continue;
    out.frames++;
    out.facesFound.push(result.faces.length);
    out.detectMs.push(result.timings.detectMs);
    if (result.faces.length) out.perFaceMs.push((result.timings.landmarksMs + result.timings.embedMs) / result.faces.length);
    out.totalMs.push(result.timings.totalMs);
    for (const [stage, ms] of Object.entries(result.timings.stages ?? {})) {
      const perFrame = stage === 'cpuCopy' || stage === 'detect';
      (stagesMs[stage] ??= []).push(perFrame ? ms : ms / Math.max(1, result.faces.length));
    }
  }
  photos.forEach((p) => p.close());
  return out;
}

interface HumanLike {
  load(): Promise<void>;
  detect(input: OffscreenCanvas | HTMLCanvasElement | HTMLVideoElement, config?: object): Promise<{ face: { embedding?: number[] }[] }>;
  init(): Promise<void>;
}

let human: HumanLike | undefined;
const humanConfig = (description: boolean) => ({
  backend: 'wasm',
  wasmPath: '/__peer/tfjs/',
  wasmPlatformFetch: false,
  modelBasePath: '/__peer/human/models/',
  debug: false,
  warmup: 'none',
  cacheSensitivity: 0,
  filter: { enabled: false },
  face: {
    enabled: true,
    detector: { enabled: true, rotation: false, maxDetected: 10, minConfidence: 0.5, skipFrames: 0, skipTime: 0, return: false },
    mesh: { enabled: description },
    iris: { enabled: false },
    description: { enabled: description, skipFrames: 0, skipTime: 0 },
    emotion: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
    attention: { enabled: false },
    gear: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: false },
});

export async function initHuman(): Promise<string> {
  const module = (await import('@vladmandic/human')) as unknown as { Human: new (config: object) => HumanLike & { tf: { getBackend(): string } } };
  const instance = new module.Human(humanConfig(true));
  await instance.init();
  await instance.load();
  human = instance;
  return instance.tf.getBackend();
}

export async function benchHuman(photoUrls: readonly string[], spec: FrameSpec, repeats: number): Promise<BenchFigures> {
  if (!human) throw new Error('initHuman() first');
  const photos = await loadImages(photoUrls);
  const out: BenchFigures = { frames: 0, facesFound: [], detectMs: [], perFaceMs: [], totalMs: [] };
  for (let r = 0; r < repeats; r++) {
    const frame = await composeFrame(photos, spec, r * spec.faces);
    const d0 = performance.now();
    await human.detect(frame, humanConfig(false));
    const d1 = performance.now();
    const full = await human.detect(frame, humanConfig(true));
    const d2 = performance.now();
    out.frames++;
    out.facesFound.push(full.face.length);
    out.detectMs.push(d1 - d0);
    if (full.face.length) out.perFaceMs.push(Math.max(0, d2 - d1 - (d1 - d0)) / full.face.length);
    out.totalMs.push(d2 - d1);
  }
  photos.forEach((p) => p.close());
  return out;
}

/** Sustained processing rate of the peer on the live camera, on the page thread as the library is used. */
export async function liveHuman(durationMs: number): Promise<{ processedPerSecond: number; frames: number }> {
  if (!human) throw new Error('initHuman() first');
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = stream;
  await video.play();
  const started = performance.now();
  let frames = 0;
  while (performance.now() - started < durationMs) {
    await human.detect(video, humanConfig(true));
    frames++;
  }
  for (const track of stream.getTracks()) track.stop();
  return { processedPerSecond: frames / ((performance.now() - started) / 1000), frames };
}

/** Memory of the page and its workers, where the browser can measure it (needs cross-origin isolation). */
export async function measureMemory(): Promise<number | null> {
  const measure = (performance as Performance & { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> }).measureUserAgentSpecificMemory;
  if (!measure) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000));
  const result = await Promise.race([measure.call(performance), timeout]);
  return result ? result.bytes : null;
}

/**
 * One frame with `photoUrls.length` faces tiled as the benchmark tiles them: for each face found, the tile it
 * sits in and its cosine similarity to each photo embedded alone as a still. Checks that a frame's faces,
 * landmarked and embedded in one batch, each keep their own embedding.
 */
export async function frameFacesAgainstStills(client: VisionClient, photoUrls: readonly string[]): Promise<{ tile: number; similarities: number[] }[]> {
  // Tiles large enough for the quality gate (at least 40 px between the eyes): only faces that pass it are embedded.
  const spec: FrameSpec = { width: 1280, height: 960, faces: photoUrls.length };
  const photos = await loadImages(photoUrls);
  const stills: Float32Array[] = [];
  for (const photo of photos) {
    const still = await client.embedStill(await createImageBitmap(photo), { select: 'central', minInterEyePx: 0 });
    if (!still.ok) throw new Error(`still ${stills.length}: ${still.error.message}`);
    stills.push(still.face.embedding);
  }
  const frame = await composeFrame(photos, spec, 0);
  photos.forEach((p) => p.close());
  await client.resetCamera(BENCH_CAMERA);
  const result = await client.processFrame(frame.transferToImageBitmap(), BENCH_CAMERA);
  const tiles = frameTiles(spec);
  return result.faces.map((face) => {
    const centre = boxCentre(face.box);
    const tile = tiles.findIndex((t) => centre.x >= t.x && centre.x < t.x + t.width && centre.y >= t.y && centre.y < t.y + t.height);
    const e = face.embedding;
    return { tile, similarities: stills.map((still) => (e ? cosineSimilarity(still, e) : NaN)) };
  });
}
