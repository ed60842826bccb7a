import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  attachModelMetadata,
  bufferCount,
  bufferData,
  buildImageInputMetadata,
  findModelMetadata,
  metadataNames,
  readImageInputMetadata,
  TfliteMetadataError,
} from './tfliteMetadata';

const modelDir = path.resolve(import.meta.dirname, '../../node_modules/@mediapipe/face_detection');
const models = ['face_detection_short_range', 'face_detection_full_range'];
const metadata = buildImageInputMetadata({ name: 'test', description: 'd', version: '1', inputTensorName: 'input', mean: [127.5], std: [127.5] });

describe.skipIf(!existsSync(modelDir))('attachModelMetadata on the BlazeFace models', () => {
  for (const name of models) {
    const original = new Uint8Array(readFileSync(path.join(modelDir, `${name}.tflite`)));

    it(`${name}: ships without TFLITE_METADATA`, () => {
      expect(findModelMetadata(original)).toBeUndefined();
    });

    it(`${name}: gains readable NormalizationOptions metadata, RGB image input`, () => {
      const patched = attachModelMetadata(original, metadata);
      expect(metadataNames(patched)).toContain('TFLITE_METADATA');
      const read = readImageInputMetadata(findModelMetadata(patched) ?? new Uint8Array(0));
      expect(read).toEqual({ name: 'test', colorSpace: 1, mean: [127.5], std: [127.5] });
    });

    it(`${name}: keeps every original buffer byte-identical and 16-byte aligned, original bytes as the tail`, () => {
      const patched = attachModelMetadata(original, metadata);
      const prefix = patched.length - original.length;
      expect(prefix % 16).toBe(0);
      expect(Buffer.from(patched.subarray(prefix)).equals(Buffer.from(original))).toBe(true);
      const count = bufferCount(original);
      expect(bufferCount(patched)).toBe(count + 1);
      for (let i = 0; i < count; i++) {
        const before = bufferData(original, i);
        const after = bufferData(patched, i);
        expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
        if (before.length > 0) expect(after.byteOffset - before.byteOffset).toBe(prefix);
      }
      expect(metadataNames(patched).slice(0, -1)).toEqual(metadataNames(original));
      expect((findModelMetadata(patched)?.byteOffset ?? 1) % 16).toBe(0);
    });

    it(`${name}: refuses to patch twice`, () => {
      const patched = attachModelMetadata(original, metadata);
      expect(() => attachModelMetadata(patched, metadata)).toThrow(TfliteMetadataError);
    });
  }
});

describe('attachModelMetadata input checks', () => {
  it('rejects bytes that are not a TFLite model with a clear code', () => {
    try {
      attachModelMetadata(new Uint8Array(64), metadata);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TfliteMetadataError);
      expect((error as TfliteMetadataError).code).toBe('not_tflite');
    }
  });
});
