import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ManifestShape } from '../../app/biometrics/modelShape';
import { ModelShapeError, checkModelShape } from '../../app/biometrics/modelShape';
import type { AnyModelManifest } from '../../app/biometrics/modelManifest';
import { flushNegligibleWeights } from '../../app/biometrics/onnxWeightFlush';
import { OnnxEditError, readModelIo } from './onnxModel';
import { withDynamicBatch } from './onnxDynamicBatch';
import { attachModelMetadata, buildImageInputMetadata } from './tfliteMetadata';

/**
 * The one preparation step for any model manifest, shipped or an agency's, at install (prepareModels.ts) and at
 * start (the booth's configured models): find the file the manifest names, check it against the manifest's
 * SHA-256, prepare it (TFLite input metadata attached, batch made symbolic where the model allows, negligible
 * weights flushed) and check the prepared model against the manifest's input and output description. Every
 * failure is a ModelPreparationError naming the manifest field that does not hold.
 */
export class ModelPreparationError extends Error {
  readonly code = 'model_unverified' as const;
  constructor(
    /** The manifest field the problem is about (`sha256`, `source`, `inputName`, `layout`, `batch`...). */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ModelPreparationError';
  }
}

export interface PreparedModel {
  readonly manifestPath: string;
  readonly sourceFile: string;
  /** SHA-256 of the source file (what the manifest pins). */
  readonly sourceSha256: string;
  /** The model as the app loads it. */
  readonly bytes: Uint8Array;
  readonly preparedSha256: string;
}

export interface PrepareManifestOptions {
  readonly manifestPath: string;
  readonly manifest: AnyModelManifest;
  /** Where `source.package` is looked up (the app's node_modules). */
  readonly modulesDir: string;
  /** A booth runs only pinned models: without `sha256` the manifest is refused. `faces eval` measures unpinned ones. */
  readonly requireSha256: boolean;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The source file the manifest names: a file of an npm package, a path beside the manifest, or `file` beside it. */
export function modelSourcePath(manifestPath: string, manifest: AnyModelManifest, modulesDir: string): { file: string; field: string } {
  const folder = path.dirname(path.resolve(manifestPath));
  const source = manifest.source;
  if (source && 'package' in source) return { file: path.join(modulesDir, source.package, source.path), field: 'source' };
  if (source) return { file: path.resolve(folder, source.path), field: 'source.path' };
  return { file: path.resolve(folder, manifest.file), field: 'file' };
}

async function readSource(manifestPath: string, manifest: AnyModelManifest, modulesDir: string): Promise<{ file: string; bytes: Uint8Array }> {
  const { file, field } = modelSourcePath(manifestPath, manifest, modulesDir);
  const where = manifest.source && 'package' in manifest.source ? ` (is the npm package "${manifest.source.package}" installed?)` : '';
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new ModelPreparationError(field, `${manifestPath}: ${field}: the model file ${file} does not exist${where}`);
  const bytes = new Uint8Array(await readFile(file));
  if (bytes.length === 0) throw new ModelPreparationError(field, `${manifestPath}: ${field}: the model file ${file} is empty`);
  return { file, bytes };
}

/** What the manifest says the model's input and output are (ONNX models only; a detector is TFLite). */
export function manifestShape(manifest: AnyModelManifest): ManifestShape | undefined {
  switch (manifest.kind) {
    case 'face-detector':
      return undefined;
    case 'face-landmarker':
      return { file: manifest.file, inputName: manifest.inputName, outputName: manifest.outputName, inputSize: manifest.inputSize, channels: 1, layout: 'NCHW' };
    case 'face-embedder':
    case 'presentation-attack-detector':
      return { file: manifest.file, inputName: manifest.inputName, outputName: manifest.outputName, inputSize: manifest.inputSize, channels: 3, layout: manifest.layout, batch: manifest.batch };
  }
}

function prepareTflite(manifest: AnyModelManifest, bytes: Uint8Array): Uint8Array {
  if (manifest.kind !== 'face-detector' || !manifest.attachInputMetadata) return bytes;
  const name = path.basename(manifest.file).replace(/\.tflite$/, '');
  const metadata = buildImageInputMetadata({
    name,
    description: `${manifest.id} with image-input metadata attached by Booth.`,
    version: manifest.version,
    inputTensorName: 'input',
    mean: manifest.attachInputMetadata.mean,
    std: manifest.attachInputMetadata.std,
  });
  return attachModelMetadata(bytes, metadata);
}

const notAModel = (manifestPath: string, error: unknown) => new ModelPreparationError('file', `${manifestPath}: file: not a readable ONNX model (${error instanceof Error ? error.message : String(error)})`);

function prepareOnnx(manifestPath: string, manifest: AnyModelManifest, original: Uint8Array): Uint8Array {
  const shape = manifestShape(manifest);
  try {
    readModelIo(original, manifest.file);
  } catch (error) {
    throw notAModel(manifestPath, error);
  }
  let bytes = original;
  // A symbolic batch lets a frame's faces share one run; a model that cannot take one keeps its own (and a manifest
  // that says "dynamic" for it is refused by the shape check below, naming `batch`).
  const wantsDynamicBatch = shape?.batch === undefined || shape.batch === 'dynamic';
  if (wantsDynamicBatch) {
    try {
      bytes = withDynamicBatch(original, path.basename(manifest.file));
    } catch (error) {
      // Not possible for this model (no batch of 1, or ONNX fields the editor does not know): it keeps its own.
      if (!(error instanceof OnnxEditError)) throw notAModel(manifestPath, error);
    }
  }
  let io;
  try {
    if ('negligibleWeight' in manifest && manifest.negligibleWeight !== undefined) {
      bytes = bytes === original ? original.slice() : bytes;
      flushNegligibleWeights(bytes, manifest.negligibleWeight);
    }
    io = readModelIo(bytes, manifest.file);
  } catch (error) {
    throw notAModel(manifestPath, error);
  }
  if (!shape) return bytes;
  try {
    checkModelShape(shape, { inputNames: io.inputNames, outputNames: io.outputNames, ...(io.inputShapes.has(shape.inputName) ? { inputShape: io.inputShapes.get(shape.inputName) } : {}) });
  } catch (error) {
    if (error instanceof ModelShapeError) throw new ModelPreparationError(error.field, `${manifestPath}: ${error.field}: ${error.message} (manifest field "${error.field}")`);
    throw error;
  }
  return bytes;
}

export async function prepareManifestModel(options: PrepareManifestOptions): Promise<PreparedModel> {
  const { manifestPath, manifest } = options;
  const source = await readSource(manifestPath, manifest, options.modulesDir);
  const sourceSha256 = sha256Of(source.bytes);
  if (manifest.sha256 === undefined && options.requireSha256) {
    throw new ModelPreparationError('sha256', `${manifestPath}: sha256: missing; a booth runs only a model pinned by its SHA-256 (the file's is ${sourceSha256})`);
  }
  if (manifest.sha256 !== undefined && manifest.sha256 !== sourceSha256) {
    throw new ModelPreparationError('sha256', `${manifestPath}: sha256: the model file ${source.file} has SHA-256 ${sourceSha256}, the manifest says ${manifest.sha256} (a changed or corrupt file)`);
  }
  const bytes = path.extname(manifest.file).toLowerCase() === '.onnx' ? prepareOnnx(manifestPath, manifest, source.bytes) : prepareTflite(manifest, source.bytes);
  return { manifestPath, sourceFile: source.file, sourceSha256, bytes, preparedSha256: sha256Of(bytes) };
}
