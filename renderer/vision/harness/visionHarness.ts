import { verify } from '../../../app/biometrics/faceMatching';
import type { MatchResult } from '../../../app/biometrics/faceMatching';
import { VisionClientError, createVisionClient } from '../visionClient';
import type { VisionClient } from '../visionClient';
import { defaultModels } from '../shippedModels';
import type { BenchFigures, FrameSpec } from './harnessBench';
import type { LiveRunResult } from './harnessLive';
import { runLiveCamera } from './harnessLive';
import type { CameraProfile, InitInfo, LoadProgress, StillRequest, VisionConfig } from '../visionProtocol';
import type { PlotSpec } from './plotVerification';
import type { VehicleRunResult, VehicleRunSpec } from '../../../app/scene/vehicleRun';
import type { NonFaceFrames, NonFaceMeasurement, NonFaceOptions } from './harnessFaceness';
import type { NonFaceKind } from './nonFaceImages';
import { drawVerificationPlot } from './plotVerification';
import type { HarnessGalleryIdentity, HarnessSearch } from './harnessGallery';
import type { GalleryBenchFigures, GalleryMemoryFigures } from './harnessExitBench';
import type { ExitDecisionBenchFigures } from './harnessExitDecisionBench';
import type { SearchPipeline } from '../../../app/biometrics/identification/searchPipeline';
import type { GalleryImageEnrolmentReply, GalleryState, IdentificationReply } from '../galleryProtocol';

/**
 * The page side of the evaluation and benchmark CLIs: it exposes a narrow API on `window.boothVisionHarness`
 * that runs images through the same VisionClient and worker the booth uses. Only loaded by harness pages.
 */
export interface HarnessImageResult {
  readonly path: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly faceCount: number;
  /** Base64 of the float32 embedding bytes (compact over the DevTools protocol). */
  readonly embedding?: string;
  readonly interEyePx?: number;
  /** Raw embedding norm (face-ness) and quality reasons of the chosen face, also when it was refused. */
  readonly rawNorm?: number;
  readonly reasons?: readonly string[];
  readonly detectionScore?: number;
  /** Quality score (0..1) of the chosen face, as the quality gate rates it (identification fusion weights). */
  readonly qualityScore?: number;
  /** The chosen face: detector box and the five alignment points, image pixels (for failure analysis). */
  readonly box?: { x: number; y: number; width: number; height: number };
  readonly landmarks?: readonly { x: number; y: number }[];
  readonly ms: number;
  readonly detectMs?: number;
  readonly landmarksMs?: number;
  readonly embedMs?: number;
}

