import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { withDynamicBatch } from './onnxDynamicBatch';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const modelDir = path.join(repoRoot, 'node_modules/faceplugin-face-recognition-js/model');

const models = [
  { file: 'fr_feature.onnx', itemShape: [3, 112, 112], outputPerItem: 512 },
  { file: 'fr_landmark.onnx', itemShape: [1, 64, 64], outputPerItem: 136 },
] as const;

describe.each(models)('withDynamicBatch on $file', ({ file, itemShape, outputPerItem }) => {
  const modelFile = path.join(modelDir, file);
  const itemSize = itemShape.reduce<number>((a, b) => a * b, 1);
  /** Deterministic, different "faces". */
  const faces = (count: number) => Float32Array.from({ length: count * itemSize }, (_, i) => Math.sin(i * 0.37 + Math.floor(i / itemSize)) * 0.8);
  async function run(model: Uint8Array, input: Float32Array, batch: number): Promise<Float32Array> {
    const session = await ort.InferenceSession.create(model);
    try {
      const out = await session.run({ input: new ort.Tensor('float32', input, [batch, ...itemShape]) });
      expect(out.output?.dims).toEqual([batch, outputPerItem]);
      return out.output?.data as Float32Array;
    } finally {
      await session.release();
    }
  }

  it.skipIf(!existsSync(modelFile))('computes exactly what the original does for one face, and each face of a batch as if alone', async () => {
    const original = new Uint8Array(readFileSync(modelFile));
    const batched = withDynamicBatch(original, file);
    const input = faces(3);
    const alone = await Promise.all([0, 1, 2].map((k) => run(original, input.slice(k * itemSize, (k + 1) * itemSize), 1)));
    const together = await run(batched, input, 3);
    for (const [k, one] of alone.entries()) {
      const fromBatch = together.subarray(k * outputPerItem, (k + 1) * outputPerItem);
      expect(Math.max(...one.map((v, i) => Math.abs(v - (fromBatch[i] ?? NaN))))).toBeLessThan(1e-4);
    }
    expect(await run(batched, input.slice(0, itemSize), 1)).toEqual(alone[0]);
    // The original refuses a batch: why the rewrite exists.
    await expect(run(original, faces(2), 2)).rejects.toThrow();
    // Install may run again over an already rewritten model: nothing changes.
    expect(Buffer.from(withDynamicBatch(batched, file)).equals(Buffer.from(batched))).toBe(true);
  }, 60_000);

  it.skipIf(!existsSync(modelFile))('refuses a model carrying ONNX fields it does not know rather than dropping them', () => {
    // Field 20 of ModelProto (training_info), length-delimited: unknown to the editing subset.
    const extended = new Uint8Array([...readFileSync(modelFile), 0xa2, 0x01, 2, 0x0a, 0x00]);
    expect(() => withDynamicBatch(extended, 'extended.onnx')).toThrow(/extended.onnx uses ONNX fields this editor does not know/);
  });
});
