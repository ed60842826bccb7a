import { ScoreSet, tenFoldAccuracy } from '../../app/biometrics/verificationMetrics';
import type { Calibration } from '../../app/biometrics/modelManifest';
import type { LabelledImage, LabelledPair } from './faceDataset';
import type { HarnessSession } from './visionHarnessSession';
import { DATASET_PREFIX } from './visionHarnessSession';

/**
 * Runs every image of a dataset through the app's vision worker (in the harness page, as a measurement: size
 * and quality reported, not enforced; the face-ness check applies once the model is calibrated for it), then scores pairs:
 * all-vs-all (calibration, FNMR at fixed FMR) and, when given, the LFW 10-fold pairs protocol. An image whose
 * face cannot be acquired scores -Infinity against everything: a non-match, never a dropped pair.
 */
export interface EvaluationOptions {
  readonly select: 'central' | 'largest';
  readonly flip: boolean;
  readonly landmarkBoxScale?: number;
  readonly landmarkPasses?: number;
  readonly threads: number;
  readonly batchSize: number;
  /** The embedder to run instead of the shipped one (its manifest, `file` where the page serves it). */
  readonly embedderManifest?: unknown;
  readonly log: (line: string) => void;
}

interface HarnessResult {
  readonly path: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly faceCount: number;
  readonly embedding?: string;
  readonly interEyePx?: number;
  readonly rawNorm?: number;
  readonly reasons?: readonly string[];
  readonly detectionScore?: number;
  readonly qualityScore?: number;
  readonly box?: { x: number; y: number; width: number; height: number };
  readonly landmarks?: readonly { x: number; y: number }[];
  readonly ms: number;
  readonly detectMs?: number;
  readonly landmarksMs?: number;
  readonly embedMs?: number;
}

/** What the pipeline saw in one image: kept so failures can be analysed after a run (`faces eval --faces`). */
export interface ImageFace {
  readonly faceCount: number;
  readonly box?: { x: number; y: number; width: number; height: number };
  readonly landmarks?: readonly { x: number; y: number }[];
  readonly interEyePx?: number;
  /** Raw embedding norm (face-ness) of the face, also when the face-ness check refused it. */
  readonly rawNorm?: number;
  /** Reasons the face would be refused as a reference (the reference quality rules; empty: usable). */
  readonly reasons?: readonly string[];
  readonly detectionScore?: number;
  /** Quality score (0..1) of an acquired face, as the quality gate rates it. */
  readonly qualityScore?: number;
}

export interface ImageEmbeddings {
  readonly embeddings: (Float32Array | undefined)[];
  readonly faces: ImageFace[];
  readonly failures: { path: string; error: string }[];
  readonly multiFace: number;
  readonly timings: { ms: number[]; detectMs: number[]; landmarksMs: number[]; embedMs: number[] };
  readonly init: unknown;
}

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const round = (v: number, digits = 6) => Number(v.toFixed(digits));

export async function embedImages(session: HarnessSession, images: readonly string[], options: EvaluationOptions): Promise<ImageEmbeddings> {
  const init = await session.page.evaluate(
    (config) => (globalThis as unknown as { boothVisionHarness: { init(c: unknown): Promise<unknown> } }).boothVisionHarness.init(config),
    { backend: 'wasm', threads: options.threads, flipAugmentation: options.flip, landmarkBoxScale: options.landmarkBoxScale, landmarkRefinementPasses: options.landmarkPasses, embedderManifest: options.embedderManifest },
  );
  options.log(`worker ready: ${JSON.stringify(init)}`);
  const embeddings: (Float32Array | undefined)[] = [];
  const faces: ImageFace[] = [];
  const failures: { path: string; error: string }[] = [];
  const timings = { ms: [] as number[], detectMs: [] as number[], landmarksMs: [] as number[], embedMs: [] as number[] };
  let multiFace = 0;
  const started = Date.now();
  for (let i = 0; i < images.length; i += options.batchSize) {
    const batch = images.slice(i, i + options.batchSize).map((p) => DATASET_PREFIX + p.split('/').map(encodeURIComponent).join('/'));
    const results = await session.page.evaluate(
      ([urls, select]) =>
        (globalThis as unknown as { boothVisionHarness: { embedUrls(u: string[], r: unknown): Promise<unknown> } }).boothVisionHarness.embedUrls(urls, { select, minInterEyePx: 0, purpose: 'measurement' }),
      [batch, options.select] as const,
    );
    for (const [k, raw] of (results as HarnessResult[]).entries()) {
      const path = images[i + k] ?? '';
      if (raw.faceCount > 1) multiFace++;
      const { faceCount, box, landmarks, interEyePx, rawNorm, reasons, detectionScore, qualityScore } = raw;
      faces.push({ faceCount, box, landmarks, interEyePx, rawNorm, reasons, detectionScore, qualityScore });
      if (raw.ok && raw.embedding) {
        const bytes = Buffer.from(raw.embedding, 'base64');
        embeddings.push(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice());
        timings.ms.push(raw.ms);
        timings.detectMs.push(raw.detectMs ?? NaN);
        timings.landmarksMs.push(raw.landmarksMs ?? NaN);
        timings.embedMs.push(raw.embedMs ?? NaN);
      } else {
        embeddings.push(undefined);
        failures.push({ path, error: raw.error ?? 'unknown' });
      }
    }
    const done = Math.min(i + options.batchSize, images.length);
    if (done % (options.batchSize * 10) === 0 || done === images.length) {
      const rate = done / ((Date.now() - started) / 1000);
      options.log(`${done}/${images.length} images, ${failures.length} failures, ${rate.toFixed(1)} images/s`);
    }
  }
  return { embeddings, faces, failures, multiFace, timings, init };
}

