import { z } from 'zod';
import { cosineSimilarity } from '../biometrics/embeddingMath';

/**
 * Faces worth catching: from an embedding index of a face dataset (one embedding per photo, made by the booth's
 * own pipeline: `booth faces index`), the simulator picks a look-alike impostor for a document holder (the other
 * person whose photo scores closest to the holder's document photo, above or below the booth's threshold as the
 * step asks), or a genuine traveller the booth will not match (two photos of one person scoring below it).
 * Deterministic: the same index, threshold and seed pick the same faces.
 */

/** What a scenario step asks the camera to show instead of the scripted traveller's own face. */
export const stepFacesSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    /** Someone else, whose face is the closest the dataset has to the document photo. */
    kind: z.literal('lookAlike'),
    /** `above`: the booth's face match says "match" (the hardest impostor); `below`: the closest that still does not match. */
    match: z.enum(['above', 'below']),
    /** Picks among the closest few (0: the closest), so a class can meet different look-alikes. */
    seed: z.number().int().min(0).max(1_000_000).default(0),
  }),
  z.strictObject({
    /** The traveller is genuine, played by a person two of whose photos score below the booth's threshold (age gap, hat, glasses...). */
    kind: z.literal('genuineNonMatch'),
    seed: z.number().int().min(0).max(1_000_000).default(0),
  }),
]);
export type StepFaces = z.output<typeof stepFacesSchema>;

/** One photo of the index, its embedding decoded (L2-normalised, as the pipeline makes them). */
export interface IndexedFace {
  readonly identity: string;
  /** The photo's path inside the dataset, e.g. `images/Laura_Bush/Laura_Bush_0001.jpg`. */
  readonly file: string;
  readonly embedding: Float32Array;
}

export interface FacePick {
  readonly identity: string;
  readonly file: string;
  readonly score: number;
}

/** How many of the closest candidates a seed chooses among. */
const choices = 3;
const byScoreThenFile = (a: FacePick, b: FacePick) => b.score - a.score || a.file.localeCompare(b.file);

/**
 * The look-alike for the holder whose document carries `documentPhoto`: the photos of other people, scored
 * against it, those at or above `threshold` (`above`) or below it (`below`), closest first; the seed picks one of
 * the first few. Null when the index has no such face (say so: the step cannot play as written).
 */
export function pickLookAlike(faces: readonly IndexedFace[], documentPhoto: IndexedFace, threshold: number, match: 'above' | 'below', seed: number): FacePick | null {
  const candidates = faces
    .filter((face) => face.identity !== documentPhoto.identity)
    .map((face) => ({ identity: face.identity, file: face.file, score: cosineSimilarity(face.embedding, documentPhoto.embedding) }))
    .filter((pick) => (match === 'above' ? pick.score >= threshold : pick.score < threshold))
    .sort(byScoreThenFile);
  return candidates[seed % Math.min(choices, Math.max(1, candidates.length))] ?? null;
}

export interface GenuineNonMatch {
  readonly identity: string;
  readonly documentFile: string;
  readonly liveFile: string;
  readonly score: number;
}

/**
 * A genuine traveller the booth will not match: of every person with two or more photos (other than `exclude`),
 * the pairs of their own photos scoring below `threshold`, the lowest first (the clearest age gap, hat or
 * glasses); the seed picks one of the first few.
 */
export function pickGenuineNonMatch(faces: readonly IndexedFace[], threshold: number, seed: number, exclude: readonly string[] = []): GenuineNonMatch | null {
  const byIdentity = new Map<string, IndexedFace[]>();
  for (const face of faces) if (!exclude.includes(face.identity)) byIdentity.set(face.identity, [...(byIdentity.get(face.identity) ?? []), face]);
  const pairs: GenuineNonMatch[] = [];
  for (const [identity, photos] of byIdentity) {
    const sorted = [...photos].sort((a, b) => a.file.localeCompare(b.file));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const [a, b] = [sorted[i]!, sorted[j]!];
        const score = cosineSimilarity(a.embedding, b.embedding);
        if (score < threshold) pairs.push({ identity, documentFile: a.file, liveFile: b.file, score });
      }
    }
  }
  pairs.sort((a, b) => a.score - b.score || a.documentFile.localeCompare(b.documentFile) || a.liveFile.localeCompare(b.liveFile));
  return pairs[seed % Math.min(choices, Math.max(1, pairs.length))] ?? null;
}
