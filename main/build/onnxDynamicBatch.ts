import { decodeModel, encodeModel, INT64, OnnxEditError, type Tensor } from './onnxModel';

/**
 * The faceplugin models declare a batch of exactly 1, so several faces cannot share one run. Batching the faces
 * of a frame through the embedder measured ~15-20% less time per face here (bigger convolutions keep both
 * threads busy). This rewrites the declared batch size of every graph input and output to a symbolic `batch`,
 * and every Reshape target that pins the batch to 1 to 0 ("keep the input's batch"). Weights and every other
 * node are untouched, so a batch of one computes exactly what the original did.
 */
export function withDynamicBatch(bytes: Uint8Array, name: string): Uint8Array {
  const model = decodeModel(bytes, name);
  const graph = model.graph;
  for (const value of [...graph.input, ...graph.output]) {
    const first = value.type?.tensorType?.shape?.dim?.[0];
    if (!first || (first.dimValue !== 1 && first.dimParam === undefined)) throw new OnnxEditError(`${name}: ${value.name} does not start with a batch dimension of 1`);
    delete first.dimValue;
    first.dimParam = 'batch';
  }
  const initializers = new Map(graph.initializer.map((t) => [t.name, t]));
  for (const node of graph.node.filter((n) => n.opType === 'Reshape')) {
    const shape = initializers.get(node.input[1]);
    if (!shape) throw new OnnxEditError(`${name}: a Reshape takes its shape from a computation, not a constant; cannot tell where the batch is`);
    if (firstInt64(shape, name) === 1) setFirstInt64(shape, 0);
  }
  // Shapes recorded for intermediate values still say 1: drop them, onnxruntime infers them again.
  graph.valueInfo = [];
  return encodeModel(model);
}

function firstInt64(tensor: Tensor, name: string): number {
  if (tensor.dataType !== INT64) throw new OnnxEditError(`${name}: Reshape shape ${tensor.name} is not int64`);
  if (tensor.rawData && tensor.rawData.length >= 8) return Number(new DataView(tensor.rawData.buffer, tensor.rawData.byteOffset, 8).getBigInt64(0, true));
  const value = tensor.int64Data?.[0];
  if (value === undefined) throw new OnnxEditError(`${name}: Reshape shape ${tensor.name} is empty`);
  return value;
}

function setFirstInt64(tensor: Tensor, value: number): void {
  if (tensor.rawData && tensor.rawData.length >= 8) {
    const raw = tensor.rawData.slice();
    new DataView(raw.buffer, raw.byteOffset, 8).setBigInt64(0, BigInt(value), true);
    tensor.rawData = raw;
  } else if (tensor.int64Data) tensor.int64Data[0] = value;
}
