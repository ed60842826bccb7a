/**
 * Checks a loaded model against what its manifest says (input and output names, layout, input size, batch), so
 * an integrator's mistake is an error naming the manifest field, not every face failing to embed.
 */
export class ModelShapeError extends Error {
  readonly code = 'model_mismatch' as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ModelShapeError';
  }
}

export interface ManifestShape {
  readonly file: string;
  readonly inputName: string;
  readonly outputName: string;
  /** Width, height. */
  readonly inputSize: readonly [number, number];
  readonly channels: 1 | 3;
  readonly layout: 'NCHW' | 'NHWC';
  /** Undefined: the manifest does not say (either is taken). */
  readonly batch?: 'dynamic' | number;
}

export interface ModelIo {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /** The input's declared shape when the model declares one: numbers, or names/-1 for symbolic dimensions. */
  readonly inputShape?: readonly (number | string)[];
}

const isFixed = (dim: number | string | undefined): dim is number => typeof dim === 'number' && dim > 0;

/** The batch the model takes ('dynamic' or a fixed size), after checking the model against the manifest. */
export function checkModelShape(m: ManifestShape, io: ModelIo): 'dynamic' | number {
  if (!io.inputNames.includes(m.inputName)) throw new ModelShapeError('inputName', `${m.file}: inputName "${m.inputName}" is not an input of the model (it has ${io.inputNames.map((n) => `"${n}"`).join(', ')})`);
  if (!io.outputNames.includes(m.outputName)) throw new ModelShapeError('outputName', `${m.file}: outputName "${m.outputName}" is not an output of the model (it has ${io.outputNames.map((n) => `"${n}"`).join(', ')})`);
  const shape = io.inputShape;
  if (!shape) return m.batch ?? 'dynamic';
  if (shape.length !== 4) throw new ModelShapeError('inputName', `${m.file}: input "${m.inputName}" has ${shape.length} dimensions, an image batch has 4`);
  const [width, height] = m.inputSize;
  const [c, h, w] = m.layout === 'NCHW' ? [shape[1], shape[2], shape[3]] : [shape[3], shape[1], shape[2]];
  if (isFixed(c) && c !== m.channels) {
    throw new ModelShapeError('layout', `${m.file}: with layout ${m.layout} the model's input [${shape.join(', ')}] has ${c} channels, not ${m.channels}: is the layout right?`);
  }
  if ((isFixed(h) && h !== height) || (isFixed(w) && w !== width)) {
    throw new ModelShapeError('inputSize', `${m.file}: inputSize is [${width}, ${height}] but the model's input is [${shape.join(', ')}] (${m.layout})`);
  }
  const modelBatch = isFixed(shape[0]) ? shape[0] : 'dynamic';
  if (m.batch !== undefined && m.batch !== modelBatch) {
    throw new ModelShapeError('batch', `${m.file}: batch is ${JSON.stringify(m.batch)} in the manifest but the model's input takes ${modelBatch === 'dynamic' ? 'any batch ("dynamic")' : `a fixed batch of ${modelBatch}`}`);
  }
  return modelBatch;
}
