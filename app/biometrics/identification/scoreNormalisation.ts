import type { ScoreNormalisation } from './searchPipeline';

/** Location and spread of one probe's identity scores over the gallery, and how a raw score maps through them. */
export interface ProbeScoreStatistics {
  readonly mean: number;
  readonly std: number;
}

/** Below this many identities the spread of a probe's scores is too noisy to normalise by. */
export const MIN_IDENTITIES_FOR_ZNORM = 20;

export function probeStatistics(identityScores: Float32Array, count: number): ProbeScoreStatistics {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const s = identityScores[i]!;
    if (!Number.isFinite(s)) continue;
    sum += s;
    sumSq += s * s;
    n++;
  }
  const mean = n > 0 ? sum / n : 0;
  const variance = n > 1 ? Math.max(0, sumSq / n - mean * mean) : 0;
  return { mean, std: Math.sqrt(variance) };
}

/**
 * The score a threshold is compared with. `z-norm` needs a gallery of at least MIN_IDENTITIES_FOR_ZNORM
 * identities; a smaller one cannot be normalised, and the caller must say so rather than fall back silently.
 */
export function normaliseScore(raw: number, rule: ScoreNormalisation, stats: ProbeScoreStatistics): number {
  if (rule === 'none') return raw;
  return stats.std > 0 ? (raw - stats.mean) / stats.std : 0;
}
