/**
 * The exit gallery's templates (the embeddings the vision worker enrolled) as bytes to seal at rest: a JSON header
 * (gallery id, dimension, each identity's id, template count and photo qualities) and the float32 values, so a
 * worker that restarts is re-enrolled from the booth's sealed store instead of a copy kept in page memory.
 */
export interface GalleryTemplates {
  readonly galleryId: string;
  readonly identities: readonly { readonly identityId: string; readonly embeddings: readonly Float32Array[]; readonly qualities?: readonly number[] }[];
}

interface Header {
  readonly galleryId: string;
  readonly dimension: number;
  readonly identities: readonly { readonly identityId: string; readonly templates: number; readonly qualities: readonly number[] }[];
}

export class GalleryTemplatesError extends Error {}

export function encodeGalleryTemplates(templates: GalleryTemplates): Uint8Array {
  const all = templates.identities.flatMap((i) => i.embeddings);
  const dimension = all[0]?.length ?? 0;
  if (all.some((e) => e.length !== dimension)) throw new GalleryTemplatesError('gallery templates of different lengths');
  const header: Header = { galleryId: templates.galleryId, dimension, identities: templates.identities.map((i) => ({ identityId: i.identityId, templates: i.embeddings.length, qualities: i.embeddings.map((_, k) => i.qualities?.[k] ?? 1) })) };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  // The values start on a 4-byte boundary (a Float32Array view needs it).
  const valuesAt = Math.ceil((4 + headerBytes.length) / 4) * 4;
  const bytes = new Uint8Array(valuesAt + all.length * dimension * 4);
  new DataView(bytes.buffer).setUint32(0, headerBytes.length, true);
  bytes.set(headerBytes, 4);
  const values = new Float32Array(bytes.buffer, valuesAt, all.length * dimension);
  all.forEach((embedding, k) => values.set(embedding, k * dimension));
  return bytes;
}

export function decodeGalleryTemplates(bytes: Uint8Array): GalleryTemplates {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 4) throw new GalleryTemplatesError('gallery templates: truncated');
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > bytes.byteLength) throw new GalleryTemplatesError('gallery templates: truncated header');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as Header;
  const valuesAt = Math.ceil((4 + headerLength) / 4) * 4;
  const count = header.identities.reduce((n, i) => n + i.templates, 0);
  if (valuesAt + count * header.dimension * 4 !== bytes.byteLength) throw new GalleryTemplatesError('gallery templates: length does not match the header');
  // A copy aligned on its own buffer (the sealed bytes may sit at any offset).
  const values = new Float32Array(bytes.slice(valuesAt).buffer);
  let next = 0;
  return {
    galleryId: header.galleryId,
    identities: header.identities.map((i) => ({
      identityId: i.identityId,
      qualities: i.qualities,
      embeddings: Array.from({ length: i.templates }, () => values.subarray(header.dimension * next, header.dimension * ++next)),
    })),
  };
}
