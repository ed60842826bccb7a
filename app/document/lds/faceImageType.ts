import { LdsError } from './ldsError';

export type FaceImageMimeType = 'image/jpeg' | 'image/jp2';

const jp2Signature = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
const j2kCodestream = [0xff, 0x4f, 0xff, 0x51];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * The image type from the image's own magic bytes. The declared type in a biometric header is not trusted
 * for this: real and sample blocks exist whose header says JPEG 2000 around a JPEG.
 * A raw JPEG 2000 codestream (FF4F FF51) is reported as image/jp2 too: decoders take both.
 */
export function detectImageType(bytes: Uint8Array, file: string, what: string): FaceImageMimeType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, jp2Signature) || startsWith(bytes, j2kCodestream)) return 'image/jp2';
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new LdsError('invalid_image', file, `${what} is neither JPEG (FF D8 FF) nor JPEG 2000 (JP2 signature box or FF 4F FF 51 codestream); it starts with ${head || 'nothing'}`);
}
