/**
 * An embedding as text (JSON lines, reports, DevTools messages): its float32 bytes in base64, read back as a copy
 * that owns its buffer. One encoding for every file an eval writes or reads (faces, caches, the harness page).
 */
export const embeddingToBase64 = (embedding: Float32Array): string => Buffer.from(embedding.buffer, embedding.byteOffset, embedding.byteLength).toString('base64');

export function embeddingFromBase64(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  return new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4)).slice();
}