const dot = (a: Float32Array, b: Float32Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
};

const pairScore = (a: Float32Array | undefined, b: Float32Array | undefined): number => (a && b ? dot(a, b) : -Infinity);

/** All-vs-all genuine and impostor scores over the labelled images (each unordered pair once). */
export function allPairScores(images: readonly LabelledImage[], embeddings: readonly (Float32Array | undefined)[]): ScoreSet {
  const n = images.length;
  const identities = images.map((img) => img.identity);
  const genuine: number[] = [];
  const impostor = new Float32Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const a = embeddings[i];
    for (let j = i + 1; j < n; j++) {
      const s = pairScore(a, embeddings[j]);
      if (identities[i] === identities[j]) genuine.push(s);
      else impostor[k++] = s;
    }
  }
  return new ScoreSet(genuine, impostor.subarray(0, k));
}

/** Below this many impostor pairs above a threshold, the FMR estimate is too noisy to set a threshold on. */
export const MIN_IMPOSTORS_FOR_THRESHOLD = 10;

export const FMR_TARGETS = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7] as const;

export const fmrLabel = (fmr: number): string => `1e-${Math.round(-Math.log10(fmr))}`;

export function summariseAllPairs(scores: ScoreSet) {
  const eer = scores.equalErrorRate();
  const atFmr: Record<string, { threshold: number; fmr: number; fnmr: number; impostorsAbove: number }> = {};
  for (const target of FMR_TARGETS) {
    const p = scores.atFmr(target);
    if (p) atFmr[fmrLabel(target)] = { threshold: round(p.threshold), fmr: p.fmr, fnmr: round(p.fnmr), impostorsAbove: Math.round(p.fmr * scores.impostor.length) };
  }
  const q = (sorted: Float64Array, f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] ?? NaN;
  const describe = (sorted: Float64Array) => {
    const finite = sorted.filter(Number.isFinite);
    return { count: sorted.length, failures: sorted.length - finite.length, mean: round(finite.reduce((s, v) => s + v, 0) / Math.max(finite.length, 1)), p01: round(q(finite, 0.01)), p50: round(q(finite, 0.5)), p99: round(q(finite, 0.99)), max: round(finite[finite.length - 1] ?? NaN) };
  };
  return {
    genuinePairs: scores.genuine.length,
    impostorPairs: scores.impostor.length,
    eer: round(eer.eer),
    eerThreshold: round(eer.threshold),
    fnmrAtFmr: atFmr,
    genuine: describe(scores.genuine),
    impostor: describe(scores.impostor),
    histogram: scores.histogram(50),
  };
}

export function lfwTenFold(pairs: readonly LabelledPair[], index: ReadonlyMap<string, number>, embeddings: readonly (Float32Array | undefined)[]) {
  const scored = pairs.map((p) => ({ fold: p.fold, same: p.same, score: pairScore(embeddings[index.get(p.path1) ?? -1], embeddings[index.get(p.path2) ?? -1]) }));
  const result = tenFoldAccuracy(scored);
  return { pairs: pairs.length, accuracy: round(result.mean), std: round(result.std), folds: result.folds.map((v) => round(v, 4)), thresholds: result.thresholds.map((v) => round(v)) };
}

export function timingSummary(t: ImageEmbeddings['timings']) {
  return { medianMsPerImage: round(median(t.ms), 2), medianDetectMs: round(median(t.detectMs), 2), medianLandmarksMs: round(median(t.landmarksMs), 2), medianEmbedMs: round(median(t.embedMs), 2) };
}

/** The calibration table and thresholds to store in the embedder manifest. */
export function calibrationFrom(scores: ScoreSet, version: string, source: string): Calibration {
  const table = scores.curve(80).filter((p) => Number.isFinite(p.threshold)).map((p) => ({ threshold: round(p.threshold), fmr: p.fmr }));
  const unique = table.filter((p, i) => i === 0 || p.threshold !== table[i - 1]?.threshold).sort((a, b) => a.threshold - b.threshold);
  const thresholdsByFmr: Record<string, number> = {};
  for (const target of FMR_TARGETS) {
    const p = scores.atFmr(target);
    // A threshold needs enough impostors above it to be stable: at least MIN_IMPOSTORS_FOR_THRESHOLD.
    if (p && Number.isFinite(p.threshold) && target * scores.impostor.length >= MIN_IMPOSTORS_FOR_THRESHOLD) thresholdsByFmr[fmrLabel(target)] = round(p.threshold);
  }
  return { version, source, genuinePairs: scores.genuine.length, impostorPairs: scores.impostor.length, table: unique, thresholdsByFmr };
}
