import type * as Ort from 'onnxruntime-web';
import type { EvaluableEmbedderManifest, LandmarkerManifest } from '../../app/biometrics/modelManifest';
import { channelValues } from '../../app/biometrics/modelManifest';
import type { Box, Point } from '../../app/biometrics/geometry';
import { scaleBox, shiftBox } from '../../app/biometrics/geometry';
import type { FivePoints } from '../../app/biometrics/faceLandmarks';
import { fivePointsFrom68, pointsBounds, pointsFromFlat } from '../../app/biometrics/faceLandmarks';
import type { Embedding } from '../../app/biometrics/embeddingMath';
import { l2Normalise } from '../../app/biometrics/embeddingMath';
import { rawNorm } from '../../app/biometrics/faceness';
import type { GrayImage } from '../../app/biometrics/imageStatistics';
import type { CropExposure, ExposureRules, ToneMap } from '../../app/biometrics/faceExposure';
import { measureExposure, toneGray, toneRgbaInPlace } from '../../app/biometrics/faceExposure';
import { estimateSimilarity } from '../../app/biometrics/similarityTransform';
import { FLOAT32_MIN_NORMAL, flushNegligibleWeights } from '../../app/biometrics/onnxWeightFlush';
import type { FrameImage } from './faceCrops';
import { FaceCrops, writeImageTensor } from './faceCrops';
import type { ManifestShape } from '../../app/biometrics/modelShape';
import { ModelShapeError, checkModelShape } from '../../app/biometrics/modelShape';
import { ModelLoadError, fetchModel, joinUrl } from './modelFetch';
import { StageClock } from './stageClock';

export type Backend = 'wasm' | 'webgpu';
type OrtModule = typeof Ort;

export interface BackendChoice {
  readonly backend: Backend;
  readonly adapter: string;
}

interface GpuAdapterLike {
  readonly isFallbackAdapter?: boolean;
  readonly info?: { readonly vendor?: string; readonly architecture?: string; readonly description?: string; readonly isFallbackAdapter?: boolean };
}

/** WebGPU only on a real GPU: the SwiftShader fallback adapter is a CPU emulation ~100x slower than WASM. */
export async function chooseBackend(preference: 'auto' | 'wasm' | 'webgpu'): Promise<BackendChoice> {
  if (preference === 'wasm') return { backend: 'wasm', adapter: 'none (WASM requested)' };
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
  if (!adapter) return { backend: 'wasm', adapter: 'none' };
  const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  const name = [adapter.info?.vendor, adapter.info?.architecture, adapter.info?.description].filter(Boolean).join(' ') || 'unknown';
  if (fallback && preference !== 'webgpu') return { backend: 'wasm', adapter: `${name} (fallback adapter, not used)` };
  return { backend: 'webgpu', adapter: `${name}${fallback ? ' (fallback)' : ''}` };
}

/**
 * The batch a model takes, checked against its manifest: 'dynamic' when its input's batch dimension is symbolic
 * (the install step makes the faceplugin models' so, see onnxDynamicBatch), else the fixed size it declares.
 */
function modelBatch(session: Ort.InferenceSession, shape: ManifestShape): 'dynamic' | number {
  const input = session.inputMetadata.find((value) => value.name === shape.inputName);
  const inputShape = input?.isTensor ? input.shape : undefined;
  try {
    return checkModelShape(shape, { inputNames: session.inputNames, outputNames: session.outputNames, ...(inputShape ? { inputShape } : {}) });
  } catch (error) {
    if (error instanceof ModelShapeError) throw new ModelLoadError('model_corrupt', `${error.message} (manifest field "${error.field}")`);
    throw error;
  }
}

/** An embedding and the norm of the model's raw output it came from (face-ness, see app/biometrics/faceness.ts). */
export interface EmbeddedFace {
  readonly embedding: Embedding;
  /** Mean raw norm over the views embedded (the crop, and its mirror image with flip augmentation). */
  readonly rawNorm: number;
}

export interface LandmarkResult {
  readonly points68: readonly Point[];
  readonly five: FivePoints;
  /** The gray crop the last landmark pass read (normalised for exposure when asked): reused for sharpness and exposure. */
  readonly crop: GrayImage;
  /** With exposure normalisation: the last pass's raw crop's exposure and the tone map the face was read through. */
  readonly exposure?: CropExposure;
}