export interface VisionHarness {
  init(config: Partial<VisionConfig>, profile?: CameraProfile): Promise<InitInfo>;
  embedUrls(urls: readonly string[], request: Partial<StillRequest>): Promise<HarnessImageResult[]>;
  plot(spec: PlotSpec): Promise<string>;
  /** Pictures that are not faces, measured for the face-ness calibration (see harnessFaceness.ts). */
  measureNonFaces(options: NonFaceOptions): Promise<NonFaceMeasurement[]>;
  /** A scene with nobody in it through the frame path. */
  nonFaceFrames(kind: NonFaceKind, frames: number, newTrackEachFrame?: boolean): Promise<NonFaceFrames>;
  /** Draws a non-face picture as a PNG (base64), for tests that serve it as a reference photo. */
  drawNonFace(kind: NonFaceKind, index: number, width: number, height: number): Promise<string>;
  /** Embeds two stills and decides 1:1 with the shipped embedder manifest's calibration. */
  verifyStills(probeUrl: string, referenceUrl: string, targetFmr: number): Promise<MatchResult | { error: string }>;
  liveCamera(cameraId: string, durationMs: number): Promise<LiveRunResult>;
  /** One rendered vehicle approach through the worker (the vehicle protocol of `faces eval`, see harnessVehicle.ts). */
  vehicle(spec: VehicleRunSpec): Promise<VehicleRunResult>;
  /** Starts a client on a worker that dies on its first message: checks crash detection and restart. */
  crashProbe(): Promise<{ initError: string; crashes: { message: string; restarts: number; willRestart: boolean }[] }>;
  benchOurs(photoUrls: string[], spec: FrameSpec, repeats: number): Promise<BenchFigures>;
  /** Each face of one 2x2 frame: its tile and its similarity to every photo embedded alone. */
  frameFacesAgainstStills(photoUrls: string[]): Promise<{ tile: number; similarities: number[] }[]>;
  initPeer(): Promise<string>;
  benchPeer(photoUrls: string[], spec: FrameSpec, repeats: number): Promise<BenchFigures>;
  livePeer(durationMs: number): Promise<{ processedPerSecond: number; frames: number }>;
  memory(): Promise<{ workerJsHeapBytes: number | null; pageAndWorkersBytes: number | null }>;
  /** Identification (harnessGallery.ts): enrol embeddings, search them, enrol photos, identify a photo. */
  enrolGallery(galleryId: string, identities: readonly HarnessGalleryIdentity[], replace: boolean): Promise<{ state: GalleryState; enrolMs: number }>;
  searchGallery(galleryId: string, probes: readonly string[], pipeline: SearchPipeline, candidates: number): Promise<HarnessSearch[]>;
  enrolGalleryImages(galleryId: string, identityId: string, urls: readonly string[]): Promise<GalleryImageEnrolmentReply>;
  identifyImage(galleryId: string, url: string, targetFpir: number): Promise<IdentificationReply | { ok: false; error: { code: string; message: string } }>;
  /** bench:exit (harnessExitBench.ts): search and enrolment figures at a gallery size; the gallery's memory, page and worker. */
  benchGallery(templates: number, searches: number, dimension: number): Promise<GalleryBenchFigures>;
  benchGalleryMemory(templates: number, dimension: number): Promise<GalleryMemoryFigures>;
  /** bench:exit (harnessExitDecisionBench.ts): a 4-occupant vehicle from its last face to its exit decision, and to it recorded. */
  benchExitDecision(galleryTemplates: number, vehicles: number, occupants: number, dimension: number): Promise<ExitDecisionBenchFigures>;
  progress: LoadProgress[];
}

let client: VisionClient | undefined;

const bytesToBase64 = (bytes: Uint8Array): string => {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};

const toBase64 = (values: Float32Array): string => bytesToBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));

