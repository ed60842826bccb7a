import munkres from 'munkres';

/**
 * Which face is which document (or gallery identity): the assignment with the most pairs that clear the
 * threshold and, among those, the highest total similarity (Kuhn-Munkres, via the `munkres` package), so one strong-but-wrong pair
 * cannot steal a face from the identity it really belongs to, as a greedy pick would. Pairs below the
 * threshold are never made: "3 faces, 3 cards, 2 matched" comes back as 2 pairs, 1 unmatched face and
 * 1 unmatched identity.
 */
export interface RosterPair {
  readonly face: number;
  readonly identity: number;
  readonly similarity: number;
}

export interface RosterAssignment {
  /** Sorted by face index. */
  readonly pairs: readonly RosterPair[];
  readonly unmatchedFaces: readonly number[];
  readonly unmatchedIdentities: readonly number[];
}

export interface RosterOptions {
  /** Pairs scoring below this stay unassigned (the calibrated decision threshold). */
  readonly minSimilarity: number;
}

/**
 * `similarity[f][i]` is face f against identity i; NaN or -Infinity marks a pair that was not (or could not
 * be) compared. Rows may differ in length from the number of identities only by being shorter (missing = not compared).
 */
export function assignRoster(similarity: readonly (readonly number[])[], identityCount: number, options: RosterOptions): RosterAssignment {
  const faceCount = similarity.length;
  const eligible = (f: number, i: number): number | undefined => {
    const s = similarity[f]?.[i];
    return s !== undefined && Number.isFinite(s) && s >= options.minSimilarity ? s : undefined;
  };
  const pairs: RosterPair[] = [];
  if (faceCount > 0 && identityCount > 0) {
    // Maximise the sum of eligible similarities; ineligible pairs weigh 0 so leaving them out costs nothing.
    // Shifting eligible weights above 0 keeps a pair at exactly the threshold (even a negative one) preferable to none.
    const scores = Array.from({ length: faceCount }, (_, f) => Array.from({ length: identityCount }, (_, i) => eligible(f, i)));
    const lowest = Math.min(0, ...scores.flat().filter((s): s is number => s !== undefined));
    const offset = 1 - lowest;
    const weights = scores.map((row) => row.map((s) => (s === undefined ? 0 : s + offset)));
    const maxWeight = Math.max(0, ...weights.flat());
    const cost = weights.map((row) => row.map((w) => maxWeight - w));
    for (const [f, i] of munkres(cost)) {
      const s = eligible(f, i);
      if (s !== undefined) pairs.push({ face: f, identity: i, similarity: s });
    }
  }
  pairs.sort((a, b) => a.face - b.face);
  const pairedFaces = new Set(pairs.map((p) => p.face));
  const pairedIdentities = new Set(pairs.map((p) => p.identity));
  return {
    pairs,
    unmatchedFaces: range(faceCount).filter((f) => !pairedFaces.has(f)),
    unmatchedIdentities: range(identityCount).filter((i) => !pairedIdentities.has(i)),
  };
}

/** What a greedy matcher does (best remaining pair first); kept for comparison in tests and benches, never for decisions. */
export function assignGreedy(similarity: readonly (readonly number[])[], identityCount: number, options: RosterOptions): RosterAssignment {
  const candidates: RosterPair[] = [];
  similarity.forEach((row, f) => row.forEach((s, i) => {
    if (i < identityCount && Number.isFinite(s) && s >= options.minSimilarity) candidates.push({ face: f, identity: i, similarity: s });
  }));
  candidates.sort((a, b) => b.similarity - a.similarity);
  const usedF = new Set<number>();
  const usedI = new Set<number>();
  const pairs: RosterPair[] = [];
  for (const c of candidates) {
    if (usedF.has(c.face) || usedI.has(c.identity)) continue;
    usedF.add(c.face);
    usedI.add(c.identity);
    pairs.push(c);
  }
  pairs.sort((a, b) => a.face - b.face);
  return { pairs, unmatchedFaces: range(similarity.length).filter((f) => !usedF.has(f)), unmatchedIdentities: range(identityCount).filter((i) => !usedI.has(i)) };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