/**
 * fr_landmark (68 points on a gray crop of the detector box) and fr_feature (embedding of the face warped to
 * the ArcFace template) through onnxruntime-web. Everything model-specific comes from the manifests.
 */
export class OnnxFaceRecognizer {
  private readonly crops = new FaceCrops();
  /** Where the time of landmarks and embeddings goes (crop, model run, warp, tensor packing). */
  readonly clock = new StageClock();

  private constructor(
    private readonly ort: OrtModule,
    private readonly landmarker: Ort.InferenceSession,
    private readonly embedder: Ort.InferenceSession,
    readonly landmarkManifest: LandmarkerManifest,
    readonly embedManifest: EvaluableEmbedderManifest,
    /** The batch each model takes: any ('dynamic': a frame's faces in one run) or a fixed size (inputs padded to it). */
    private readonly landmarkerBatch: 'dynamic' | number,
    private readonly embedderBatch: 'dynamic' | number,
  ) {}

  /**
   * The plain WASM build unless WebGPU is used: the WebGPU build's WASM kernels run in an asyncify binary
   * that is slower on CPU.
   */
  static async loadRuntime(backend: Backend, assetBase: string, threads: number): Promise<{ ort: OrtModule; threads: number }> {
    const ort: OrtModule = backend === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm');
    ort.env.wasm.wasmPaths = joinUrl(assetBase, 'wasm/ort/');
    // Automatic: every core, at most 4. Landmarks + alignment + embedding per face, 640x480 single-face frames
    // (BENCH_QUICK=1 BENCH_THREADS=1|2 npm run bench:vision, alternated, machine shared at load 8-9): fastest
    // frames 22.5 ms with 2 threads vs 27 ms with 1; medians 28.6 vs 34-36 ms, but 2 threads also had a run
    // at 95 ms median when the other work took a core (a parallel section waits for its slowest thread).
    // A booth runs nothing else, so every core.
    const available = self.crossOriginIsolated ? Math.max(1, Math.min(navigator.hardwareConcurrency || 1, 4)) : 1;
    const cores = self.crossOriginIsolated ? navigator.hardwareConcurrency || 1 : 1;
    ort.env.wasm.numThreads = threads > 0 ? Math.min(threads, cores) : available;
    ort.env.logLevel = 'error';
    return { ort, threads: ort.env.wasm.numThreads };
  }

