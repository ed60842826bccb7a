import { Builder, ByteBuffer } from 'flatbuffers';

/**
 * Attaches a minimal TFLite `ModelMetadata` (image input, RGB, NormalizationOptions) to a .tflite model that
 * ships without one (the BlazeFace files of @mediapipe/face_detection). MediaPipe Tasks refuses float-input
 * models without NormalizationOptions metadata.
 *
 * The model is not re-serialised: a new root `Model` table is prepended whose `buffers` and `metadata` vectors
 * reuse every original element by offset, plus one new buffer holding the metadata. Flatbuffer offsets are
 * relative, so the untouched original bytes stay valid; the prefix is a multiple of 16 bytes so every original
 * buffer keeps its alignment. Field slots follow the public tensorflow/lite schema.fbs and metadata_schema.fbs.
 */

/** What to write into the metadata; one image input tensor. */
export interface ImageInputMetadata {
  readonly name: string;
  readonly description: string;
  readonly version: string;
  readonly inputTensorName: string;
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

export type TfliteMetadataErrorCode = 'not_tflite' | 'already_has_metadata' | 'malformed';

export class TfliteMetadataError extends Error {
  constructor(
    readonly code: TfliteMetadataErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TfliteMetadataError';
  }
}

export const TFLITE_METADATA_NAME = 'TFLITE_METADATA';
const MODEL_IDENTIFIER = 'TFL3';
const METADATA_IDENTIFIER = 'M001';
const PREFIX_ALIGNMENT = 16;

/** Model (TFL3) table slots. */
const ModelSlot = { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4, metadataBuffer: 5, metadata: 6, signatureDefs: 7 } as const;
const MODEL_FIELD_COUNT = 8;
/** Unions and enums of metadata_schema.fbs. */
const CONTENT_PROPERTIES_IMAGE = 2;
const COLOR_SPACE_RGB = 1;
const PROCESS_UNIT_NORMALIZATION = 1;

const fieldOffset = (slot: number): number => 4 + 2 * slot;

/** A read-only view of the fields of the model's root table that the patch needs. */
interface ModelView {
  readonly bb: ByteBuffer;
  readonly root: number;
}

function openModel(bytes: Uint8Array): ModelView {
  if (bytes.length < 16) throw new TfliteMetadataError('not_tflite', `model is ${bytes.length} bytes, too short for a TFLite flatbuffer`);
  const bb = new ByteBuffer(bytes);
  if (!bb.__has_identifier(MODEL_IDENTIFIER)) throw new TfliteMetadataError('not_tflite', `model has no "${MODEL_IDENTIFIER}" file identifier`);
  const root = bb.readInt32(0);
  if (root <= 0 || root >= bytes.length) throw new TfliteMetadataError('malformed', `model root offset ${root} is outside the file`);
  return { bb, root };
}

function fieldPosition(view: ModelView, slot: number): number {
  return view.bb.__offset(view.root, fieldOffset(slot));
}

/** Absolute positions of the tables of a vector-of-tables field (empty when absent). */
function tableVector(view: ModelView, slot: number): number[] {
  const o = fieldPosition(view, slot);
  if (o === 0) return [];
  const start = view.bb.__vector(view.root + o);
  const length = view.bb.__vector_len(view.root + o);
  return Array.from({ length }, (_, i) => view.bb.__indirect(start + i * 4));
}

/** Absolute position of a string/vector/table field, or undefined when absent. */
function referencedObject(view: ModelView, slot: number): number | undefined {
  const o = fieldPosition(view, slot);
  return o === 0 ? undefined : view.bb.__indirect(view.root + o);
}

/** Names of the model's `metadata` entries (e.g. "min_runtime_version", "TFLITE_METADATA"). */
export function metadataNames(bytes: Uint8Array): string[] {
  const view = openModel(bytes);
  return tableVector(view, ModelSlot.metadata).map((entry) => {
    const o = view.bb.__offset(entry, fieldOffset(0));
    return o === 0 ? '' : view.bb.__string(entry + o) as string;
  });
}

/** The bytes of buffer `index` of the model (its `data` vector), empty when the buffer has no data. */
export function bufferData(bytes: Uint8Array, index: number): Uint8Array {
  const view = openModel(bytes);
  const buffers = tableVector(view, ModelSlot.buffers);
  const buffer = buffers[index];
  if (buffer === undefined) throw new TfliteMetadataError('malformed', `model has no buffer ${index} (it has ${buffers.length})`);
  const o = view.bb.__offset(buffer, fieldOffset(0));
  if (o === 0) return new Uint8Array(0);
  const start = view.bb.__vector(buffer + o);
  return bytes.subarray(start, start + view.bb.__vector_len(buffer + o));
}

export function bufferCount(bytes: Uint8Array): number {
  return tableVector(openModel(bytes), ModelSlot.buffers).length;
}

/** The raw `ModelMetadata` flatbuffer named TFLITE_METADATA, or undefined when the model has none. */
export function findModelMetadata(bytes: Uint8Array): Uint8Array | undefined {
  const view = openModel(bytes);
  const entries = tableVector(view, ModelSlot.metadata);
  const names = metadataNames(bytes);
  const index = names.indexOf(TFLITE_METADATA_NAME);
  const entry = entries[index];
  if (entry === undefined) return undefined;
  const o = view.bb.__offset(entry, fieldOffset(1));
  const bufferIndex = o === 0 ? 0 : view.bb.readUint32(entry + o);
  return bufferData(bytes, bufferIndex);
}

/** Builds the standalone `ModelMetadata` flatbuffer (file identifier M001). */
export function buildImageInputMetadata(metadata: ImageInputMetadata): Uint8Array {
  const b = new Builder(512);
  const floats = (values: readonly number[]): number => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i] ?? 0);
    return b.endVector();
  };
  const offsets = (values: readonly number[]): number => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addOffset(values[i] ?? 0);
    return b.endVector();
  };

  const mean = floats(metadata.mean);
  const std = floats(metadata.std);
  b.startObject(2); // NormalizationOptions
  b.addFieldOffset(0, mean, 0);
  b.addFieldOffset(1, std, 0);
  const normalization = b.endObject();

  b.startObject(2); // ProcessUnit
  b.addFieldInt8(0, PROCESS_UNIT_NORMALIZATION, 0);
  b.addFieldOffset(1, normalization, 0);
  const processUnit = b.endObject();

  b.startObject(2); // ImageProperties
  b.addFieldInt8(0, COLOR_SPACE_RGB, 0);
  const imageProperties = b.endObject();

  b.startObject(3); // Content
  b.addFieldInt8(0, CONTENT_PROPERTIES_IMAGE, 0);
  b.addFieldOffset(1, imageProperties, 0);
  const content = b.endObject();

  const tensorName = b.createString(metadata.inputTensorName);
  const processUnits = offsets([processUnit]);
  b.startObject(5); // TensorMetadata
  b.addFieldOffset(0, tensorName, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, processUnits, 0);
  const tensor = b.endObject();

  const inputs = offsets([tensor]);
  b.startObject(3); // SubGraphMetadata
  b.addFieldOffset(2, inputs, 0);
  const subgraph = b.endObject();

  const name = b.createString(metadata.name);
  const description = b.createString(metadata.description);
  const version = b.createString(metadata.version);
  const minParserVersion = b.createString('1.0.0');
  const subgraphs = offsets([subgraph]);
  b.startObject(8); // ModelMetadata
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(1, description, 0);
  b.addFieldOffset(2, version, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, minParserVersion, 0);
  const root = b.endObject();
  b.finish(root, METADATA_IDENTIFIER);
  return b.asUint8Array().slice();
}

