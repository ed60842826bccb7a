import { describe, expect, it } from 'vitest';
import { buildProtocol } from './identificationProtocol';
import { runProtocol } from './identificationRun';
import { nodeGallerySearcher } from './nodeGallerySearcher';

// Identities A..F with 3, 3, 2, 1, 1, 1 images.
const counts: [string, number][] = [['A', 3], ['B', 3], ['C', 2], ['D', 1], ['E', 1], ['F', 1]];
const images = counts.flatMap(([identity, n]) => Array.from({ length: n }, (_, i) => ({ path: `${identity}/${i}.jpg`, identity })));

describe('the identification protocol', () => {
  it('fills the gallery with multi-image identities first; outside identities give non-mated probes', () => {
    const protocol = buildProtocol(images, { galleryIdentities: 3, enrolment: 'single', rounds: 1, nonMatedFraction: 1, seed: 's' });
    const round = protocol.rounds[0]!;
    expect(round.gallery.map((g) => g.identityId).sort()).toEqual(['A', 'B', 'C']);
    expect(round.gallery.every((g) => g.images.length === 1)).toBe(true);
    // Single enrolment: every other image of a gallery identity is a mated probe.
    expect(round.matedProbes).toHaveLength(2 + 2 + 1);
    expect(round.nonMatedProbes.map((i) => images[i]!.identity).sort()).toEqual(['D', 'E', 'F']);
  });

  it('all-but-probe enrols every other image, one probe per identity and round, never the same probe twice', () => {
    const protocol = buildProtocol(images, { galleryIdentities: 3, enrolment: 'all-but-probe', rounds: 3, nonMatedFraction: 1, seed: 's' });
    const [first, , third] = protocol.rounds;
    expect(first!.matedProbes).toHaveLength(3);
    expect(first!.gallery.find((g) => g.identityId === 'A')!.images).toHaveLength(2);
    // C has two images: in the third round it only enrols.
    expect(third!.matedProbes.map((i) => images[i]!.identity).sort()).toEqual(['A', 'B']);
    const probes = protocol.rounds.flatMap((r) => r.matedProbes);
    expect(new Set(probes).size).toBe(probes.length);
    for (const round of protocol.rounds) for (const g of round.gallery) for (const p of round.matedProbes) expect(g.images).not.toContain(p);
  });

  it('caps a gallery larger than the dataset', () => {
    expect(buildProtocol(images, { galleryIdentities: 5000, enrolment: 'single', rounds: 1, nonMatedFraction: 1, seed: 's' })).toMatchObject({ galleryIdentities: 6, datasetIdentities: 6 });
  });

  it('runs through the gallery code: mates found, left-out identities give non-mated scores, unacquired probes are misses', async () => {
    // Each identity's images point in its own direction, with a little noise.
    const direction = (identity: string, k: number) => {
      const v = new Float32Array(32);
      v[identity.charCodeAt(0) - 65] = 1;
      v[31] = 0.05 * k;
      return v;
    };
    const faces = { identityOf: (i: number) => images[i]!.identity, embedding: (i: number) => (images[i]!.path === 'B/2.jpg' ? undefined : direction(images[i]!.identity, i)), quality: () => 1 };
    const protocol = buildProtocol(images, { galleryIdentities: 3, enrolment: 'single', rounds: 1, nonMatedFraction: 1, seed: 's' });
    const [result] = await runProtocol(protocol, faces, nodeGallerySearcher(32), [{ fusion: 'max', normalisation: 'none' }], () => undefined);
    const acquired = result!.mated.filter((m) => m.top !== null);
    expect(result!.mated).toHaveLength(5);
    expect(acquired.every((m) => m.top?.mate)).toBe(true);
    // B/2.jpg (a probe: single enrolment takes B/0.jpg) gave no face.
    expect(result!.mated.filter((m) => m.top === null)).toHaveLength(1);
    expect(result!.leaveOneOut).toBe(acquired.length);
    expect(result!.nonMatedTopScores).toHaveLength(acquired.length + 3);
    expect(Math.max(...result!.nonMatedTopScores)).toBeLessThan(0.2);
  });
});
