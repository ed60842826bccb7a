import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { l2Normalise } from '../../app/biometrics/embeddingMath';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import type { IndexedFace } from '../../app/training/lookAlike';

/**
 * The face embedding index training scenarios pick look-alikes from: one embedding per dataset photo, made by the
 * booth's own pipeline (`booth faces index`), keyed by the dataset and the embedder (id and version). An index
 * made with another embedder scores on another scale: it is refused, never used.
 */
export const faceIndexFileSchema = z.strictObject({
  kind: z.literal('booth-face-index'),
  /** The dataset folder's name, e.g. `faces-lfw`. */
  dataset: z.string().min(1).max(100),
  modelId: z.string().min(1).max(100),
  modelVersion: z.string().min(1).max(100),
  createdAt: z.iso.datetime({ offset: true }),
  /** Photos the pipeline found no usable face in (not indexed). */
  failures: z.number().int().min(0),
  entries: z.array(z.strictObject({ identity: z.string().min(1).max(200), file: z.string().min(1).max(400), embedding: z.base64().max(40_000) })).max(100_000),
});
export type FaceIndexFile = z.output<typeof faceIndexFileSchema>;

/** Where the booth looks for the index of `dataset` made with `modelId` (BOOTH_FACE_INDEX names a file instead). */
export function faceIndexPath(userData: string, dataset: string, modelId: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.BOOTH_FACE_INDEX ?? join(userData, 'face-index', `${dataset}.${modelId}.json`);
}

export const encodeEmbedding = (embedding: Float32Array): string => Buffer.from(embedding.buffer, embedding.byteOffset, embedding.byteLength).toString('base64');

export interface LoadedFaceIndex {
  readonly faces: readonly IndexedFace[];
  readonly file: string;
}

/**
 * Reads and checks an index for the embedder `model`; resolves with the faces, or with the reason it cannot be used
 * (absent, unreadable, another dataset or embedder), in words a trainer can act on.
 */
export async function loadFaceIndex(file: string, expected: { readonly dataset: string; readonly modelId: string; readonly modelVersion: string }): Promise<LoadedFaceIndex | { readonly problem: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { problem: `no face index at ${file}: make one with \`npx booth faces index --dataset <BOOTH_DATASETS>/${expected.dataset} --out ${file}\`` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `the face index ${file} is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = faceIndexFileSchema.safeParse(json);
  if (!parsed.success) return { problem: `the face index ${file} is invalid: ${describeSchemaError(parsed.error)}` };
  const index = parsed.data;
  if (index.dataset !== expected.dataset || index.modelId !== expected.modelId || index.modelVersion !== expected.modelVersion) {
    return { problem: `the face index ${file} was made from ${index.dataset} with ${index.modelId} ${index.modelVersion}; this booth matches faces of ${expected.dataset} with ${expected.modelId} ${expected.modelVersion}: make it again` };
  }
  const faces = index.entries.map((entry) => {
    const bytes = Buffer.from(entry.embedding, 'base64');
    return { identity: entry.identity, file: entry.file, embedding: l2Normalise(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)) };
  });
  return { faces, file };
}
