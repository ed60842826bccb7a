import type { GalleryTemplates } from './galleryTemplates';
import { fuseIdentityScores } from './identityScores';
import type { ProbeScoreStatistics } from './scoreNormalisation';
import { MIN_IDENTITIES_FOR_ZNORM, normaliseScore, probeStatistics } from './scoreNormalisation';
import type { SearchPipeline } from './searchPipeline';

/** One identity of a search's shortlist, best first. */
export interface IdentificationCandidate {
  readonly identityId: string;
  /** 1 for the best. */
  readonly rank: number;
  /** The score thresholds apply to (after the pipeline's normalisation). */
  readonly score: number;
  /** The fused cosine similarity before normalisation. */
  readonly similarity: number;
  /** Templates the identity holds in the gallery. */
  readonly templates: number;
}

export interface GallerySearch {
  readonly candidates: readonly IdentificationCandidate[];
  readonly galleryIdentities: number;
  readonly galleryTemplates: number;
  readonly pipeline: SearchPipeline;
  readonly probe: ProbeScoreStatistics;
}

export class GallerySearchError extends Error {
  readonly code = 'gallery_too_small' as const;
  constructor(message: string) {
    super(message);
    this.name = 'GallerySearchError';
  }
}

/** Indices of the k largest values, best first (k is small: a partial insertion sort beats sorting 50,000). */
export function topIndices(values: Float32Array, count: number, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (k <= 0 || (best.length === k && v <= values[best[k - 1]!]!)) continue;
    let at = best.length === k ? k - 1 : best.length;
    if (best.length < k) best.push(i);
    while (at > 0 && values[best[at - 1]!]! < v) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = i;
  }
  return best;
}

/** Scores the probe against every template, fuses per identity, normalises, and returns the top k identities. */
export function searchGallery(gallery: GalleryTemplates, probe: ArrayLike<number>, pipeline: SearchPipeline, k: number): GallerySearch {
  const identities = gallery.identityCount;
  if (pipeline.normalisation === 'z-norm' && identities < MIN_IDENTITIES_FOR_ZNORM) {
    throw new GallerySearchError(`z-norm needs a gallery of at least ${MIN_IDENTITIES_FOR_ZNORM} identities; this one has ${identities}`);
  }
  const templateScores = gallery.scores(probe);
  const fused = fuseIdentityScores(templateScores, gallery.ownerOfTemplate, gallery.qualityOfTemplate, gallery.centroidNormOfIdentity, identities, pipeline.fusion);
  const stats = pipeline.normalisation === 'none' ? { mean: 0, std: 1 } : probeStatistics(fused, identities);
  const candidates = topIndices(fused, identities, Math.max(0, Math.min(k, identities))).map((index, i) => ({
    identityId: gallery.identityAt(index),
    rank: i + 1,
    score: normaliseScore(fused[index]!, pipeline.normalisation, stats),
    similarity: fused[index]!,
    templates: gallery.templatesOf(index),
  }));
  return { candidates, galleryIdentities: identities, galleryTemplates: gallery.size, pipeline, probe: stats };
}
