import { createRequire } from 'node:module';

interface J2KEncoder {
  getDecodedBuffer(frameInfo: { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned: boolean; isUsingColorSpace?: boolean }): Uint8Array;
  setQuality(lossless: boolean, quality: number): void;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
  delete(): void;
}

/**
 * A small JPEG 2000 codestream made here, with OpenJPEG's encoder, for tests and fuzz seeds: the project makes
 * its own images rather than copy a real one. Greyscale or RGB gradient, lossless.
 */
export async function encodeJpeg2000ForTests(width: number, height: number, componentCount: 1 | 3 = 3): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const factory = require('@cornerstonejs/codec-openjpeg/wasmjs') as (config: object) => Promise<{ J2KEncoder: new () => J2KEncoder }>;
  const module = await factory({ print: () => undefined, printErr: () => undefined });
  const encoder = new module.J2KEncoder();
  try {
    const pixels = encoder.getDecodedBuffer({ width, height, bitsPerSample: 8, componentCount, isSigned: false, isUsingColorSpace: false });
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        for (let c = 0; c < componentCount; c++) pixels[(y * width + x) * componentCount + c] = (x * 4 + y * 2 + c * 60) & 0xff;
      }
    }
    encoder.encode();
    return Uint8Array.from(encoder.getEncodedBuffer());
  } finally {
    encoder.delete();
  }
}

/** The codestream with the SIZ marker's image size (Xsiz, Ysiz) replaced: what a hostile chip declares. */
export function withDeclaredSize(codestream: Uint8Array, width: number, height: number): Uint8Array {
  const out = Uint8Array.from(codestream);
  const view = new DataView(out.buffer);
  if (view.getUint16(0) !== 0xff4f || view.getUint16(2) !== 0xff51) throw new Error('not a raw JPEG 2000 codestream');
  view.setUint32(8, width);
  view.setUint32(12, height);
  return out;
}
