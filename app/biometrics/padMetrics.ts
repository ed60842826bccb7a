/**
 * Presentation-attack detection error rates in ISO/IEC 30107-3 terms, from bona fide scores (higher: more likely
 * a live face). BPCER: bona fide presentations classified as attacks; APCER: attack presentations classified as
 * bona fide. A presentation scoring below the threshold is classified as an attack.
 */
export interface PadOperatingPoint {
  /** The BPCER asked for (e.g. 0.01). */
  readonly targetBpcer: number;
  /** Scores below this are attacks. */
  readonly threshold: number;
  /** The BPCER reached at that threshold (at most the target, as close as the data allows). */
  readonly bpcer: number;
  /** Per attack kind, the share classified as bona fide at that threshold. */
  readonly apcer: Readonly<Record<string, number>>;
  /** The worst kind's APCER (ISO/IEC 30107-3 reports the maximum over attack types). */
  readonly maxApcer: number;
}

/** The highest threshold that flags at most `targetBpcer` of the bona fide scores. */
export function thresholdAtBpcer(bonaFide: readonly number[], targetBpcer: number): number {
  if (bonaFide.length === 0) throw new RangeError('no bona fide scores');
  const sorted = [...bonaFide].sort((a, b) => a - b);
  const allowed = Math.floor(targetBpcer * sorted.length);
  // Flag the `allowed` lowest scores: the threshold is the next score (scores below it are flagged).
  return sorted[Math.min(allowed, sorted.length - 1)] ?? 0;
}

export function operatingPoint(bonaFide: readonly number[], attacks: Readonly<Record<string, readonly number[]>>, targetBpcer: number): PadOperatingPoint {
  const threshold = thresholdAtBpcer(bonaFide, targetBpcer);
  const bpcer = bonaFide.filter((s) => s < threshold).length / bonaFide.length;
  const apcer: Record<string, number> = {};
  for (const [kind, scores] of Object.entries(attacks)) apcer[kind] = scores.length ? scores.filter((s) => s >= threshold).length / scores.length : NaN;
  const values = Object.values(apcer).filter((v) => !Number.isNaN(v));
  return { targetBpcer, threshold, bpcer, apcer, maxApcer: values.length ? Math.max(...values) : NaN };
}

/**
 * Area under the ROC curve of bona fide against attacks (0.5: no better than chance): the probability that a
 * random bona fide presentation scores above a random attack (ties count half).
 */
export function separation(bonaFide: readonly number[], attacks: readonly number[]): number {
  if (bonaFide.length === 0 || attacks.length === 0) return NaN;
  const all = [...bonaFide.map((s) => ({ s, bona: true })), ...attacks.map((s) => ({ s, bona: false }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]?.s === all[i]?.s) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]?.bona) rankSum += rank;
    i = j;
  }
  return (rankSum - (bonaFide.length * (bonaFide.length + 1)) / 2) / (bonaFide.length * attacks.length);
}
