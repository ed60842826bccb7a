import { describe, expect, it } from 'vitest';
import type { ManifestShape } from './modelShape';
import { checkModelShape } from './modelShape';

const manifest: ManifestShape = { file: 'models/e.onnx', inputName: 'input', outputName: 'output', inputSize: [112, 112], channels: 3, layout: 'NCHW', batch: 'dynamic' };
const io = { inputNames: ['input'], outputNames: ['output'], inputShape: ['batch', 3, 112, 112] };

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { field?: string }).field;
  }
};

describe('checkModelShape', () => {
  it('accepts a model as its manifest describes it, and says which batch it takes', () => {
    expect(checkModelShape(manifest, io)).toBe('dynamic');
    expect(checkModelShape({ ...manifest, layout: 'NHWC', batch: 1 }, { ...io, inputShape: [1, 112, 112, 3] })).toBe(1);
    expect(checkModelShape({ ...manifest, batch: undefined }, { ...io, inputShape: [4, 3, 112, 112] })).toBe(4);
    expect(checkModelShape(manifest, { ...io, inputShape: undefined })).toBe('dynamic');
  });

  it('names the manifest field a model contradicts', () => {
    expect(fieldOf(() => checkModelShape({ ...manifest, inputName: 'data' }, io))).toBe('inputName');
    expect(() => checkModelShape({ ...manifest, outputName: 'fc1' }, io)).toThrow('models/e.onnx: outputName "fc1" is not an output of the model (it has "output")');
    expect(fieldOf(() => checkModelShape({ ...manifest, layout: 'NHWC' }, io))).toBe('layout');
    expect(fieldOf(() => checkModelShape({ ...manifest, inputSize: [96, 112] }, io))).toBe('inputSize');
    expect(() => checkModelShape({ ...manifest, batch: 1 }, io)).toThrow(/batch is 1 in the manifest but the model's input takes any batch/);
    expect(fieldOf(() => checkModelShape(manifest, { ...io, inputShape: [1, 3, 112, 112] }))).toBe('batch');
    expect(fieldOf(() => checkModelShape(manifest, { ...io, inputShape: [3, 112, 112] }))).toBe('inputName');
  });
});
