import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareModels } from './prepareModels';
import { findModelMetadata, readImageInputMetadata } from './tfliteMetadata';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'booth-prepare-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe.skipIf(!existsSync(path.join(repoRoot, 'node_modules/@mediapipe/face_detection')))('prepareModels', () => {
  it('writes patched detectors, the notice, the recognition models and the WASM runtimes, then skips when up to date', async () => {
    const first = await prepareModels({ repoRoot, outDir });
    expect(first.written).toEqual(
      expect.arrayContaining([
        'models/face_detection_short_range.tflite',
        'models/face_detection_full_range.tflite',
        'models/NOTICE-mediapipe-face-detection.txt',
        'models/fr_landmark.onnx',
        'models/fr_feature.onnx',
        'wasm/mediapipe/vision_wasm_internal.wasm',
        'wasm/ort/ort-wasm-simd-threaded.wasm',
        'wasm/ort/ort-wasm-simd-threaded.mjs',
      ]),
    );
    const patched = new Uint8Array(readFileSync(path.join(outDir, 'models/face_detection_short_range.tflite')));
    expect(readImageInputMetadata(findModelMetadata(patched) ?? new Uint8Array(0))).toMatchObject({ colorSpace: 1, mean: [127.5], std: [127.5] });
    expect(readFileSync(path.join(outDir, 'models/NOTICE-mediapipe-face-detection.txt'), 'utf8')).toContain('Apache License, Version 2.0');
    // Both faceplugin models are rewritten for batches (onnxDynamicBatch.test.ts checks they compute the same).
    for (const name of ['fr_landmark.onnx', 'fr_feature.onnx']) {
      const prepared = readFileSync(path.join(outDir, 'models', name));
      expect(prepared.equals(readFileSync(path.join(repoRoot, 'node_modules/faceplugin-face-recognition-js/model', name)))).toBe(false);
    }

    const second = await prepareModels({ repoRoot, outDir });
    expect(second.written).toEqual([]);
    expect(second.skipped.length).toBe(first.written.length);
  });
});
