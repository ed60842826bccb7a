import type * as Ort from 'onnxruntime-web';
import type { EmbedderManifest, LandmarkerManifest } from '../../app/biometrics/modelManifest';
import type { Box, Point } from '../../app/biometrics/geometry';
import { scaleBox, shiftBox } from '../../app/biometrics/geometry';
import type { FivePoints } from '../../app/biometrics/faceLandmarks';
import { fivePointsFrom68, pointsBounds, pointsFromFlat } from '../../app/biometrics/faceLandmarks';
import type { Embedding } from '../../app/biometrics/embeddingMath';
import { l2Normalise } from '../../app/biometrics/embeddingMath';
import type { GrayImage } from '../../app/biometrics/imageStatistics';
import { estimateSimilarity } from '../../app/biometrics/similarityTransform';
import { FLOAT32_MIN_NORMAL, flushNegligibleWeights } from '../../app/biometrics/onnxWeightFlush';
import type { FrameImage } from './faceCrops';
import { FaceCrops, writePlanarTensor } from './faceCrops';
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

export interface LandmarkResult {
  readonly points68: readonly Point[];
  readonly five: FivePoints;
  /** The gray crop the last landmark pass read: reused for sharpness and exposure. */
  readonly crop: GrayImage;
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
    readonly embedManifest: EmbedderManifest,
    private readonly batchedFlip: boolean,
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
    embedManifest: EmbedderManifest,
    backend: Backend,
    onStage: (stage: 'landmarker' | 'embedder', loaded: number, total: number) => void,
  ): Promise<OnnxFaceRecognizer> {
    const session = async (manifest: LandmarkerManifest | EmbedderManifest, providers: string[], stage: 'landmarker' | 'embedder') => {
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
    const recognizer = new OnnxFaceRecognizer(ort, landmarker, embedder, landmarkManifest, embedManifest, false);
    // Probe whether the embedder takes a batch of two (crop + mirror) in one run.
    const [w, h] = embedManifest.inputSize;
    const batched = await embedder
      .run({ [embedManifest.inputName]: new ort.Tensor('float32', new Float32Array(2 * 3 * w * h), [2, 3, h, w]) })
      .then((out) => out[embedManifest.outputName]?.dims[0] === 2)
      .catch(() => false);
    return batched ? new OnnxFaceRecognizer(ort, landmarker, embedder, landmarkManifest, embedManifest, true) : recognizer;
  }

  /** See FaceCrops.toCpuFrame: call once per frame before detection, landmarks and embeddings. */
  toCpuFrame(frame: ImageBitmap): FrameImage {
    return this.clock.time('cpuCopy', () => this.crops.toCpuFrame(frame));
  }

  get supportsBatchedFlip(): boolean {
    return this.batchedFlip;
  }

  /** 68 landmarks of the face in `detectorBox`, from the crop the landmark manifest describes. */
  async landmarks(frame: FrameImage, detectorBox: Box, boxScale = this.landmarkManifest.boxScale, passes = this.landmarkManifest.refinementPasses): Promise<LandmarkResult> {
    const m = this.landmarkManifest;
    const [w, h] = m.inputSize;
    let box = scaleBox(shiftBox(detectorBox, m.boxOffset), boxScale);
    let points68: Point[] = [];
    let crop: GrayImage = { width: 0, height: 0, pixels: new Uint8Array(0) };
    for (let pass = 0; pass < passes; pass++) {
      if (pass > 0) {
        // Re-centre the crop on the landmarks found, keeping its size: the model is sensitive to where the face sits.
        const bounds = pointsBounds(points68);
        box = { ...box, x: bounds.x + bounds.width / 2 - box.width / 2, y: bounds.y + bounds.height / 2 - box.height / 2 };
      }
      const gray = this.clock.time('landmarkCrop', () => this.crops.grayCrop(frame, box, w, h));
      crop = gray;
      const input = new Float32Array(w * h);
      for (let i = 0; i < input.length; i++) input[i] = ((gray.pixels[i] ?? 0) - m.normalisation.mean) / m.normalisation.std;
      const output = await this.clock.timeAsync('landmarkRun', () => this.landmarker.run({ [m.inputName]: new this.ort.Tensor('float32', input, [1, 1, h, w]) }));
      const flat = output[m.outputName]?.data;
      if (!(flat instanceof Float32Array)) throw new ModelLoadError('model_corrupt', `${m.file} returned no float output "${m.outputName}"`);
      const inBox = pointsFromFlat(flat);
      points68 = inBox.map((p) => ({ x: box.x + p.x * box.width, y: box.y + p.y * box.height }));
    }
    return { points68, five: fivePointsFrom68(points68), crop };
  }

  async embed(frame: FrameImage, five: FivePoints, flip = this.embedManifest.flipAugmentation): Promise<Embedding> {
    const m = this.embedManifest;
    const [w, h] = m.inputSize;
    const template = m.alignment.template.map(([x, y]) => ({ x, y }));
    const rgba = this.clock.time('warp', () => this.crops.warp(frame, estimateSimilarity(five, template), w, h));
    const layout = { width: w, height: h, colourOrder: m.colourOrder, mean: m.normalisation.mean, std: m.normalisation.std } as const;
    const size = 3 * w * h;
    const runOne = async (mirror: boolean): Promise<Float32Array> => {
      const input = new Float32Array(size);
      this.clock.time('embedTensor', () => writePlanarTensor(rgba, layout, input, 0, mirror));
      return this.output(await this.clock.timeAsync('embedRun', () => this.embedder.run({ [m.inputName]: new this.ort.Tensor('float32', input, [1, 3, h, w]) })), 1);
    };
    if (!flip) return l2Normalise(await runOne(false));
    let sum: Float32Array;
    if (this.batchedFlip) {
      const input = new Float32Array(2 * size);
      this.clock.time('embedTensor', () => {
        writePlanarTensor(rgba, layout, input, 0, false);
        writePlanarTensor(rgba, layout, input, size, true);
      });
      const both = await this.output(await this.clock.timeAsync('embedRun', () => this.embedder.run({ [m.inputName]: new this.ort.Tensor('float32', input, [2, 3, h, w]) })), 2);
      sum = new Float32Array(m.outputSize);
      for (let i = 0; i < m.outputSize; i++) sum[i] = (both[i] ?? 0) + (both[i + m.outputSize] ?? 0);
    } else {
      const a = await runOne(false);
      const b = await runOne(true);
      sum = a.map((v, i) => v + (b[i] ?? 0));
    }
    return l2Normalise(sum);
  }

  private async output(out: Ort.InferenceSession.OnnxValueMapType, batch: number): Promise<Float32Array> {
    const m = this.embedManifest;
    const tensor = out[m.outputName];
    const data = tensor ? await tensor.getData() : undefined;
    if (!(data instanceof Float32Array) || data.length !== batch * m.outputSize) {
      throw new ModelLoadError('model_corrupt', `${m.file} output "${m.outputName}" is not ${batch}x${m.outputSize} floats`);
    }
    return data;
  }

  async release(): Promise<void> {
    await this.landmarker.release();
    await this.embedder.release();
  }
}
