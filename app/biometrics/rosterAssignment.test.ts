import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignGreedy, assignRoster } from './rosterAssignment';

const threshold = { minSimilarity: 0.5 };
const total = (r: { pairs: readonly { similarity: number }[] }) => r.pairs.reduce((s, p) => s + p.similarity, 0);
/** The objective assignRoster maximises: most pairs above the threshold, then the highest total similarity. */
const objective = (r: { pairs: readonly { similarity: number }[] }) => r.pairs.length + total(r);

describe('assignRoster', () => {
  it('gets right what greedy gets wrong: the strongest pair is not part of the best roster', () => {
    // Face 0 resembles both documents; face 1 only document 0. Greedy gives document 0 to face 0 and strands face 1.
    const similarity = [
      [0.9, 0.8],
      [0.85, 0.3],
    ];
    const greedy = assignGreedy(similarity, 2, threshold);
    expect(greedy.pairs).toEqual([{ face: 0, identity: 0, similarity: 0.9 }]);
    expect(greedy.unmatchedFaces).toEqual([1]);

    const optimal = assignRoster(similarity, 2, threshold);
    expect(optimal.pairs).toEqual([
      { face: 0, identity: 1, similarity: 0.8 },
      { face: 1, identity: 0, similarity: 0.85 },
    ]);
    expect(optimal.unmatchedFaces).toEqual([]);
    expect(optimal.unmatchedIdentities).toEqual([]);
  });

  it('says "3 faces, 3 cards, 2 matched" explicitly: the impostor and the card they carry stay unassigned', () => {
    const similarity = [
      [0.82, 0.1, 0.05],
      [0.12, 0.2, 0.31], // the impostor: resembles nobody's card enough
      [0.04, 0.77, 0.15],
    ];
    const r = assignRoster(similarity, 3, threshold);
    expect(r.pairs.map((p) => [p.face, p.identity])).toEqual([
      [0, 0],
      [2, 1],
    ]);
    expect(r.unmatchedFaces).toEqual([1]);
    expect(r.unmatchedIdentities).toEqual([2]);
  });

  it('handles more faces than documents, more documents than faces, and empty sides', () => {
    expect(assignRoster([[0.9], [0.7], [0.6]], 1, threshold)).toEqual({ pairs: [{ face: 0, identity: 0, similarity: 0.9 }], unmatchedFaces: [1, 2], unmatchedIdentities: [] });
    expect(assignRoster([[0.4, 0.9, 0.6]], 3, threshold)).toEqual({ pairs: [{ face: 0, identity: 1, similarity: 0.9 }], unmatchedFaces: [], unmatchedIdentities: [0, 2] });
    expect(assignRoster([], 2, threshold)).toEqual({ pairs: [], unmatchedFaces: [], unmatchedIdentities: [0, 1] });
    expect(assignRoster([[], []], 0, threshold)).toEqual({ pairs: [], unmatchedFaces: [0, 1], unmatchedIdentities: [] });
  });

  it('works with the threshold left to the comparisons (-Infinity, non-matches passed as NaN)', () => {
    const r = assignRoster([[0.9, Number.NaN], [0.8, 0.7]], 2, { minSimilarity: Number.NEGATIVE_INFINITY });
    expect(r.pairs.map((p) => [p.face, p.identity])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('never pairs across a missing comparison (NaN)', () => {
    const r = assignRoster([[Number.NaN, 0.6], [0.9, Number.NaN]], 2, threshold);
    expect(r.pairs.map((p) => [p.face, p.identity])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('is never beaten by greedy and never pairs below the threshold (property)', () => {
    const matrix = fc.integer({ min: 0, max: 5 }).chain((faces) =>
      fc.integer({ min: 0, max: 5 }).chain((ids) =>
        fc.tuple(fc.constant(ids), fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: ids, maxLength: ids }), { minLength: faces, maxLength: faces })),
      ),
    );
    fc.assert(
      fc.property(matrix, ([ids, sim]) => {
        const optimal = assignRoster(sim, ids, threshold);
        const greedy = assignGreedy(sim, ids, threshold);
        expect(objective(optimal)).toBeGreaterThanOrEqual(objective(greedy) - 1e-9);
        for (const p of optimal.pairs) expect(p.similarity).toBeGreaterThanOrEqual(0.5);
        expect(optimal.pairs.length + optimal.unmatchedFaces.length).toBe(sim.length);
        expect(optimal.pairs.length + optimal.unmatchedIdentities.length).toBe(ids);
        expect(new Set(optimal.pairs.map((p) => p.identity)).size).toBe(optimal.pairs.length);
      }),
      { numRuns: 300 },
    );
  });
});
