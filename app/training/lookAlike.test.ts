import { describe, expect, it } from 'vitest';
import { l2Normalise } from '../biometrics/embeddingMath';
import { pickGenuineNonMatch, pickLookAlike, stepFacesSchema, type IndexedFace } from './lookAlike';

/** A small synthetic index: 2-D unit vectors at known angles, so every score is a known cosine. */
const at = (identity: string, n: number, degrees: number): IndexedFace => {
  const r = (degrees * Math.PI) / 180;
  return { identity, file: `images/${identity}/${identity}_000${n}.jpg`, embedding: l2Normalise([Math.cos(r), Math.sin(r)]) };
};
const holder = at('Holder', 1, 0);
const index = [holder, at('Holder', 2, 80), at('Near', 1, 20), at('Nearer', 1, 10), at('Middle', 1, 45), at('Far', 1, 70), at('Far', 2, 75), at('Opposite', 1, 180)];
// cos 10° = 0.985, cos 20° = 0.940, cos 45° = 0.707, cos 70° = 0.342, cos 75° = 0.259
const threshold = 0.8;

describe('look-alike selection by embedding distance', () => {
  it('picks the other person closest to the document photo, above the threshold or the closest below it', () => {
    expect(pickLookAlike(index, holder, threshold, 'above', 0)).toMatchObject({ identity: 'Nearer', score: expect.closeTo(0.985, 3) });
    expect(pickLookAlike(index, holder, threshold, 'below', 0)).toMatchObject({ identity: 'Middle', score: expect.closeTo(0.707, 3) });
    // Never the holder's own photo, however close.
    expect(pickLookAlike([holder, at('Holder', 3, 1)], holder, threshold, 'above', 0)).toBeNull();
  });

  it('is deterministic for a seed, which chooses among the closest three', () => {
    const picks = [0, 1, 2, 3].map((seed) => pickLookAlike(index, holder, threshold, 'below', seed)?.file);
    expect(picks).toEqual(['images/Middle/Middle_0001.jpg', 'images/Far/Far_0001.jpg', 'images/Far/Far_0002.jpg', 'images/Middle/Middle_0001.jpg']);
    expect(pickLookAlike(index, holder, threshold, 'below', 1)).toEqual(pickLookAlike([...index].reverse(), holder, threshold, 'below', 1));
    // Two candidates above the threshold: seeds wrap over the two.
    expect([0, 1, 2].map((seed) => pickLookAlike(index, holder, threshold, 'above', seed)?.identity)).toEqual(['Nearer', 'Near', 'Nearer']);
  });

  it("finds a genuine traveller the booth will not match: two of one person's photos below the threshold, the lowest first", () => {
    expect(pickGenuineNonMatch(index, threshold, 0)).toMatchObject({ identity: 'Holder', documentFile: 'images/Holder/Holder_0001.jpg', liveFile: 'images/Holder/Holder_0002.jpg', score: expect.closeTo(0.174, 3) });
    // Far's two photos are 5° apart (0.996): they match, so Far is never a genuine non-match.
    expect(pickGenuineNonMatch(index, threshold, 0, ['Holder'])).toBeNull();
  });

  it('reads a step\'s faces strictly', () => {
    expect(stepFacesSchema.parse({ kind: 'lookAlike', match: 'above' })).toEqual({ kind: 'lookAlike', match: 'above', seed: 0 });
    expect(stepFacesSchema.safeParse({ kind: 'lookAlike', match: 'sideways' }).success).toBe(false);
    expect(stepFacesSchema.safeParse({ kind: 'genuineNonMatch', seed: 1, extra: true }).success).toBe(false);
  });
});