  static async create(
    ort: OrtModule,
    assetBase: string,
    landmarkManifest: LandmarkerManifest,
    embedManifest: EvaluableEmbedderManifest,
    backend: Backend,
    onStage: (stage: 'landmarker' | 'embedder', loaded: number, total: number) => void,
  ): Promise<OnnxFaceRecognizer> {
    const session = async (manifest: LandmarkerManifest | EvaluableEmbedderManifest, providers: string[], stage: 'landmarker' | 'embedder') => {
      const file = manifest.file;
      const bytes = await fetchModel(joinUrl(assetBase, file), (loaded, total) => onStage(stage, loaded, total));
      try {
        // Subnormal arithmetic makes WASM kernels crawl (WebAssembly cannot set flush-to-zero): see onnxWeightFlush.
        flushNegligibleWeights(bytes, manifest.negligibleWeight ?? FLOAT32_MIN_NORMAL);
        return await ort.InferenceSession.create(bytes, {
          executionProviders: providers,
          graphOptimizationLevel: 'all',
          // Idle intra-op threads sleep instead of spinning: spinning measured no faster here (embedder 42-44 ms
          // per flip pair with spinning, 38-43 without) and steals the cores that detection and the UI need.
          extra: { session: { intra_op: { allow_spinning: '0' } } },
        });
      } catch (error) {
        throw new ModelLoadError('model_corrupt', `${file} could not be loaded by onnxruntime-web: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const landmarker = await session(landmarkManifest, ['wasm'], 'landmarker');
    const embedder = await session(embedManifest, backend === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'], 'embedder');
    const landmarkerBatch = modelBatch(landmarker, { ...landmarkManifest, channels: 1, layout: 'NCHW' });
    const embedderBatch = modelBatch(embedder, { ...embedManifest, channels: 3 });
    return new OnnxFaceRecognizer(ort, landmarker, embedder, landmarkManifest, embedManifest, landmarkerBatch, embedderBatch);
  }

  /** See FaceCrops.toCpuFrame: call once per frame before detection, landmarks and embeddings. */
  toCpuFrame(frame: ImageBitmap): FrameImage {
    return this.clock.time('cpuCopy', () => this.crops.toCpuFrame(frame));
  }

  get acceptsBatch(): boolean {
    return this.embedderBatch === 'dynamic';
  }

  /**
   * 68 landmarks of each face of one frame (in `detectorBoxes`), from the crop the landmark manifest describes;
   * all faces in one run per pass when the landmark model takes a batch. With `exposure` rules, each crop is
   * normalised from its own statistics (app/biometrics/faceExposure.ts) before the model reads it.
   */
  async landmarksMany(
    frame: FrameImage,
    detectorBoxes: readonly Box[],
    boxScale = this.landmarkManifest.boxScale,
    passes = this.landmarkManifest.refinementPasses,
    exposure?: ExposureRules,
  ): Promise<LandmarkResult[]> {
    if (detectorBoxes.length === 0) return [];
    const m = this.landmarkManifest;
    const [w, h] = m.inputSize;
    const size = w * h;
    const valuesPerFace = 2 * m.pointCount;
    let boxes = detectorBoxes.map((box) => scaleBox(shiftBox(box, m.boxOffset), boxScale));
    let points: Point[][] = boxes.map(() => []);
    let crops: GrayImage[] = [];
    let exposures: (CropExposure | undefined)[] = [];
    for (let pass = 0; pass < passes; pass++) {
      if (pass > 0) {
        // Re-centre each crop on the landmarks found, keeping its size: the model is sensitive to where the face sits.
        boxes = boxes.map((box, k) => {
          const bounds = pointsBounds(points[k] ?? []);
          return { ...box, x: bounds.x + bounds.width / 2 - box.width / 2, y: bounds.y + bounds.height / 2 - box.height / 2 };
        });
      }
      const raw = boxes.map((box) => this.clock.time('landmarkCrop', () => this.crops.grayCrop(frame, box, w, h)));
      exposures = raw.map((gray) => (exposure ? this.clock.time('exposure', () => measureExposure(gray, exposure)) : undefined));
      crops = raw.map((gray, k) => {
        const measured = exposures[k];
        return measured ? toneGray(gray, measured.tone) : gray;
      });
      const input = new Float32Array(boxes.length * size);
      for (const [k, gray] of crops.entries()) for (let i = 0; i < size; i++) input[k * size + i] = ((gray.pixels[i] ?? 0) - m.normalisation.mean) / m.normalisation.std;
      const flat = await this.runBatch(this.landmarker, this.landmarkerBatch, m, input, [1, h, w], boxes.length, valuesPerFace, 'landmarkRun');
      points = boxes.map((box, k) => pointsFromFlat(flat.subarray(k * valuesPerFace, (k + 1) * valuesPerFace)).map((p) => ({ x: box.x + p.x * box.width, y: box.y + p.y * box.height })));
    }
    return points.map((points68, k) => {
      const measured = exposures[k];
      return { points68, five: fivePointsFrom68(points68), crop: crops[k] ?? { width: 0, height: 0, pixels: new Uint8Array(0) }, ...(measured ? { exposure: measured } : {}) };
    });
  }

  /**
   * Runs `count` items of `itemShape` through a model: in one run when it takes any batch, else in runs of its
   * fixed batch (the last one padded with zeros, their outputs dropped). Returns `count * outputPerItem` floats,
   * checked, so a model that answers something else is reported as corrupt.
   */
  private async runBatch(
    session: Ort.InferenceSession,
    batch: 'dynamic' | number,
    m: { readonly file: string; readonly inputName: string; readonly outputName: string },
    input: Float32Array,
    itemShape: readonly number[],
    count: number,
    outputPerItem: number,
    stage: 'landmarkRun' | 'embedRun',
  ): Promise<Float32Array> {
    const itemSize = itemShape.reduce((a, b) => a * b, 1);
    const run = async (first: number, n: number): Promise<Float32Array> => {
      const items = input.subarray(first * itemSize, (first + n) * itemSize);
      // A fixed-batch model's last run: the missing items are zeros.
      const padded = items.length === n * itemSize ? items : new Float32Array(n * itemSize);
      if (padded !== items) padded.set(items);
      const tensor = new this.ort.Tensor('float32', padded, [n, ...itemShape]);
      const out = await this.clock.timeAsync(stage, () => session.run({ [m.inputName]: tensor }));
      const value = out[m.outputName];
      const data = value ? await value.getData() : undefined;
      if (!(data instanceof Float32Array) || data.length !== n * outputPerItem) {
        throw new ModelLoadError('model_corrupt', `${m.file} output "${m.outputName}" is not ${n}x${outputPerItem} floats`);
      }
      return data;
    };
    if (batch === 'dynamic') return run(0, count);
    const all = new Float32Array(count * outputPerItem);
    for (let k = 0; k < count; k += batch) all.set((await run(k, batch)).subarray(0, Math.min(batch, count - k) * outputPerItem), k * outputPerItem);
    return all;
  }

  async embed(frame: FrameImage, five: FivePoints, flip = this.embedManifest.flipAugmentation, tone?: ToneMap): Promise<EmbeddedFace> {
    const [embedding] = await this.embedMany(frame, [five], flip, tone ? [tone] : undefined);
    if (!embedding) throw new ModelLoadError('model_corrupt', `${this.embedManifest.file} returned no embedding`);
    return embedding;
  }

  /**
   * Embeddings of several faces of one frame. When the embedder takes a batch (see onnxDynamicBatch), every face
   * (and its mirror image, with flip) goes through one run: measured ~15-20% less time per face than one run
   * each, as the bigger convolutions keep both threads busy. `tones[f]`, when given, is face f's exposure
   * normalisation (the one its landmark crop was read through), applied to its aligned crop.
   */
  async embedMany(frame: FrameImage, faces: readonly FivePoints[], flip = this.embedManifest.flipAugmentation, tones?: readonly (ToneMap | undefined)[]): Promise<EmbeddedFace[]> {
    if (faces.length === 0) return [];
    const m = this.embedManifest;
    const [w, h] = m.inputSize;
    const template = m.alignment.template.map(([x, y]) => ({ x, y }));
    const layout = { width: w, height: h, layout: m.layout, colourOrder: m.colourOrder, mean: channelValues(m.normalisation.mean), std: channelValues(m.normalisation.std) } as const;
    const size = 3 * w * h;
    const mirrors = flip ? [false, true] : [false];
    const views = faces.length * mirrors.length;
    const input = new Float32Array(views * size);
    for (const [f, five] of faces.entries()) {
      const rgba = this.clock.time('warp', () => this.crops.warp(frame, estimateSimilarity(five, template), w, h));
      const tone = tones?.[f];
      if (tone) toneRgbaInPlace(rgba, tone);
      this.clock.time('embedTensor', () => {
        for (const [k, mirror] of mirrors.entries()) writeImageTensor(rgba, layout, input, (f * mirrors.length + k) * size, mirror);
      });
    }
    const outputs = await this.runBatch(this.embedder, this.embedderBatch, m, input, m.layout === 'NCHW' ? [3, h, w] : [h, w, 3], views, m.outputSize, 'embedRun');
    return faces.map((_, f) => {
      const sum = new Float32Array(m.outputSize);
      let norms = 0;
      for (let k = 0; k < mirrors.length; k++) {
        const view = outputs.subarray((f * mirrors.length + k) * m.outputSize, (f * mirrors.length + k + 1) * m.outputSize);
        norms += rawNorm(view);
        for (let i = 0; i < m.outputSize; i++) sum[i] = (sum[i] ?? 0) + (view[i] ?? 0);
      }
      return { embedding: l2Normalise(sum), rawNorm: norms / mirrors.length };
    });
  }

  async release(): Promise<void> {
    await this.landmarker.release();
    await this.embedder.release();
  }
}
