import { createRequire } from 'node:module';

/** Decoded pixels, 8-bit RGBA, row-major. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

export class FaceImageError extends Error {
  override readonly name = 'FaceImageError';
  constructor(
    readonly code: 'decode_failed' | 'unsupported_layout',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The part of @cornerstonejs/codec-openjpeg's J2KDecoder this project uses (the package ships no types). */
interface J2KDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned: boolean };
  getDecodedBuffer(): Uint8Array;
  delete(): void;
}
interface OpenJpegModule {
  J2KDecoder: new () => J2KDecoder;
}

let modulePromise: Promise<OpenJpegModule> | undefined;
/** OpenJPEG's own messages of the current decode (Emscripten printErr), quoted in errors instead of printed. */
let decoderMessages: string[] = [];

/** Loads the OpenJPEG WASM build once (about 100 ms). */
function openjpeg(): Promise<OpenJpegModule> {
  modulePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const factory: unknown = require('@cornerstonejs/codec-openjpeg/wasmjs');
    if (typeof factory !== 'function') throw new FaceImageError('decode_failed', '@cornerstonejs/codec-openjpeg/wasmjs did not export a module factory');
    // Emscripten prints OpenJPEG's [INFO] lines to stdout by default, which would corrupt CLI JSON output.
    const module: unknown = await (factory as (config: object) => Promise<unknown>)({
      print: () => undefined,
      printErr: (line: string) => void decoderMessages.push(line),
    });
    if (typeof module !== 'object' || module === null || typeof (module as { J2KDecoder?: unknown }).J2KDecoder !== 'function') {
      throw new FaceImageError('decode_failed', 'OpenJPEG module has no J2KDecoder');
    }
    return module as OpenJpegModule;
  })();
  return modulePromise;
}

/**
 * Decodes a JPEG 2000 image (JP2 file or raw J2K codestream, as found in DG2) to RGBA with OpenJPEG's WASM
 * build. Greyscale and RGB(A) with 8 to 16 bits per sample are supported; samples above 8 bits are scaled.
 */
export async function decodeJpeg2000(bytes: Uint8Array): Promise<RgbaImage> {
  const { J2KDecoder } = await openjpeg();
  const decoder = new J2KDecoder();
  decoderMessages = [];
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    try {
      decoder.decode();
    } catch (error) {
      const detail = decoderMessages.filter((m) => /error/i.test(m)).slice(-2).join('; ');
      throw new FaceImageError('decode_failed', `JPEG 2000 decoding failed: ${error instanceof Error ? error.message : String(error)}${detail ? ` (${detail})` : ''}`, { cause: error });
    }
    const { width, height, bitsPerSample, componentCount, isSigned } = decoder.getFrameInfo();
    if (width <= 0 || height <= 0) throw new FaceImageError('decode_failed', 'JPEG 2000 image has no pixels');
    if (isSigned || bitsPerSample < 1 || bitsPerSample > 16 || ![1, 3, 4].includes(componentCount)) {
      throw new FaceImageError('unsupported_layout', `JPEG 2000 layout not supported: ${componentCount} components, ${bitsPerSample} bits${isSigned ? ', signed' : ''}`);
    }
    const decoded = decoder.getDecodedBuffer();
    const bytesPerSample = bitsPerSample > 8 ? 2 : 1;
    const samples = width * height * componentCount;
    if (decoded.length < samples * bytesPerSample) throw new FaceImageError('decode_failed', 'JPEG 2000 decoder returned fewer samples than the image size');
    const shift = bitsPerSample > 8 ? bitsPerSample - 8 : 0;
    const sample = (i: number) => (bytesPerSample === 1 ? decoded[i]! : (decoded[2 * i]! | (decoded[2 * i + 1]! << 8)) >> shift);
    const rgba = new Uint8Array(width * height * 4);
    for (let p = 0; p < width * height; p++) {
      const base = p * componentCount;
      const r = sample(base);
      rgba[4 * p] = r;
      rgba[4 * p + 1] = componentCount === 1 ? r : sample(base + 1);
      rgba[4 * p + 2] = componentCount === 1 ? r : sample(base + 2);
      rgba[4 * p + 3] = componentCount === 4 ? sample(base + 3) : 255;
    }
    return { width, height, rgba };
  } finally {
    decoder.delete();
  }
}
