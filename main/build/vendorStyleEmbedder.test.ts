import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { vendorStyleEmbedder } from './vendorStyleEmbedder';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const shipped = JSON.parse(readFileSync(path.join(repoRoot, 'assets/models/fr_feature.json'), 'utf8')) as { inputName: string; outputName: string; colourOrder: 'RGB' | 'BGR'; normalisation: { mean: number; std: number }; inputSize: [number, number] };
const original = new Uint8Array(readFileSync(path.join(repoRoot, 'node_modules/faceplugin-face-recognition-js/model/fr_feature.onnx')));
const style = { inputName: 'image', outputName: 'embedding', mean: [123.675, 116.28, 103.53], std: [58.395, 57.12, 57.375] } as const;
const [w, h] = shipped.inputSize;

/** A deterministic RGB picture, 0..255 per channel, row-major pixels. */
const pixels = Float32Array.from({ length: w * h * 3 }, (_, i) => Math.round(127.5 + 127.5 * Math.sin(i * 0.013 + (i % 3) * 1.7)));

async function run(model: Uint8Array, feeds: Record<string, ort.Tensor>, output: string): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(model);
  try {
    expect(session.outputNames).toEqual([output]);
    return (await session.run(feeds))[output]?.data as Float32Array;
  } finally {
    await session.release();
  }
}

const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    na += (a[i] ?? 0) ** 2;
    nb += (b[i] ?? 0) ** 2;
  }
  return dot / Math.sqrt(na * nb);
};

describe('vendorStyleEmbedder', () => {
  it('takes NHWC, RGB, per-channel normalised input under new names, fixed batch 1, and computes the shipped embedding', async () => {
    const vendor = vendorStyleEmbedder(original, 'fr_feature.onnx', style, { mean: shipped.normalisation.mean, std: shipped.normalisation.std, colourOrder: shipped.colourOrder });
    // The shipped feed: planar, BGR, (v - 127) / 128.
    const planar = new Float32Array(3 * w * h);
    const bgr = shipped.colourOrder === 'BGR' ? [2, 1, 0] : [0, 1, 2];
    for (let p = 0; p < w * h; p++) for (let c = 0; c < 3; c++) planar[c * w * h + p] = ((pixels[3 * p + (bgr[c] ?? c)] ?? 0) - shipped.normalisation.mean) / shipped.normalisation.std;
    // The vendor feed: interleaved, RGB, (v - mean[c]) / std[c].
    const interleaved = pixels.map((v, i) => (v - (style.mean[i % 3] ?? 0)) / (style.std[i % 3] ?? 1));
    const expected = await run(original, { [shipped.inputName]: new ort.Tensor('float32', planar, [1, 3, h, w]) }, shipped.outputName);
    const actual = await run(vendor, { image: new ort.Tensor('float32', interleaved, [1, h, w, 3]) }, 'embedding');
    expect(actual.length).toBe(expected.length);
    expect(cosine(actual, expected)).toBeGreaterThan(0.9999);
    // Fixed batch: the vendor model refuses two faces in one run.
    await expect(run(vendor, { image: new ort.Tensor('float32', new Float32Array(2 * w * h * 3), [2, h, w, 3]) }, 'embedding')).rejects.toThrow();
  });
});
