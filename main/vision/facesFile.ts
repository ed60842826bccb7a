import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { CachedFace } from './identification/embeddingCache';
import { embeddingFromBase64, embeddingToBase64 } from './embeddingBase64';
import type { ImageEmbeddings } from './faceEvaluation';
import { writeOutputFile } from './outputFile';

/**
 * The faces file `faces eval --faces F` writes and `faces eval --protocol identification --faces-from F` reads:
 * a first line saying how the embeddings were made (the prepared model's SHA-256, face selection, flip, landmark
 * options), then one JSON line per image (path, identity, what was found, the embedding as base64 float32).
 * Embeddings of another model or pipeline are refused: a calibration measured on them would be stored for a
 * model it never measured.
 */
export const facesFileMadeSchema = z.object({
  preparedSha256: z.string(),
  select: z.string(),
  flip: z.boolean(),
  landmarkBoxScale: z.number().nullable(),
  landmarkPasses: z.number().nullable(),
});

export type FacesFileMade = z.infer<typeof facesFileMadeSchema>;

const headerSchema = z.object({ kind: z.literal('booth-faces'), made: facesFileMadeSchema });
const faceLineSchema = z.object({ path: z.string(), embedding: z.string().nullable(), qualityScore: z.number().optional() });

export async function writeFacesFile(file: string, made: FacesFileMade, images: readonly string[], identityOf: ReadonlyMap<string, string>, result: ImageEmbeddings): Promise<void> {
  const lines = images.map((image, i) => {
    const embedding = result.embeddings[i];
    return JSON.stringify({ path: image, identity: identityOf.get(image) ?? '', ...result.faces[i], embedding: embedding ? embeddingToBase64(embedding) : null });
  });
  await writeOutputFile(file, `${[JSON.stringify({ kind: 'booth-faces', made }), ...lines].join('\n')}\n`);
}

const issues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

/** Why embeddings made as `made` are not the ones `expected` would make, or null. */
export function facesFileMismatch(made: FacesFileMade, expected: FacesFileMade): string | null {
  const differing = (Object.keys(expected) as (keyof FacesFileMade)[]).filter((k) => made[k] !== expected[k]);
  return differing.length === 0 ? null : differing.map((k) => `${k} ${String(made[k])} (this eval: ${String(expected[k])})`).join(', ');
}

/** The faces of `images`, in their order, from a faces file made as `expected`; every image must be there (a missing one is an error, not a miss). */
export async function readFacesFile(file: string, images: readonly { path: string }[], expected: FacesFileMade): Promise<CachedFace[]> {
  const [first, ...rest] = (await readFile(file, 'utf8')).trim().split('\n');
  const header = headerSchema.safeParse(JSON.parse(first ?? 'null'));
  if (!header.success) throw new Error(`${file}:1: not a faces file that says how its embeddings were made (${issues(header.error)}): write it again with \`faces eval --faces\``);
  const mismatch = facesFileMismatch(header.data.made, expected);
  if (mismatch) throw new Error(`${file}: its embeddings were made otherwise: ${mismatch}; write it again with \`faces eval --faces\` on this model and pipeline`);
  const byPath = new Map<string, CachedFace>();
  for (const [n, line] of rest.entries()) {
    const parsed = faceLineSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${n + 2}: ${issues(parsed.error)}`);
    byPath.set(parsed.data.path, { path: parsed.data.path, embedding: parsed.data.embedding === null ? null : embeddingFromBase64(parsed.data.embedding), quality: parsed.data.qualityScore ?? 1 });
  }
  return images.map((image) => {
    const face = byPath.get(image.path);
    if (!face) throw new Error(`${file} has no line for ${image.path}: write it with \`faces eval --faces\` on this dataset`);
    return face;
  });
}
