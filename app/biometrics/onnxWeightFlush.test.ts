import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOAT32_MIN_NORMAL, OnnxFormatError, flushNegligibleWeights } from './onnxWeightFlush';

// A minimal protobuf writer, enough to build ONNX models for the tests.
const varint = (value: number): number[] => {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
};
const key = (field: number, wire: number) => varint(field * 8 + wire);
const len = (field: number, payload: number[]) => [...key(field, 2), ...varint(payload.length), ...payload];
const int = (field: number, value: number) => [...key(field, 0), ...varint(value)];
const text = (field: number, value: string) => len(field, [...new TextEncoder().encode(value)]);
const floats = (values: readonly number[]) => [...new Uint8Array(Float32Array.from(values).buffer)];
const floatsOf = (bytes: Uint8Array, start: number, count: number) => [...new Float32Array(bytes.slice(start, start + 4 * count).buffer)];

const FLOAT = 1;
const INT64 = 7;
const weights = [1, 1e-40, -1e-40, 1e-12, -0.5, 3e-39];

/** ir_version, producer, a graph with a float and an int64 initializer and a Constant node, opset. */
function model(): { bytes: Uint8Array; rawAt: number; constantAt: number; int64At: number } {
  const floatTensor = [...int(1, weights.length), ...int(2, FLOAT), ...text(8, 'w'), ...len(9, floats(weights))];
  const int64Payload = [...new Uint8Array(BigInt64Array.from([1n, 2n]).buffer)]; // bit patterns that read as float32 subnormals
  const int64Tensor = [...int(1, 2), ...int(2, INT64), ...text(8, 'shape'), ...len(9, int64Payload)];
  const constantTensor = [...int(2, FLOAT), ...len(4, floats([2e-39, 7]))]; // packed float_data
  const node = [...text(1, 'x'), ...text(2, 'c'), ...text(4, 'Constant'), ...len(5, [...text(1, 'value'), ...len(5, constantTensor), ...int(20, 4)])];
  const graph = [...len(1, node), ...text(2, 'g'), ...len(5, floatTensor), ...len(5, int64Tensor)];
  const bytes = Uint8Array.from([...int(1, 8), ...text(2, 'test'), ...len(7, graph), ...len(8, [...text(1, ''), ...int(2, 17)])]);
  const find = (needle: number[]) => {
    for (let i = 0; i + needle.length <= bytes.length; i++) if (needle.every((b, j) => bytes[i + j] === b)) return i;
    throw new Error('payload not found');
  };
  return { bytes, rawAt: find(floats(weights)), constantAt: find(floats([2e-39, 7])), int64At: find(int64Payload) };
}

describe('flushNegligibleWeights', () => {
  it('zeroes subnormal float weights (keeping the sign) in initializers and Constant nodes, and nothing else', () => {
    const { bytes, rawAt, constantAt, int64At } = model();
    const before = Uint8Array.from(bytes);
    expect(flushNegligibleWeights(bytes)).toBe(4);
    const after = floatsOf(bytes, rawAt, weights.length);
    expect(after).toEqual([1, 0, -0, Math.fround(1e-12), -0.5, 0]);
    expect(Object.is(after[2], -0)).toBe(true);
    expect(floatsOf(bytes, constantAt, 2)).toEqual([0, 7]);
    // The int64 tensor and every byte outside the flushed values are untouched.
    expect([...bytes.slice(int64At, int64At + 16)]).toEqual([...before.slice(int64At, int64At + 16)]);
    const changed = [...bytes].flatMap((b, i) => (b === before[i] ? [] : [i]));
    expect(changed.every((i) => (i >= rawAt && i < rawAt + 4 * weights.length) || (i >= constantAt && i < constantAt + 8))).toBe(true);
  });

  it('also zeroes weights below a given magnitude', () => {
    const { bytes, rawAt } = model();
    expect(flushNegligibleWeights(bytes, 1e-10)).toBe(5);
    expect(floatsOf(bytes, rawAt, weights.length)).toEqual([1, 0, -0, 0, -0.5, 0]);
  });

  it('changes a value only when it is below the bound, and then to a zero of the same sign', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true }), { minLength: 1, maxLength: 64 }), fc.constantFrom(FLOAT32_MIN_NORMAL, 1e-20, 1e-10), (values, below) => {
        const tensor = [...int(2, FLOAT), ...len(9, floats(values))];
        const bytes = Uint8Array.from(len(7, len(5, tensor)));
        const at = bytes.length - 4 * values.length;
        const flushed = flushNegligibleWeights(bytes, below);
        const after = floatsOf(bytes, at, values.length);
        const input = Float32Array.from(values);
        let count = 0;
        input.forEach((v, i) => {
          if (v !== 0 && Math.abs(v) < below) {
            count++;
            expect(Object.is(after[i], v < 0 ? -0 : 0)).toBe(true);
          } else expect(Object.is(after[i], v)).toBe(true);
        });
        expect(flushed).toBe(count);
      }),
    );
  });

  it('rejects bytes that are not an ONNX model with a clear error', () => {
    expect(() => flushNegligibleWeights(new TextEncoder().encode('this is not an onnx model'))).toThrow(OnnxFormatError);
    expect(() => flushNegligibleWeights(new Uint8Array(0))).toThrow(/no graph/);
    expect(() => flushNegligibleWeights(Uint8Array.from([...key(7, 2), 50, 1, 2]))).toThrow(/runs past/);
  });

  it('refuses a bound below the smallest normal float32', () => {
    expect(() => flushNegligibleWeights(model().bytes, 1e-40)).toThrow(RangeError);
  });
});

// The models as their npm package ships them: the prepared copies in assets/generated are flushed at install
// (main/build/prepareManifestModel.ts), so only the source still has the subnormal weights this finds.
const sourceDir = path.resolve(import.meta.dirname, '../../node_modules/faceplugin-face-recognition-js/model');
const hasModels = existsSync(path.join(sourceDir, 'fr_feature.onnx')) && existsSync(path.join(sourceDir, 'fr_landmark.onnx'));
if (!hasModels) console.warn(`onnxWeightFlush: ${sourceDir} has no models (npm ci installs faceplugin-face-recognition-js): shipped-model checks skipped`);

describe.skipIf(!hasModels)('flushNegligibleWeights on the shipped models', () => {
  it('finds the subnormal weights of fr_feature and fr_landmark, and none are left afterwards', () => {
    const feature = new Uint8Array(readFileSync(path.join(sourceDir, 'fr_feature.onnx')));
    const landmark = new Uint8Array(readFileSync(path.join(sourceDir, 'fr_landmark.onnx')));
    expect(flushNegligibleWeights(feature)).toBe(8938);
    expect(flushNegligibleWeights(landmark)).toBe(26567);
    expect(flushNegligibleWeights(feature)).toBe(0);
    // The manifest's bound for fr_feature also takes the dead filters' tiny (normal) weights.
    expect(flushNegligibleWeights(feature, 1e-10)).toBeGreaterThan(190_000);
  });
});
