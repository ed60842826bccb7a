/**
 * Verification accuracy from genuine and impostor score lists (higher = more similar): ROC points, EER,
 * FNMR at fixed FMR, and the LFW 10-fold protocol. Failures to acquire enter as the lowest possible score
 * (-Infinity) so they count as non-matches instead of being dropped.
 */

export interface RatePoint {
  readonly threshold: number;
  readonly fmr: number;
  readonly fnmr: number;
}

const ascending = (values: Float64Array | Float32Array | readonly number[]): Float64Array => Float64Array.from(values).sort();

/** Number of values in a sorted array that are >= t. */
function countAtLeast(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

export class ScoreSet {
  readonly genuine: Float64Array;
  readonly impostor: Float64Array;

  constructor(genuine: Float64Array | Float32Array | readonly number[], impostor: Float64Array | Float32Array | readonly number[]) {
    if (genuine.length === 0 || impostor.length === 0) throw new RangeError('need both genuine and impostor scores');
    this.genuine = ascending(genuine);
    this.impostor = ascending(impostor);
  }

  at(threshold: number): RatePoint {
    return {
      threshold,
      fmr: countAtLeast(this.impostor, threshold) / this.impostor.length,
      fnmr: 1 - countAtLeast(this.genuine, threshold) / this.genuine.length,
    };
  }

  /** The lowest threshold whose FMR does not exceed the target, and the FNMR there. Undefined when unresolvable. */
  atFmr(targetFmr: number): RatePoint | undefined {
    if (targetFmr * this.impostor.length < 1) return undefined;
    const allowed = Math.floor(targetFmr * this.impostor.length);
    // The threshold just above the (allowed+1)-th highest impostor score.
    const index = this.impostor.length - allowed - 1;
    const value = this.impostor[index] ?? -Infinity;
    const threshold = value === -Infinity ? -Infinity : nextUp(value);
    return this.at(threshold);
  }

  equalErrorRate(): { eer: number; threshold: number } {
    let lo = -1;
    let hi = 1;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      const p = this.at(mid);
      if (p.fmr > p.fnmr) lo = mid;
      else hi = mid;
    }
    const p = this.at(hi);
    const q = this.at(lo);
    return { eer: (Math.max(p.fmr, p.fnmr) + Math.max(q.fmr, q.fnmr)) / 4 + (Math.min(p.fmr, p.fnmr) + Math.min(q.fmr, q.fnmr)) / 4, threshold: hi };
  }

  /** ROC/DET curve at log-spaced FMR values down to the resolution of the impostor set. */
  curve(points = 60): RatePoint[] {
    const minLog = Math.log10(1 / this.impostor.length);
    const out: RatePoint[] = [];
    for (let i = 0; i <= points; i++) {
      const p = this.atFmr(10 ** (minLog * (i / points)));
      if (p) out.push(p);
    }
    return out;
  }

  histogram(bins = 50, lo = -1, hi = 1): { edges: number[]; genuine: number[]; impostor: number[] } {
    const edges = Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
    const count = (sorted: Float64Array) => edges.slice(0, -1).map((e, i) => countAtLeast(sorted, e) - (i === bins - 1 ? countAtLeast(sorted, hi + 1e-9) : countAtLeast(sorted, edges[i + 1] ?? hi)));
    return { edges, genuine: count(this.genuine), impostor: count(this.impostor) };
  }
}

function nextUp(x: number): number {
  if (!Number.isFinite(x)) return x;
  const buffer = new Float64Array([x]);
  const bits = new BigInt64Array(buffer.buffer);
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = (bits[0] ?? 0n) + (x > 0 ? 1n : -1n);
  return buffer[0] ?? x;
}

export interface FoldPair {
  readonly fold: number;
  readonly same: boolean;
  readonly score: number;
}

/**
 * LFW View-2 protocol: for each fold, pick the threshold that maximises accuracy on the other nine folds,
 * then measure accuracy on the held-out fold; report mean and standard deviation over the folds.
 */
export function tenFoldAccuracy(pairs: readonly FoldPair[]): { mean: number; std: number; folds: number[]; thresholds: number[] } {
  const folds = [...new Set(pairs.map((p) => p.fold))].sort((a, b) => a - b);
  const accuracy = (subset: readonly FoldPair[], t: number) => subset.filter((p) => (p.score >= t) === p.same).length / subset.length;
  const perFold: number[] = [];
  const thresholds: number[] = [];
  for (const fold of folds) {
    const train = pairs.filter((p) => p.fold !== fold);
    const test = pairs.filter((p) => p.fold === fold);
    const candidates = [...new Set(train.map((p) => p.score).filter(Number.isFinite))].sort((a, b) => a - b);
    let best = -Infinity;
    let bestAcc = -1;
    // Scan thresholds with running counts: pairs at or above t are called "same".
    const sorted = [...train].sort((a, b) => a.score - b.score);
    let correct = train.filter((p) => p.same).length; // t below every score: everything "same"
    let i = 0;
    for (const t of candidates) {
      while (i < sorted.length && (sorted[i]?.score ?? 0) < t) {
        correct += sorted[i]?.same ? -1 : 1;
        i++;
      }
      if (correct > bestAcc) {
        bestAcc = correct;
        best = t;
      }
    }
    thresholds.push(best);
    perFold.push(accuracy(test, best));
  }
  const mean = perFold.reduce((s, v) => s + v, 0) / perFold.length;
  const std = Math.sqrt(perFold.reduce((s, v) => s + (v - mean) ** 2, 0) / perFold.length);
  return { mean, std, folds: perFold, thresholds };
}