/** Parsed back from a ModelMetadata flatbuffer: just what the patch writes, for verification. */
export interface ReadImageInputMetadata {
  readonly name: string;
  readonly colorSpace: number;
  readonly mean: number[];
  readonly std: number[];
}

export function readImageInputMetadata(metadata: Uint8Array): ReadImageInputMetadata {
  const bb = new ByteBuffer(metadata);
  if (!bb.__has_identifier(METADATA_IDENTIFIER)) throw new TfliteMetadataError('malformed', `metadata has no "${METADATA_IDENTIFIER}" identifier`);
  const table = (pos: number, slot: number): number => {
    const o = bb.__offset(pos, fieldOffset(slot));
    if (o === 0) throw new TfliteMetadataError('malformed', `metadata field ${slot} missing`);
    return bb.__indirect(pos + o);
  };
  const firstOf = (pos: number, slot: number): number => {
    const o = bb.__offset(pos, fieldOffset(slot));
    if (o === 0 || bb.__vector_len(pos + o) === 0) throw new TfliteMetadataError('malformed', `metadata vector ${slot} empty`);
    return bb.__indirect(bb.__vector(pos + o));
  };
  const floats = (pos: number, slot: number): number[] => {
    const o = bb.__offset(pos, fieldOffset(slot));
    const start = bb.__vector(pos + o);
    return Array.from({ length: bb.__vector_len(pos + o) }, (_, i) => bb.readFloat32(start + 4 * i));
  };
  const root = bb.readInt32(0);
  const nameOffset = bb.__offset(root, fieldOffset(0));
  const name = nameOffset === 0 ? '' : (bb.__string(root + nameOffset) as string);
  const tensor = firstOf(firstOf(root, 3), 2);
  const content = table(tensor, 3);
  const imageProperties = table(content, 1);
  const colorOffset = bb.__offset(imageProperties, fieldOffset(0));
  const normalization = table(firstOf(tensor, 4), 1);
  return {
    name,
    colorSpace: colorOffset === 0 ? 0 : bb.readInt8(imageProperties + colorOffset),
    mean: floats(normalization, 0),
    std: floats(normalization, 1),
  };
}