const harness: VisionHarness = {
  progress: [],
  async init(config, profile) {
    client?.dispose();
    client = createVisionClient({ config: { assetBase: new URL('/', location.href).href, ...config }, callTimeoutMs: 60_000,
      // The benchmark's tiled camera behaves like a vehicle-lane camera.
      cameraProfiles: { 'bench-tiled': { tiles: 'vehicle', fullRangePass: false } },
      ...(profile ? { defaultProfile: profile } : {}),
    });
    const info = await client.init((p) => harness.progress.push(p));
    document.getElementById('status')!.textContent = `ready: ${JSON.stringify(info)}`;
    return info;
  },
  async embedUrls(urls, request) {
    if (!client) throw new Error('harness used before init()');
    const results: HarnessImageResult[] = [];
    for (const url of urls) {
      const started = performance.now();
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
        const result = await client.embedStill(await response.blob(), request);
        const ms = performance.now() - started;
        if (result.ok) {
          results.push({
            path: url,
            ok: true,
            faceCount: result.faceCount,
            embedding: toBase64(result.face.embedding),
            interEyePx: result.face.quality.interEyePx,
            reasons: result.face.quality.reasons,
            detectionScore: result.face.detectionScore,
            qualityScore: result.face.quality.score,
            ...(result.face.rawNorm !== undefined ? { rawNorm: result.face.rawNorm } : {}),
            box: result.face.box,
            landmarks: result.face.landmarks,
            ms,
            detectMs: result.timings.detectMs,
            landmarksMs: result.timings.landmarksMs,
            embedMs: result.timings.embedMs,
          });
        } else {
          const face = result.face;
          results.push({
            path: url,
            ok: false,
            error: `${result.error.code}: ${result.error.message}`,
            faceCount: result.faceCount,
            ms,
            ...(face ? { interEyePx: face.quality.interEyePx, box: face.box, landmarks: face.landmarks, reasons: face.quality.reasons, detectionScore: face.detectionScore } : {}),
            ...(face?.rawNorm !== undefined ? { rawNorm: face.rawNorm } : {}),
          });
        }
      } catch (error) {
        results.push({ path: url, ok: false, error: String(error), faceCount: 0, ms: performance.now() - started });
      }
    }
    return results;
  },
  async plot(spec) {
    return drawVerificationPlot(spec);
  },
  async measureNonFaces(options) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessFaceness')).measureNonFaces(client, options);
  },
  async nonFaceFrames(kind, frames, newTrackEachFrame) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessFaceness')).nonFaceFrames(client, kind, frames, newTrackEachFrame);
  },
  async drawNonFace(kind, index, width, height) {
    const { drawNonFace } = await import('./nonFaceImages');
    const blob = await drawNonFace(kind, index, width, height).convertToBlob({ type: 'image/png' });
    return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
  },
  async verifyStills(probeUrl, referenceUrl, targetFmr) {
    if (!client) throw new Error('harness used before init()');
    // As the booth takes a reference: every check of the reference gate (the probe is a still held to it too).
    const still = async (url: string) => client!.embedStill(await (await fetch(url)).blob(), { select: 'central', minInterEyePx: 0 });
    const probe = await still(probeUrl);
    const reference = await still(referenceUrl);
    if (!probe.ok) return { error: `probe: ${probe.error.code}` };
    if (!reference.ok) return { error: `reference: ${reference.error.code}` };
    return verify([probe.face.embedding], [reference.face.embedding], defaultModels().embedder, { targetFmr });
  },
  async liveCamera(cameraId, durationMs) {
    if (!client) throw new Error('harness used before init()');
    return runLiveCamera(client, cameraId, durationMs);
  },
  async vehicle(spec) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessVehicle')).runVehicle(client, spec);
  },
  // The benchmark code (and the peer library it loads) is fetched only when a benchmark asks for it.
  async benchOurs(photoUrls, spec, repeats) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessBench')).benchOurs(client, photoUrls, spec, repeats);
  },
  async frameFacesAgainstStills(photoUrls) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessBench')).frameFacesAgainstStills(client, photoUrls);
  },
  async initPeer() {
    return (await import('./harnessBench')).initHuman();
  },
  async benchPeer(photoUrls, spec, repeats) {
    return (await import('./harnessBench')).benchHuman(photoUrls, spec, repeats);
  },
  async livePeer(durationMs) {
    return (await import('./harnessBench')).liveHuman(durationMs);
  },
  async memory() {
    if (!client) throw new Error('harness used before init()');
    const worker = await client.memory();
    return { workerJsHeapBytes: worker.jsHeapBytes, pageAndWorkersBytes: await (await import('./harnessBench')).measureMemory() };
  },
  async enrolGallery(galleryId, identities, replace) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessGallery')).enrolGallery(client, galleryId, identities, replace);
  },
  async searchGallery(galleryId, probes, pipeline, candidates) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessGallery')).searchGallery(client, galleryId, probes, pipeline, candidates);
  },
  async enrolGalleryImages(galleryId, identityId, urls) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessGallery')).enrolGalleryImages(client, galleryId, identityId, urls);
  },
  async identifyImage(galleryId, url, targetFpir) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessGallery')).identifyImage(client, galleryId, url, targetFpir);
  },
  async benchGallery(templates, searches, dimension) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessExitBench')).benchGallery(client, templates, searches, dimension);
  },
  async benchGalleryMemory(templates, dimension) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessExitBench')).benchGalleryMemory(client, templates, dimension);
  },
  async benchExitDecision(galleryTemplates, vehicles, occupants, dimension) {
    if (!client) throw new Error('harness used before init()');
    return (await import('./harnessExitDecisionBench')).benchExitDecision(client, galleryTemplates, vehicles, occupants, dimension);
  },
  async crashProbe() {
    const source = 'self.onmessage = () => { throw new Error("simulated vision worker crash"); };';
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const crashes: { message: string; restarts: number; willRestart: boolean }[] = [];
    const probe = createVisionClient({ createWorker: () => new Worker(url, { type: 'module' }), callTimeoutMs: 5000, maxRestartsPerMinute: 1 });
    probe.onCrash((crash) => crashes.push(crash));
    const initError = await probe.init().then(
      () => 'no error',
      (error: unknown) => (error instanceof VisionClientError ? `${error.code}: ${error.message}` : String(error)),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    probe.dispose();
    return { initError, crashes };
  },
};

(window as Window & { boothVisionHarness?: VisionHarness }).boothVisionHarness = harness;
