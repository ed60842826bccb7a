import path from 'node:path';
import { z } from 'zod';
import { readIdentities, type LabelledImage } from './faceDataset';
import { embedImages } from './faceEvaluation';
import { SHIPPED_EMBEDDER_MANIFEST, loadEmbedderUnderTest, serveEmbedder } from './embedderUnderTest';
import { openHarnessSession } from './visionHarnessSession';
import { writeOutputFile } from './outputFile';
import { encodeEmbedding, faceIndexFileSchema, type FaceIndexFile } from '../services/TrainingFaceIndex';
import { scriptedFaceIdentities } from '../services/simulatedOccupantFaces';

export const indexOptions = z.object({
  dataset: z.string().min(1),
  out: z.string().min(1),
  /** Index at most about this many photos (whole identities, spread over the dataset; the scripted travellers' always). */
  limit: z.coerce.number().int().positive().optional(),
  /** Identities always indexed whole besides the scripted travellers' (comma-separated), e.g. a known look-alike. */
  include: z
    .string()
    .optional()
    .transform((list) => (list ?? '').split(',').map((identity) => identity.trim()).filter((identity) => identity.length > 0)),
  manifest: z.string().optional(),
  threads: z.coerce.number().int().min(0).max(16),
});
export type IndexOptions = z.infer<typeof indexOptions>;

/** Whole identities, spread over the dataset, until about `limit` photos; every photo of the scripted travellers' identities first. */
export function chooseIndexImages(labelled: readonly LabelledImage[], limit: number | undefined, always: readonly string[]): string[] {
  if (limit === undefined) return labelled.map((l) => l.path);
  const byIdentity = new Map<string, string[]>();
  for (const l of labelled) byIdentity.set(l.identity, [...(byIdentity.get(l.identity) ?? []), l.path]);
  const identities = [...byIdentity.keys()].sort();
  const chosen = new Set<string>(always.filter((identity) => byIdentity.has(identity)));
  let count = [...chosen].reduce((n, identity) => n + (byIdentity.get(identity)?.length ?? 0), 0);
  const stride = Math.max(1, Math.floor(labelled.length / limit));
  for (let i = 0; i < identities.length && count < limit; i += stride) {
    const identity = identities[i]!;
    if (chosen.has(identity)) continue;
    chosen.add(identity);
    count += byIdentity.get(identity)?.length ?? 0;
  }
  return labelled.filter((l) => chosen.has(l.identity)).map((l) => l.path);
}

/**
 * `booth faces index`: embeds a labelled face dataset's photos with the booth's own pipeline (the app's vision
 * worker in headless Chromium, as `faces eval` does) and writes the embedding index training scenarios pick
 * look-alike impostors and genuine non-matches from, keyed by dataset and embedder.
 */
export async function runIndex(options: IndexOptions): Promise<FaceIndexFile> {
  const log = (line: string) => console.error(`[faces index] ${line}`);
  const embedder = await loadEmbedderUnderTest(options.manifest ?? SHIPPED_EMBEDDER_MANIFEST);
  const labelled = await readIdentities(options.dataset);
  const identityOf = new Map(labelled.map((l) => [l.path, l.identity]));
  const images = chooseIndexImages(labelled, options.limit, [...scriptedFaceIdentities, ...options.include]);
  log(`${images.length} photos of ${new Set(images.map((i) => identityOf.get(i))).size} people, embedder ${embedder.manifest.id} ${embedder.manifest.version}`);
  const session = await openHarnessSession({ datasetDir: options.dataset, log });
  try {
    await serveEmbedder(session.page, embedder);
    const result = await embedImages(session, images, { select: 'central', flip: embedder.manifest.flipAugmentation, landmarkBoxScale: undefined, landmarkPasses: undefined, threads: options.threads, batchSize: 50, embedderManifest: embedder.served, log });
    const entries = images.flatMap((file, i) => {
      const embedding = result.embeddings[i];
      return embedding ? [{ identity: identityOf.get(file) ?? '', file, embedding: encodeEmbedding(embedding) }] : [];
    });
    const index = faceIndexFileSchema.parse({
      kind: 'booth-face-index',
      dataset: path.basename(path.resolve(options.dataset)),
      modelId: embedder.manifest.id,
      modelVersion: embedder.manifest.version,
      createdAt: new Date().toISOString(),
      failures: images.length - entries.length,
      entries,
    });
    await writeOutputFile(options.out, `${JSON.stringify(index)}\n`);
    log(`${entries.length} embeddings written to ${options.out} (${index.failures} photos without a usable face)`);
    return index;
  } finally {
    await session.close();
  }
}
