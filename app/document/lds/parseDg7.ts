import type { FaceImageMimeType } from './faceImageType';
import { detectImageType } from './faceImageType';
import { LdsError, withTlvErrors } from './ldsError';
import { decodeOneTlv } from './tlv';

/** DG7, displayed signature or usual mark (ICAO 9303-10 §4.7.7). */
export interface Dg7 {
  readonly images: readonly { readonly image: Uint8Array; readonly mimeType: FaceImageMimeType }[];
}

/** Parses DG7 (tag 0x67): a count (02) and one or more displayed images (5F43), each JPEG or JPEG 2000. */
export function parseDg7(bytes: Uint8Array): Dg7 {
  const file = 'DG7';
  const top = withTlvErrors(file, () => decodeOneTlv(bytes, 0));
  if (top.tag !== 0x67) throw new LdsError('bad_structure', file, `starts with tag 0x${top.tag.toString(16)}, expected 0x67`);
  const images = top.children.filter((c) => c.tag === 0x5f43);
  if (images.length === 0) throw new LdsError('missing_field', file, 'holds no displayed signature (5F43)');
  const count = top.children.find((c) => c.tag === 0x02);
  if (count && count.value.length === 1 && count.value[0] !== images.length) {
    throw new LdsError('bad_value', file, `declares ${count.value[0]} images but holds ${images.length}`);
  }
  return { images: images.map((t, i) => ({ image: t.value, mimeType: detectImageType(t.value, file, `signature image ${i + 1}`) })) };
}
