import protobuf from 'protobufjs';

/**
 * Just enough of onnx.proto (proto2 field numbers) to edit the shapes of a plain inference model with protobufjs.
 * protobufjs silently drops fields its schema lacks, so every edit first checks that the subset re-encodes the
 * model byte for byte: a model using anything beyond it (training info, functions, sparse tensors...) is refused
 * instead of being damaged.
 */
const ONNX_SUBSET = `
syntax = "proto2";
package onnx;
message StringStringEntryProto { optional string key = 1; optional string value = 2; }
message OperatorSetIdProto { optional string domain = 1; optional int64 version = 2; }
message TensorProto {
  repeated int64 dims = 1;
  optional int32 data_type = 2;
  repeated float float_data = 4 [packed = true];
  repeated int32 int32_data = 5 [packed = true];
  repeated bytes string_data = 6;
  repeated int64 int64_data = 7 [packed = true];
  optional string name = 8;
  optional string doc_string = 12;
  optional bytes raw_data = 9;
  repeated StringStringEntryProto external_data = 13;
  optional int32 data_location = 14;
  repeated double double_data = 10 [packed = true];
  repeated uint64 uint64_data = 11 [packed = true];
}
message TensorShapeProto {
  message Dimension { optional int64 dim_value = 1; optional string dim_param = 2; optional string denotation = 3; }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { optional int32 elem_type = 1; optional TensorShapeProto shape = 2; }
  optional Tensor tensor_type = 1;
  optional string denotation = 6;
}
message ValueInfoProto { optional string name = 1; optional TypeProto type = 2; optional string doc_string = 3; }
message AttributeProto {
  optional string name = 1;
  optional string ref_attr_name = 21;
  optional string doc_string = 13;
  optional int32 type = 20;
  optional float f = 2;
  optional int64 i = 3;
  optional bytes s = 4;
  optional TensorProto t = 5;
  optional GraphProto g = 6;
  repeated float floats = 7;
  repeated int64 ints = 8;
  repeated bytes strings = 9;
  repeated TensorProto tensors = 10;
  repeated GraphProto graphs = 11;
}
message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  optional string name = 3;
  optional string op_type = 4;
  optional string domain = 7;
  repeated AttributeProto attribute = 5;
  optional string doc_string = 6;
}
message GraphProto {
  repeated NodeProto node = 1;
  optional string name = 2;
  repeated TensorProto initializer = 5;
  optional string doc_string = 10;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
  repeated ValueInfoProto value_info = 13;
}
message ModelProto {
  optional int64 ir_version = 1;
  repeated OperatorSetIdProto opset_import = 8;
  optional string producer_name = 2;
  optional string producer_version = 3;
  optional string domain = 4;
  optional int64 model_version = 5;
  optional string doc_string = 6;
  optional GraphProto graph = 7;
  repeated StringStringEntryProto metadata_props = 14;
}
`;

export interface TensorShapeDimension {
  dimValue?: number;
  dimParam?: string;
}
export interface ValueInfo {
  name: string;
  type?: { tensorType?: { elemType?: number; shape?: { dim?: TensorShapeDimension[] } } };
}
export interface Tensor {
  name?: string;
  dims: number[];
  dataType?: number;
  rawData?: Uint8Array;
  int64Data?: number[];
}
export interface Node {
  input: string[];
  output: string[];
  opType: string;
}
export interface Graph {
  node: Node[];
  initializer: Tensor[];
  input: ValueInfo[];
  output: ValueInfo[];
  valueInfo?: ValueInfo[];
}
export interface Model {
  graph: Graph;
  [field: string]: unknown;
}

export const INT64 = 7;

const ModelProto = protobuf.parse(ONNX_SUBSET, { keepCase: false }).root.lookupType('onnx.ModelProto');

export class OnnxEditError extends Error {
  readonly code = 'onnx_unsupported' as const;
  constructor(message: string) {
    super(message);
    this.name = 'OnnxEditError';
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Decodes an ONNX model for editing; refuses one the subset cannot reproduce exactly. */
export function decodeModel(bytes: Uint8Array, name: string): Model {
  const message = ModelProto.decode(bytes);
  if (!sameBytes(ModelProto.encode(message).finish(), bytes)) {
    throw new OnnxEditError(`${name} uses ONNX fields this editor does not know: it would not survive re-encoding`);
  }
  return ModelProto.toObject(message, { longs: Number, bytes: Uint8Array, defaults: false, arrays: true }) as Model;
}

export function encodeModel(model: Model): Uint8Array {
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

/**
 * The model's inputs (graph inputs that are not weights), outputs and each input's declared shape, read
 * without the re-encoding check: reading names and shapes is safe whatever else the model carries.
 */
export function readModelIo(bytes: Uint8Array, name: string): { inputNames: string[]; outputNames: string[]; inputShapes: Map<string, (number | string)[]> } {
  let model: Model;
  try {
    model = ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, bytes: Uint8Array, defaults: false, arrays: true }) as Model;
  } catch (error) {
    throw new OnnxEditError(`${name} is not a readable ONNX model (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!model.graph) throw new OnnxEditError(`${name} is not an ONNX model: it has no graph`);
  const weights = new Set(model.graph.initializer.map((t) => t.name));
  const inputs = model.graph.input.filter((i) => !weights.has(i.name));
  const shapeOf = (value: ValueInfo) => (value.type?.tensorType?.shape?.dim ?? []).map((d) => d.dimValue ?? d.dimParam ?? -1);
  return { inputNames: inputs.map((i) => i.name), outputNames: model.graph.output.map((o) => o.name), inputShapes: new Map(inputs.map((i) => [i.name, shapeOf(i)])) };
}