/** Returns a new model with `metadata` attached as TFLITE_METADATA; the original bytes follow unchanged. */
export function attachModelMetadata(model: Uint8Array, metadata: Uint8Array): Uint8Array {
  const view = openModel(model);
  if (metadataNames(model).includes(TFLITE_METADATA_NAME)) throw new TfliteMetadataError('already_has_metadata', 'model already carries TFLITE_METADATA');
  const oldBuffers = tableVector(view, ModelSlot.buffers);
  const oldMetadata = tableVector(view, ModelSlot.metadata);

  const b = new Builder(metadata.length + 1024);
  // Every offset into the original model is written as if the original followed this builder's output
  // directly: in the builder's end-relative coordinates, original position q is -q.
  const original = (position: number): number => -position;
  b.prep(PREFIX_ALIGNMENT, 0); // raises minalign so finish() pads the prefix to a multiple of 16

  b.startVector(1, metadata.length, PREFIX_ALIGNMENT);
  for (let i = metadata.length - 1; i >= 0; i--) b.addInt8(metadata[i] ?? 0);
  const metadataBytes = b.endVector();
  b.startObject(3); // Buffer
  b.addFieldOffset(0, metadataBytes, 0);
  const metadataBuffer = b.endObject();

  const metadataName = b.createString(TFLITE_METADATA_NAME);
  b.startObject(2); // Metadata
  b.addFieldOffset(0, metadataName, 0);
  b.addFieldInt32(1, oldBuffers.length, -1);
  const metadataEntry = b.endObject();

  b.startVector(4, oldBuffers.length + 1, 4);
  b.addOffset(metadataBuffer);
  for (let i = oldBuffers.length - 1; i >= 0; i--) b.addOffset(original(oldBuffers[i] ?? 0));
  const buffers = b.endVector();

  b.startVector(4, oldMetadata.length + 1, 4);
  b.addOffset(metadataEntry);
  for (let i = oldMetadata.length - 1; i >= 0; i--) b.addOffset(original(oldMetadata[i] ?? 0));
  const metadataVector = b.endVector();

  const versionOffset = fieldPosition(view, ModelSlot.version);
  b.startObject(MODEL_FIELD_COUNT);
  if (versionOffset !== 0) b.addFieldInt32(ModelSlot.version, view.bb.readUint32(view.root + versionOffset), -1);
  for (const slot of [ModelSlot.operatorCodes, ModelSlot.subgraphs, ModelSlot.description, ModelSlot.metadataBuffer, ModelSlot.signatureDefs]) {
    const target = referencedObject(view, slot);
    if (target !== undefined) b.addFieldOffset(slot, original(target), 0);
  }
  b.addFieldOffset(ModelSlot.buffers, buffers, 0);
  b.addFieldOffset(ModelSlot.metadata, metadataVector, 0);
  const root = b.endObject();
  b.finish(root, MODEL_IDENTIFIER);

  const prefix = b.asUint8Array();
  if (prefix.length % PREFIX_ALIGNMENT !== 0) throw new TfliteMetadataError('malformed', `prefix of ${prefix.length} bytes is not 16-byte aligned`);
  const patched = new Uint8Array(prefix.length + model.length);
  patched.set(prefix, 0);
  patched.set(model, prefix.length);
  return patched;
}
