import { PNG } from 'pngjs';
import type { FaceImageMimeType } from '../../../app/document/lds/faceImageType';
import type { RgbaImage } from './decodeJpeg2000.node.ts';
import { decodeJpeg2000 } from './decodeJpeg2000.node.ts';

/** An image a browser can show: JPEG as stored, JPEG 2000 (which browsers do not decode) re-encoded to PNG. */
export interface DisplayableImage {
  readonly mimeType: 'image/jpeg' | 'image/png';
  readonly bytes: Uint8Array;
  /** Known when the image was decoded here (JPEG 2000); JPEGs are passed through undecoded. */
  readonly width?: number;
  readonly height?: number;
}

export function encodePng(image: RgbaImage): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength);
  return new Uint8Array(PNG.sync.write(png));
}

/** Makes a DG2 face (or DG7 signature) showable in the renderer and in saved files. */
export async function faceImageForDisplay(image: Uint8Array, mimeType: FaceImageMimeType): Promise<DisplayableImage> {
  if (mimeType === 'image/jpeg') return { mimeType, bytes: image };
  const decoded = await decodeJpeg2000(image);
  return { mimeType: 'image/png', bytes: encodePng(decoded), width: decoded.width, height: decoded.height };
}
