import type { SearchPipeline } from '../../../app/biometrics/identification/searchPipeline';
import type { IdentificationProtocol } from './identificationProtocol';
import type { MatedSearch } from './identificationMetrics';

/**
 * Runs an identification protocol's rounds through a gallery searcher (the vision worker in Chromium for the
 * eval, the same app code in Node for tests), once per enrolment and for every pipeline asked: fusion and
 * normalisation apply at search time, so one enrolment serves them all.
 */
export interface SearchCandidate {
  readonly identityId: string;
  readonly score: number;
}

export interface GallerySearcher {
  /** Replaces the gallery with these identities. */
  enrol(identities: readonly { identityId: string; embeddings: Float32Array[]; qualities: number[] }[]): Promise<void>;
  /** Top-k candidates of each probe, and the time each search took in the searcher. */
  search(probes: readonly Float32Array[], pipeline: SearchPipeline, k: number): Promise<{ candidates: SearchCandidate[]; searchMs: number }[]>;
}

export interface PipelineSearches {
  readonly mated: MatedSearch[];
  readonly nonMatedTopScores: number[];
  readonly searchMs: number[];
  /** Mated probes searched again with their own identity left out (part of nonMatedTopScores). */
  leaveOneOut: number;
}

export interface DatasetFaces {
  readonly identityOf: (image: number) => string;
  /** Undefined: the face could not be acquired. */
  readonly embedding: (image: number) => Float32Array | undefined;
  readonly quality: (image: number) => number;
}

const CANDIDATES = 3;

export async function runProtocol(protocol: IdentificationProtocol, faces: DatasetFaces, searcher: GallerySearcher, pipelines: readonly SearchPipeline[], log: (line: string) => void): Promise<PipelineSearches[]> {
  const results: PipelineSearches[] = pipelines.map(() => ({ mated: [], nonMatedTopScores: [], searchMs: [], leaveOneOut: 0 }));
  for (const [r, round] of protocol.rounds.entries()) {
    const identities = round.gallery
      .map((g) => {
        const kept = g.images.filter((i) => faces.embedding(i) !== undefined);
        return { identityId: g.identityId, embeddings: kept.map((i) => faces.embedding(i) as Float32Array), qualities: kept.map((i) => faces.quality(i)) };
      })
      // An identity none of whose photos gave a face is not in the gallery: its probes are misses.
      .filter((g) => g.embeddings.length > 0);
    await searcher.enrol(identities);
    const mated = round.matedProbes.filter((i) => faces.embedding(i) !== undefined);
    const unacquired = round.matedProbes.length - mated.length;
    const nonMated = round.nonMatedProbes.filter((i) => faces.embedding(i) !== undefined);
    for (const [p, pipeline] of pipelines.entries()) {
      const out = results[p];
      if (!out) continue;
      const matedReplies = await searcher.search(mated.map((i) => faces.embedding(i) as Float32Array), pipeline, CANDIDATES);
      matedReplies.forEach((reply, k) => {
        const own = faces.identityOf(mated[k] ?? -1);
        const [top, second] = reply.candidates;
        out.mated.push({ top: top ? { mate: top.identityId === own, score: top.score } : null, rival: second?.score ?? -Infinity });
        const other = reply.candidates.find((c) => c.identityId !== own);
        if (other) {
          out.nonMatedTopScores.push(other.score);
          out.leaveOneOut++;
        }
        out.searchMs.push(reply.searchMs);
      });
      for (let u = 0; u < unacquired; u++) out.mated.push({ top: null, rival: -Infinity });
      const nonMatedReplies = await searcher.search(nonMated.map((i) => faces.embedding(i) as Float32Array), pipeline, CANDIDATES);
      for (const reply of nonMatedReplies) {
        out.nonMatedTopScores.push(reply.candidates[0]?.score ?? -Infinity);
        out.searchMs.push(reply.searchMs);
      }
    }
    log(`round ${r + 1}/${protocol.rounds.length}: ${identities.length} identities enrolled (${identities.reduce((s, g) => s + g.embeddings.length, 0)} templates), ${round.matedProbes.length} mated and ${nonMated.length} non-mated probes`);
  }
  return results;
}
