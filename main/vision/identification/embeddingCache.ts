import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { embeddingFromBase64, embeddingToBase64 } from '../embeddingBase64';
import type { LabelledImage } from '../faceDataset';
import { repoRoot } from '../visionHarnessSession';

/**
 * Embeddings of a dataset's images by one model and pipeline, kept between identification evals so a rerun
 * (another gallery size, another fusion) does not embed 7,701 photos again. The key covers what changes an
 * embedding: the model file's SHA-256, the embedder manifest's input handling, the landmark manifest, the
 * face selection, flip augmentation, and the dataset's identities.csv; anything else changed, a new file.
 */
export interface CachedFace {
  readonly path: string;
  /** Null: the face could not be acquired (a failure to acquire, kept so it counts in the next run too). */
  readonly embedding: Float32Array | null;
  readonly quality: number;
  readonly error?: string;
}

const lineSchema = z.object({ path: z.string(), embedding: z.string().nullable(), quality: z.number(), error: z.string().optional() });

export const CACHE_DIR = path.join(repoRoot, 'node_modules/.cache/booth/face-embeddings');

export function cacheKey(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
}

export async function readCache(key: string, images: readonly LabelledImage[]): Promise<CachedFace[] | null> {
  const file = path.join(CACHE_DIR, `${key}.jsonl`);
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  const faces = text.trim().split('\n').map((line) => {
    const parsed = lineSchema.parse(JSON.parse(line));
    return { path: parsed.path, embedding: parsed.embedding === null ? null : embeddingFromBase64(parsed.embedding), quality: parsed.quality, ...(parsed.error ? { error: parsed.error } : {}) };
  });
  // A cache that does not list exactly these images, in this order, is not this dataset's.
  if (faces.length !== images.length || faces.some((f, i) => f.path !== images[i]?.path)) return null;
  return faces;
}

export async function writeCache(key: string, faces: readonly CachedFace[]): Promise<string> {
  await mkdir(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `${key}.jsonl`);
  const lines = faces.map((f) => JSON.stringify({ path: f.path, embedding: f.embedding ? embeddingToBase64(f.embedding) : null, quality: f.quality, ...(f.error ? { error: f.error } : {}) }));
  // Written aside and renamed: an interrupted run never leaves a truncated cache behind.
  await writeFile(`${file}.tmp`, `${lines.join('\n')}\n`);
  await rename(`${file}.tmp`, file);
  return file;
}
