/** Face embeddings: L2-normalised float vectors compared by cosine similarity. */
export type Embedding = Float32Array<ArrayBuffer>;

export class EmbeddingError extends Error {
  readonly code = 'bad_embedding' as const;
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddingError';
  }
}

export function l2Normalise(vector: ArrayLike<number>): Embedding {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += (vector[i] ?? 0) ** 2;
  const norm = Math.sqrt(sum);
  if (!(norm > 0) || !Number.isFinite(norm)) throw new EmbeddingError('embedding has zero or non-finite norm');
  const out = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = (vector[i] ?? 0) / norm;
  return out;
}

/** Cosine similarity of two L2-normalised embeddings (their dot product). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new EmbeddingError(`embeddings differ in length: ${a.length} vs ${b.length}`);
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}

/** Mean of several embeddings, re-normalised: template fusion of several frames or several photos. */
export function fuseEmbeddings(embeddings: readonly ArrayLike<number>[]): Embedding {
  const first = embeddings[0];
  if (!first) throw new EmbeddingError('nothing to fuse');
  const sum = new Float64Array(first.length);
  for (const e of embeddings) {
    if (e.length !== first.length) throw new EmbeddingError(`embeddings differ in length: ${e.length} vs ${first.length}`);
    for (let i = 0; i < e.length; i++) sum[i] = (sum[i] ?? 0) + (e[i] ?? 0);
  }
  return l2Normalise(sum);
}
