/**
 * Sets negligible float32 weights of an ONNX model to signed zero, in place: always the subnormal ones, and
 * optionally every weight below a magnitude the model's manifest names (`negligibleWeight`).
 *
 * Why: x86 CPUs compute with subnormal operands or results ~100x slower than with normal ones unless the
 * flush-to-zero / denormals-are-zero bits are set, and WebAssembly cannot set them (onnxruntime's
 * `set_denormal_as_zero` session option does nothing in the WASM build). fr_feature.onnx, trained with weight
 * decay, has 8,938 subnormal weights and ~190,000 more between 1e-38 and 1e-10 (dead filters); multiplied by
 * the near-zero activations of dead channels they produce subnormals in the GEMMs, and how many depends on the
 * face. fr_landmark.onnx has 26,567 subnormal weights (9%) and none between 1e-38 and 1e-9.
 * Measured on fr_feature (onnxruntime-web 1.30 WASM, 2 threads, Node, one input): 46 ms per run as shipped,
 * 30 ms with weights < 1e-20 flushed, 23 ms with weights < 1e-10 flushed, the same as random weights of the same
 * graph (23.6 ms); the embedding did not change in any bit at 1e-10 (max difference 0). In the vision worker
 * (headless Chromium, 2 threads) the embedder went from ~45 ms per run to 16-21 ms (stage embedRun of
 * `BENCH_QUICK=1 npm run bench:vision`); on LFW (faces eval, central face) the flushed model without flip
 * augmentation scores 99.42% View-2 accuracy and FNMR 1.00% at FMR 1e-3, the unflushed one with flip 99.37%, 1.00%.
 *
 * Only the protobuf wire format is read (no ONNX schema library): ModelProto.graph (7) -> GraphProto.initializer
 * (5, TensorProto) and Constant nodes' tensors (GraphProto.node 1 -> NodeProto.attribute 5 -> AttributeProto.t 5,
 * tensors 10), including subgraphs (AttributeProto.g 6, graphs 11); TensorProto.data_type (2) = FLOAT (1) with
 * raw_data (9) or float_data (4).
 */

/** The smallest normal float32: anything below it in magnitude (and not zero) is subnormal. */
export const FLOAT32_MIN_NORMAL = 1.1754943508222875e-38;

export class OnnxFormatError extends Error {
  readonly code = 'onnx_malformed' as const;
  constructor(message: string) {
    super(message);
    this.name = 'OnnxFormatError';
  }
}

const WIRE_VARINT = 0;
const WIRE_I64 = 1;
const WIRE_LEN = 2;
const WIRE_I32 = 5;
const ONNX_FLOAT = 1;

interface Field {
  readonly number: number;
  readonly wire: number;
  /** Varint value (wire type 0). */
  readonly value: number;
  /** Payload bounds (wire type 2 and 5). */
  readonly start: number;
  readonly end: number;
}

function* fields(bytes: Uint8Array, start: number, end: number): Generator<Field> {
  let at = start;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (at >= end) throw new OnnxFormatError(`truncated varint at byte ${at}`);
      const byte = bytes[at++] ?? 0;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw new OnnxFormatError(`varint longer than 10 bytes at byte ${at}`);
  };
  while (at < end) {
    const key = varint();
    const number = Math.floor(key / 8);
    const wire = key % 8;
    switch (wire) {
      case WIRE_VARINT:
        yield { number, wire, value: varint(), start: at, end: at };
        break;
      case WIRE_I64:
        at += 8;
        break;
      case WIRE_LEN: {
        const length = varint();
        if (at + length > end) throw new OnnxFormatError(`field ${number} runs past its message (byte ${at}, length ${length})`);
        yield { number, wire, value: length, start: at, end: at + length };
        at += length;
        break;
      }
      case WIRE_I32:
        yield { number, wire, value: 0, start: at, end: at + 4 };
        at += 4;
        break;
      default:
        throw new OnnxFormatError(`unsupported protobuf wire type ${wire} (field ${number}) at byte ${at}`);
    }
    if (at > end) throw new OnnxFormatError(`message overruns its end at byte ${at}`);
  }
}

/** Zeroes (keeping the sign) the float32 values in bytes[start, end) with 0 < |v| < below; returns how many. */
function flushRange(view: DataView, start: number, end: number, below: number): number {
  let flushed = 0;
  for (let at = start; at + 4 <= end; at += 4) {
    const value = view.getFloat32(at, true);
    if (value !== 0 && Math.abs(value) < below) {
      view.setUint32(at, view.getUint32(at, true) & 0x80000000, true);
      flushed++;
    }
  }
  return flushed;
}

function flushTensor(bytes: Uint8Array, view: DataView, start: number, end: number, below: number): number {
  let dataType = 0;
  const payloads: Field[] = [];
  for (const field of fields(bytes, start, end)) {
    if (field.number === 2 && field.wire === WIRE_VARINT) dataType = field.value;
    else if ((field.number === 9 && field.wire === WIRE_LEN) || (field.number === 4 && (field.wire === WIRE_LEN || field.wire === WIRE_I32))) payloads.push(field);
  }
  if (dataType !== ONNX_FLOAT) return 0;
  return payloads.reduce((sum, p) => sum + flushRange(view, p.start, p.end, below), 0);
}

function flushGraph(bytes: Uint8Array, view: DataView, start: number, end: number, below: number, depth: number): number {
  if (depth > 16) throw new OnnxFormatError('subgraphs nested deeper than 16 levels');
  let flushed = 0;
  for (const field of fields(bytes, start, end)) {
    if (field.wire !== WIRE_LEN) continue;
    if (field.number === 5) flushed += flushTensor(bytes, view, field.start, field.end, below);
    else if (field.number === 1) {
      for (const attribute of fields(bytes, field.start, field.end)) {
        if (attribute.number === 5 && attribute.wire === WIRE_LEN) flushed += flushAttribute(bytes, view, attribute.start, attribute.end, below, depth);
      }
    }
  }
  return flushed;
}

function flushAttribute(bytes: Uint8Array, view: DataView, start: number, end: number, below: number, depth: number): number {
  let flushed = 0;
  for (const field of fields(bytes, start, end)) {
    if (field.wire !== WIRE_LEN) continue;
    if (field.number === 5 || field.number === 10) flushed += flushTensor(bytes, view, field.start, field.end, below); // t, tensors
    else if (field.number === 6 || field.number === 11) flushed += flushGraph(bytes, view, field.start, field.end, below, depth + 1); // g, graphs
  }
  return flushed;
}

/**
 * Rewrites `model` (ONNX ModelProto bytes) in place so that no float32 weight w has 0 < |w| < `below` (at least
 * the subnormals); returns the number of values flushed. Throws OnnxFormatError when the bytes are not a
 * readable ONNX model.
 */
export function flushNegligibleWeights(model: Uint8Array, below = FLOAT32_MIN_NORMAL): number {
  if (!(below >= FLOAT32_MIN_NORMAL)) throw new RangeError(`below must be at least ${FLOAT32_MIN_NORMAL} (got ${below})`);
  const view = new DataView(model.buffer, model.byteOffset, model.byteLength);
  let flushed = 0;
  let sawGraph = false;
  for (const field of fields(model, 0, model.length)) {
    if (field.number === 7 && field.wire === WIRE_LEN) {
      sawGraph = true;
      flushed += flushGraph(model, view, field.start, field.end, below, 0);
    }
  }
  if (!sawGraph) throw new OnnxFormatError('no graph (ModelProto field 7) found: not an ONNX model');
  return flushed;
}
