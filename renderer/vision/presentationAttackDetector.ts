import type * as Ort from 'onnxruntime-web';
import type { Box } from '../../app/biometrics/geometry';
import { checkModelShape } from '../../app/biometrics/modelShape';
import { FLOAT32_MIN_NORMAL, flushNegligibleWeights } from '../../app/biometrics/onnxWeightFlush';
import type { PadManifest } from '../../app/biometrics/modelManifest';
import { bonaFideScore, padCropBox, padCropTensor } from '../../app/biometrics/padInput';
import type { PresentationAttackCheck } from '../../app/biometrics/presentationAttackCheck';
import { judgePresentation, notChecked } from '../../app/biometrics/presentationAttackCheck';
import type { RgbImage } from '../../app/biometrics/presentationAttacks';
import { fetchModel, joinUrl } from './modelFetch';

/**
 * Presentation-attack detection in the vision worker, on the shots the embedder takes (a track's best shots): the
 * manifest's crop of the frame, fed as the manifest says, scored and judged against its calibration. Built the same
 * way as `faces pad-eval` measures it (app/biometrics/padInput.ts), so the calibrated threshold means the same here.
 * It never throws: a model that could not be loaded or run, or a crop that cannot be read, is "not checked".
 */
export interface PadModelRun {
  /** One run of the model on `input` shaped `dims`; the output named by the manifest. */
  run(input: Float32Array, dims: readonly number[]): Promise<ArrayLike<number>>;
}

/** The pixels of a frame's region (integer bounds inside the frame), as RGB. */
export type RegionReader = (region: Box) => RgbImage;

export class PresentationAttackDetector {
  private constructor(
    readonly manifest: PadManifest,
    private readonly model: PadModelRun | { readonly failed: string },
  ) {}

  /** A detector on a loaded model, or one that answers "not checked" with why the model could not be loaded. */
  static of(manifest: PadManifest, model: PadModelRun | { readonly failed: string }): PresentationAttackDetector {
    return new PresentationAttackDetector(manifest, model);
  }

  get loadError(): string | undefined {
    return 'failed' in this.model ? this.model.failed : undefined;
  }

  /** The check of one face (its detector box in a frame of `frameWidth` x `frameHeight`). */
  async check(box: Box, frameWidth: number, frameHeight: number, read: RegionReader): Promise<PresentationAttackCheck> {
    const m = this.manifest;
    if ('failed' in this.model) return notChecked(`the presentation-attack model could not be loaded: ${this.model.failed}`, m.id);
    const crop = padCropBox(box, frameWidth, frameHeight, m.boxScale);
    if (![crop.x, crop.y, crop.width, crop.height].every(Number.isFinite) || crop.width < 2 || crop.height < 2) {
      return notChecked(`the face crop is unusable (${Math.round(crop.width)}x${Math.round(crop.height)} px)`, m.id);
    }
    // The crop's pixels and one more on each side (bilinear sampling reads its neighbours), inside the frame.
    const x0 = Math.max(0, Math.floor(crop.x) - 1);
    const y0 = Math.max(0, Math.floor(crop.y) - 1);
    const x1 = Math.min(frameWidth, Math.ceil(crop.x + crop.width) + 2);
    const y1 = Math.min(frameHeight, Math.ceil(crop.y + crop.height) + 2);
    try {
      const region = read({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
      const input = padCropTensor(region, { ...crop, x: crop.x - x0, y: crop.y - y0 }, m);
      const [width, height] = m.inputSize;
      const batch = m.batch === 'dynamic' ? 1 : m.batch;
      // A fixed batch larger than one: this face first, zeros after (their outputs dropped).
      const padded = batch === 1 ? input : new Float32Array(batch * input.length);
      if (padded !== input) padded.set(input);
      const outputs = await this.model.run(padded, m.layout === 'NCHW' ? [batch, 3, height, width] : [batch, height, width, 3]);
      const perFace = Array.from(outputs).slice(0, outputs.length / batch);
      return judgePresentation(bonaFideScore(perFace, m.score), m);
    } catch (error) {
      return notChecked(`the presentation-attack model failed on this face: ${error instanceof Error ? error.message : String(error)}`, m.id);
    }
  }
}

/**
 * Loads the PAD model the host verified (served under `assetBase`), checked against its manifest's names, layout
 * and size; any failure is kept as the reason every face is "not checked" (the booth keeps matching faces).
 */
export async function loadPadModel(ort: typeof Ort, assetBase: string, manifest: PadManifest, onBytes: (loaded: number, total: number) => void): Promise<PadModelRun | { readonly failed: string }> {
  try {
    const bytes = await fetchModel(joinUrl(assetBase, manifest.file), onBytes);
    flushNegligibleWeights(bytes, FLOAT32_MIN_NORMAL);
    const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all', extra: { session: { intra_op: { allow_spinning: '0' } } } });
    const input = session.inputMetadata.find((value) => value.name === manifest.inputName);
    checkModelShape({ ...manifest, channels: 3 }, { inputNames: session.inputNames, outputNames: session.outputNames, ...(input?.isTensor ? { inputShape: input.shape } : {}) });
    return {
      async run(data, dims) {
        const out = await session.run({ [manifest.inputName]: new ort.Tensor('float32', data, [...dims]) });
        const value = out[manifest.outputName];
        const result = value ? await value.getData() : undefined;
        if (!(result instanceof Float32Array)) throw new Error(`output "${manifest.outputName}" is not float32`);
        return result;
      },
    };
  } catch (error) {
    return { failed: `${manifest.file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
