import { FaceImageError } from './faceImageError';
import { readJpeg2000Header } from './jpeg2000Header';
import { describeDecodeFailure, jpeg2000WorkerThread } from './jpeg2000Worker.node.ts';

export { FaceImageError } from './faceImageError';

/** Decoded pixels, 8-bit RGBA, row-major. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/**
 * Decodes a JPEG 2000 image (JP2 file or raw J2K codestream, as found in DG2) to RGBA with OpenJPEG's WASM
 * build. Greyscale and RGB(A) with 8 to 16 bits per sample are supported; samples above 8 bits are scaled.
 * The image is a chip's, so its declared size is checked before decoding, and the decoder runs in a worker
 * with a heap and time bound (see jpeg2000Worker).
 */
export async function decodeJpeg2000(bytes: Uint8Array): Promise<RgbaImage> {
  const header = readJpeg2000Header(bytes);
  const { frameInfo, decoded, decoderMessages } = await jpeg2000WorkerThread.decode(bytes);
  const { width, height, bitsPerSample, componentCount, isSigned } = frameInfo;
  // OpenJPEG gives up on a broken codestream without throwing: it just has no image.
  if (width === 0 || height === 0) {
    const ended = bytes.length >= 2 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
    const why = ended ? 'no image came out of it' : `it ends at byte ${bytes.length} without its end-of-codestream marker, so it was cut short`;
    throw new FaceImageError('decode_failed', describeDecodeFailure(why, decoderMessages));
  }
  if (width !== header.width || height !== header.height || componentCount !== header.componentCount) {
    throw new FaceImageError('decode_failed', `JPEG 2000 decoder produced ${width}x${height} with ${componentCount} components; the SIZ marker declared ${header.width}x${header.height} with ${header.componentCount}`);
  }
  if (isSigned || bitsPerSample < 1 || bitsPerSample > 16 || ![1, 3, 4].includes(componentCount)) {
    throw new FaceImageError('unsupported_layout', `JPEG 2000 layout not supported: ${componentCount} components, ${bitsPerSample} bits${isSigned ? ', signed' : ''}`);
  }
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
}
