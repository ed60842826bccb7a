import { inputLimits } from '../../../app/shared/inputLimits';
import { FaceImageError } from './faceImageError';

/** What a JPEG 2000 image says about itself in its SIZ marker, read before any decoder sees the bytes. */
export interface Jpeg2000Header {
  readonly width: number;
  readonly height: number;
  readonly componentCount: number;
  /** Bits per sample of the first component (OpenJPEG's output has one depth). */
  readonly bitsPerSample: number;
  readonly isSigned: boolean;
  /** What the decoder will hold: OpenJPEG keeps every sample of every component as a 32-bit integer. */
  readonly decodedBytes: number;
}

const jp2Signature = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20];
const codestreamBox = 0x6a703263; // 'jp2c'

function readU16(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

function readU32(bytes: Uint8Array, at: number): number {
  return bytes[at]! * 0x1000000 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
}

/** Offset of the codestream (its SOC marker): the image itself for a raw J2K, the 'jp2c' box's content in a JP2 file. */
function codestreamOffset(bytes: Uint8Array): number {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0x4f) return 0;
  if (!jp2Signature.every((b, i) => bytes[i] === b)) {
    throw new FaceImageError('not_jpeg2000', 'the image is neither a JP2 file nor a JPEG 2000 codestream (no JP2 signature box, no SOC marker)');
  }
  let at = 0;
  while (at + 8 <= bytes.length) {
    let length = readU32(bytes, at);
    const type = readU32(bytes, at + 4);
    let header = 8;
    if (length === 1) {
      if (at + 16 > bytes.length) break;
      const high = readU32(bytes, at + 8);
      length = high > 0 ? Infinity : readU32(bytes, at + 12);
      header = 16;
    } else if (length === 0) {
      length = bytes.length - at;
    }
    if (type === codestreamBox) return at + header;
    if (length < header || !Number.isFinite(length)) break;
    at += length;
  }
  throw new FaceImageError('not_jpeg2000', 'the JP2 file has no complete codestream box (jp2c)');
}

/**
 * Reads the SIZ marker (ITU-T T.800 A.5.1) and refuses, before anything is allocated, an image whose declared
 * size is over inputLimits.faceImage: a chip chooses these numbers, and OpenJPEG allocates what they say.
 */
export function readJpeg2000Header(bytes: Uint8Array): Jpeg2000Header {
  const soc = codestreamOffset(bytes);
  const siz = soc + 2;
  if (siz + 40 > bytes.length) throw new FaceImageError('decode_failed', `the JPEG 2000 codestream ends at byte ${bytes.length}, inside its SIZ marker`);
  if (bytes[soc] !== 0xff || bytes[soc + 1] !== 0x4f || bytes[siz] !== 0xff || bytes[siz + 1] !== 0x51) {
    throw new FaceImageError('not_jpeg2000', 'the JPEG 2000 codestream does not start with SOC then SIZ markers');
  }
  const x = readU32(bytes, siz + 6);
  const y = readU32(bytes, siz + 10);
  const xOffset = readU32(bytes, siz + 14);
  const yOffset = readU32(bytes, siz + 18);
  const componentCount = readU16(bytes, siz + 38);
  const width = x - xOffset;
  const height = y - yOffset;
  if (width <= 0 || height <= 0) throw new FaceImageError('decode_failed', `the JPEG 2000 SIZ marker declares an empty image (${x}x${y} with offset ${xOffset},${yOffset})`);
  const limits = inputLimits.faceImage;
  if (width > limits.maxWidth || height > limits.maxHeight) {
    throw new FaceImageError('too_large', `declared ${width}x${height}, over the ${limits.maxWidth}x${limits.maxHeight} limit`);
  }
  if (componentCount < 1 || siz + 40 + 3 * componentCount > bytes.length) {
    throw new FaceImageError('decode_failed', `the JPEG 2000 SIZ marker declares ${componentCount} components but does not describe them all`);
  }
  const ssiz = bytes[siz + 40]!;
  const bitsPerSample = (ssiz & 0x7f) + 1;
  const isSigned = (ssiz & 0x80) !== 0;
  if (isSigned || bitsPerSample > 16 || ![1, 3, 4].includes(componentCount)) {
    throw new FaceImageError('unsupported_layout', `JPEG 2000 layout not supported: ${componentCount} components, ${bitsPerSample} bits${isSigned ? ', signed' : ''} (greyscale, RGB or RGBA of 1 to 16 bits are)`);
  }
  const decodedBytes = width * height * componentCount * 4;
  if (decodedBytes > limits.maxDecodedBytes) {
    throw new FaceImageError('too_large', `declared ${width}x${height} with ${componentCount} components needs ${decodedBytes} bytes to decode, over the ${limits.maxDecodedBytes}-byte limit`);
  }
  return { width, height, componentCount, bitsPerSample, isSigned, decodedBytes };
}
