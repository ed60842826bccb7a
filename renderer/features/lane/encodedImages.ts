import type { EncodedImage } from '../../../app/ports/documentRead';

/** An image from the host as a `data:` URL (allowed by the CSP's img-src). */
export function dataUrl(image: EncodedImage): string {
  return `data:${image.mediaType};base64,${image.base64}`;
}

export function toBlob(image: EncodedImage): Blob {
  const bytes = Uint8Array.from(atob(image.base64), (character) => character.charCodeAt(0));
  return new Blob([bytes], { type: image.mediaType });
}

/**
 * Decodes any image the host sends, drawn SVG portraits included (createImageBitmap cannot read an SVG
 * blob, an <img> can), into a bitmap that can be drawn or sent to the vision worker.
 */
export async function decodeImage(image: EncodedImage): Promise<ImageBitmap> {
  const element = new Image();
  element.src = dataUrl(image);
  await element.decode();
  return createImageBitmap(element);
}

/** A short content key for an image (FNV-1a over its base64), so the same photo is embedded once. */
export function imageKey(image: EncodedImage): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < image.base64.length; i++) {
    hash ^= image.base64.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${image.mediaType}:${image.base64.length}:${hash.toString(16)}`;
}
