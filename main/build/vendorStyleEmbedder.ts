import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { channelValues } from '../../app/biometrics/modelManifest';
import type { Model, Tensor } from './onnxModel';
import { INT64, OnnxEditError, decodeModel, encodeModel } from './onnxModel';

/**
 * A second embedder made from the shipped one that differs from it in every way a vendor's model can: NHWC
 * input, RGB order, its own per-channel normalisation, another input and output name, a fixed batch of 1. New
 * nodes in front of the original graph undo each difference (transpose to NCHW, reorder the channels to BGR,
 * map the vendor normalisation onto the original's (v - mean) / std), so, fed as its manifest says, it computes
 * the shipped model's embeddings: the proof that a manifest alone brings a model in.
 */
export interface VendorStyle {
  readonly inputName: string;
  readonly outputName: string;
  /** Per channel, RGB order: the vendor's input is (v - mean[c]) / std[c]. */
  readonly mean: readonly [number, number, number];
  readonly std: readonly [number, number, number];
}

/** The original's own normalisation (fr_feature: BGR, (v - 127) / 128). */
export interface OriginalFeed {
  readonly mean: number;
  readonly std: number;
  readonly colourOrder: 'RGB' | 'BGR';
}

const FLOAT = 1;

function floatTensor(name: string, dims: number[], values: readonly number[]): Tensor {
  return { name, dims, dataType: FLOAT, rawData: new Uint8Array(new Float32Array(values).buffer) };
}

function int64Tensor(name: string, dims: number[], values: readonly number[]): Tensor {
  const raw = new Uint8Array(8 * values.length);
  values.forEach((v, i) => new DataView(raw.buffer).setBigInt64(8 * i, BigInt(v), true));
  return { name, dims, dataType: INT64, rawData: raw };
}

export function vendorStyleEmbedder(original: Uint8Array, name: string, style: VendorStyle, feed: OriginalFeed): Uint8Array {
  const model: Model = decodeModel(original, name);
  const graph = model.graph;
  const [input] = graph.input.filter((i) => !graph.initializer.some((t) => t.name === i.name));
  const [output] = graph.output;
  if (!input || !output) throw new OnnxEditError(`${name}: expected one image input and one output`);
  const dims = input.type?.tensorType?.shape?.dim ?? [];
  const [batch, channels, height, width] = dims.map((d) => d.dimValue);
  if (batch !== 1 || channels !== 3 || !height || !width) throw new OnnxEditError(`${name}: expected a [1, 3, H, W] input, got [${dims.map((d) => d.dimValue ?? d.dimParam).join(', ')}]`);
  const rgbToOriginal = feed.colourOrder === 'BGR' ? [2, 1, 0] : [0, 1, 2];
  // After the channel reorder, channel k of the original's input is vendor channel rgbToOriginal[k]:
  // v = x * std_v + mean_v, and the original wants (v - mean_o) / std_o = x * (std_v / std_o) + (mean_v - mean_o) / std_o.
  const scale = rgbToOriginal.map((c) => (style.std[c] ?? 1) / feed.std);
  const bias = rgbToOriginal.map((c) => ((style.mean[c] ?? 0) - feed.mean) / feed.std);
  const prefix = 'vendor_style_';
  graph.initializer.push(
    int64Tensor(`${prefix}channel_order`, [3], rgbToOriginal),
    floatTensor(`${prefix}scale`, [1, 3, 1, 1], scale),
    floatTensor(`${prefix}bias`, [1, 3, 1, 1], bias),
  );
  const node = (opType: string, inputs: string[], outputs: string[], attribute: unknown[] = []) => ({ input: inputs, output: outputs, opType, name: `${prefix}${opType}`, attribute });
  graph.node.unshift(
    node('Transpose', [style.inputName], [`${prefix}nchw`], [{ name: 'perm', type: 7, ints: [0, 3, 1, 2] }]),
    node('Gather', [`${prefix}nchw`, `${prefix}channel_order`], [`${prefix}ordered`], [{ name: 'axis', type: 2, i: 1 }]),
    node('Mul', [`${prefix}ordered`, `${prefix}scale`], [`${prefix}scaled`]),
    node('Add', [`${prefix}scaled`, `${prefix}bias`], [input.name]),
  );
  graph.node.push(node('Identity', [output.name], [style.outputName]));
  graph.input = graph.input.map((i) =>
    i === input ? { name: style.inputName, type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimValue: 1 }, { dimValue: height }, { dimValue: width }, { dimValue: 3 }] } } } } : i,
  );
  graph.output = [{ ...output, name: style.outputName }];
  return encodeModel(model);
}

/** The vendor-style normalisation the example uses (ImageNet's, RGB order). */
export const VENDOR_STYLE: VendorStyle = { inputName: 'image', outputName: 'embedding', mean: [123.675, 116.28, 103.53], std: [58.395, 57.12, 57.375] };

/**
 * An agency's folder as an integrator would hand it over: the vendor-style model file and its manifest beside it
 * (file relative to the manifest, pinned by SHA-256), made from the given embedder manifest and its model file.
 * The calibration and face-ness are the original's: the model computes the original's embeddings.
 */
export function writeVendorStyleModelFolder(folder: string, original: { manifest: EvaluableEmbedderManifest; modelFile: string }): { manifestPath: string; modelPath: string; manifest: EvaluableEmbedderManifest } {
  const { manifest } = original;
  const mean = channelValues(manifest.normalisation.mean);
  const std = channelValues(manifest.normalisation.std);
  if (new Set(mean).size !== 1 || new Set(std).size !== 1) throw new Error(`${manifest.id}: the vendor-style example is made from a model normalised the same way on every channel`);
  const model = vendorStyleEmbedder(new Uint8Array(readFileSync(original.modelFile)), path.basename(original.modelFile), VENDOR_STYLE, { mean: mean[0], std: std[0], colourOrder: manifest.colourOrder });
  mkdirSync(folder, { recursive: true });
  const modelPath = path.join(folder, 'vendor_embedder.onnx');
  writeFileSync(modelPath, model);
  const { source: _source, ...rest } = manifest;
  const vendor: EvaluableEmbedderManifest = {
    ...rest,
    id: `${manifest.id}-vendor-style`,
    version: `${manifest.version} + vendor-style input`,
    provenance: `Built by main/build/vendorStyleEmbedder.ts from ${manifest.id}: NHWC RGB input normalised per channel, fixed batch 1; computes ${manifest.id}'s embeddings.`,
    file: 'vendor_embedder.onnx',
    sha256: createHash('sha256').update(model).digest('hex'),
    inputName: VENDOR_STYLE.inputName,
    outputName: VENDOR_STYLE.outputName,
    layout: 'NHWC',
    colourOrder: 'RGB',
    normalisation: { mean: [...VENDOR_STYLE.mean], std: [...VENDOR_STYLE.std] },
    batch: 1,
  };
  const manifestPath = path.join(folder, 'vendor_embedder.json');
  writeFileSync(manifestPath, `${JSON.stringify(vendor, null, 2)}\n`);
  return { manifestPath, modelPath, manifest: vendor };
}
