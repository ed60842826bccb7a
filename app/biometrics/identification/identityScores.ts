import type { FusionRule } from './searchPipeline';

/**
 * One score per identity from its templates' scores (fusion rules: searchPipeline.ts). Every identity the gallery
 * holds gets a score; the walk is one pass over the templates in row order.
 */
export function fuseIdentityScores(
  templateScores: Float32Array,
  owners: Int32Array,
  qualities: Float32Array,
  centroidNorms: readonly number[],
  identities: number,
  rule: FusionRule,
  out: Float32Array = new Float32Array(identities),
): Float32Array {
  const n = templateScores.length;
  if (owners.length < n || qualities.length < n) throw new RangeError('owners and qualities must cover every template score');
  switch (rule) {
    case 'max': {
      out.fill(-Infinity, 0, identities);
      for (let t = 0; t < n; t++) {
        const o = owners[t]!;
        const s = templateScores[t]!;
        if (s > out[o]!) out[o] = s;
      }
      return out;
    }
    case 'mean': {
      const sums = new Float64Array(identities);
      const counts = new Float64Array(identities);
      for (let t = 0; t < n; t++) {
        sums[owners[t]!]! += templateScores[t]!;
        counts[owners[t]!]! += 1;
      }
      for (let i = 0; i < identities; i++) out[i] = counts[i]! > 0 ? sums[i]! / counts[i]! : -Infinity;
      return out;
    }
    case 'centroid': {
      // The probe against the mean of the identity's templates: dot products are linear, so it is the sum of the
      // template scores over the norm of the templates' sum (no second pass over the gallery).
      out.fill(0, 0, identities);
      for (let t = 0; t < n; t++) out[owners[t]!]! += templateScores[t]!;
      for (let i = 0; i < identities; i++) {
        const norm = centroidNorms[i] ?? 0;
        out[i] = norm > 0 ? out[i]! / norm : -Infinity;
      }
      return out;
    }
    case 'top2-mean': {
      const best = new Float32Array(identities).fill(-Infinity);
      const second = new Float32Array(identities).fill(-Infinity);
      for (let t = 0; t < n; t++) {
        const o = owners[t]!;
        const s = templateScores[t]!;
        if (s > best[o]!) {
          second[o] = best[o]!;
          best[o] = s;
        } else if (s > second[o]!) second[o] = s;
      }
      for (let i = 0; i < identities; i++) out[i] = second[i] === -Infinity ? best[i]! : (best[i]! + second[i]!) / 2;
      return out;
    }
    case 'quality-weighted': {
      const best = new Float32Array(identities).fill(-Infinity);
      const bestWeight = new Float64Array(identities);
      const sums = new Float64Array(identities);
      const weights = new Float64Array(identities);
      for (let t = 0; t < n; t++) {
        const o = owners[t]!;
        const s = templateScores[t]!;
        // A photo of unknown or zero quality still counts a little: quality weights, it never excludes.
        const w = 0.05 + qualities[t]!;
        sums[o]! += w * s;
        weights[o]! += w;
        if (s > best[o]!) {
          best[o] = s;
          bestWeight[o] = w;
        }
      }
      for (let i = 0; i < identities; i++) out[i] = weights[i]! > 0 ? (sums[i]! + bestWeight[i]! * best[i]!) / (weights[i]! + bestWeight[i]!) : -Infinity;
      return out;
    }
  }
}
