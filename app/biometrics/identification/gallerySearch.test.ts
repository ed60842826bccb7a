import { describe, expect, it } from 'vitest';
import { GalleryTemplates } from './galleryTemplates';
import { GallerySearchError, searchGallery, topIndices } from './gallerySearch';
import { fuseIdentityScores } from './identityScores';
import { MIN_IDENTITIES_FOR_ZNORM, normaliseScore, probeStatistics } from './scoreNormalisation';

/** A unit vector at `angle` radians from the x axis in the first two dimensions of a 16-d space. */
const at = (angle: number, dimension = 16): Float32Array => {
  const v = new Float32Array(dimension);
  v[0] = Math.cos(angle);
  v[1] = Math.sin(angle);
  return v;
};

describe('top-k', () => {
  it('returns the indices of the k largest values, best first', () => {
    const values = Float32Array.from([0.1, 0.9, -0.3, 0.5, 0.9, 0.7]);
    expect(topIndices(values, values.length, 3)).toEqual([1, 4, 5]);
    expect(topIndices(values, values.length, 10)).toEqual([1, 4, 5, 3, 0, 2]);
    expect(topIndices(values, 3, 2)).toEqual([1, 0]);
    expect(topIndices(values, values.length, 0)).toEqual([]);
  });
});

describe('fusion of an identity\'s templates', () => {
  // Identity 0 has scores 0.9 (quality 0.2) and 0.5 (quality 1); identity 1 has 0.6 (quality 1).
  const scores = Float32Array.from([0.9, 0.6, 0.5]);
  const owners = Int32Array.from([0, 1, 0]);
  const qualities = Float32Array.from([0.2, 1, 1]);
  const norms = [1.6, 1];
  const fuse = (rule: Parameters<typeof fuseIdentityScores>[5]) => [...fuseIdentityScores(scores, owners, qualities, norms, 2, rule)].map((v) => Number(v.toFixed(4)));

  it('max takes the best template; mean all of them; top2-mean the two best', () => {
    expect(fuse('max')).toEqual([0.9, 0.6]);
    expect(fuse('mean')).toEqual([0.7, 0.6]);
    expect(fuse('top2-mean')).toEqual([0.7, 0.6]);
  });

  it('centroid scores the mean template: the sum of scores over the norm of the templates\' sum', () => {
    expect(fuse('centroid')).toEqual([Number((1.4 / 1.6).toFixed(4)), 0.6]);
  });

  it('quality-weighted leans to the better photo, and still counts the best score twice', () => {
    // weights 0.25 and 1.05; best (0.9) weight 0.25 added again: (0.25*0.9 + 1.05*0.5 + 0.25*0.9) / 1.55
    expect(fuse('quality-weighted')[0]).toBeCloseTo((0.225 + 0.525 + 0.225) / 1.55, 4);
  });
});

describe('searching a gallery', () => {
  const gallery = new GalleryTemplates(16);
  gallery.enrol('near', [{ embedding: at(0.1) }, { embedding: at(1.2) }]);
  gallery.enrol('far', [{ embedding: at(1.5) }]);
  for (let i = 0; i < 25; i++) gallery.enrol(`other-${i}`, [{ embedding: at(2 + i * 0.04) }]);

  it('lists the top k identities, best first, with their fused and normalised scores', () => {
    const result = searchGallery(gallery, at(0), { fusion: 'max', normalisation: 'none' }, 3);
    expect(result.candidates.map((c) => c.identityId)).toEqual(['near', 'far', 'other-0']);
    expect(result.candidates[0]).toMatchObject({ rank: 1, templates: 2 });
    expect(result.candidates[0]!.score).toBeCloseTo(Math.cos(0.1), 2);
    expect(result).toMatchObject({ galleryIdentities: 27, galleryTemplates: 28 });
  });

  it('z-norm rescales by the probe\'s scores against the whole gallery (raw similarity kept)', () => {
    const result = searchGallery(gallery, at(0), { fusion: 'max', normalisation: 'z-norm' }, 1);
    const top = result.candidates[0]!;
    expect(top.score).toBeCloseTo((top.similarity - result.probe.mean) / result.probe.std, 3);
    expect(top.score).toBeGreaterThan(1);
  });

  it('refuses to z-normalise over a handful of identities rather than fall back silently', () => {
    const small = new GalleryTemplates(16);
    small.enrol('a', [{ embedding: at(0) }]);
    expect(() => searchGallery(small, at(0), { fusion: 'max', normalisation: 'z-norm' }, 1)).toThrow(GallerySearchError);
    expect(() => searchGallery(small, at(0), { fusion: 'max', normalisation: 'z-norm' }, 1)).toThrow(expect.objectContaining({ name: 'GallerySearchError', code: 'gallery_too_small' }));
  });
});

/** A gallery of `identities` travellers, one photo each, 0.05 rad apart: id-0 nearest to at(0). */
const galleryOf = (identities: number): GalleryTemplates => {
  const gallery = new GalleryTemplates(16);
  for (let i = 0; i < identities; i++) gallery.enrol(`id-${i}`, [{ embedding: at(i * 0.05) }]);
  return gallery;
};

describe('fusion when an identity has fewer templates', () => {
  const scores = Float32Array.from([0.8]);
  const owners = Int32Array.from([0]);
  const qualities = Float32Array.from([0]);

  it('an identity with no template scores -Infinity under every rule (never a match), one template is its own score', () => {
    for (const rule of ['max', 'mean', 'top2-mean', 'quality-weighted', 'centroid'] as const) {
      const fused = fuseIdentityScores(scores, owners, qualities, [1, 0], 2, rule);
      expect(fused[0]).toBeCloseTo(0.8, 6);
      expect(fused[1]).toBe(Number.NEGATIVE_INFINITY);
    }
  });

  it('a photo of zero quality still counts a little; top2-mean takes the two best wherever they are', () => {
    const fused = fuseIdentityScores(Float32Array.from([0.5, 0.5, 0.9]), Int32Array.from([0, 0, 0]), Float32Array.from([0, 0, 0]), [3], 1, 'quality-weighted');
    // weights 0.05 each; the best (0.9) counted twice: (0.05*0.5 + 0.05*0.5 + 0.05*0.9 + 0.05*0.9) / 0.2
    expect(fused[0]).toBeCloseTo(0.7, 6);
    const top2 = fuseIdentityScores(Float32Array.from([0.5, 0.9, 0.7]), Int32Array.from([0, 0, 0]), Float32Array.from([1, 1, 1]), [3], 1, 'top2-mean');
    expect(top2[0]).toBeCloseTo(0.8, 6);
    // The best first, or the second best last: still the two best, not the last two seen.
    for (const order of [[0.9, 0.5, 0.7], [0.9, 0.7, 0.5]]) {
      expect(fuseIdentityScores(Float32Array.from(order), Int32Array.from([0, 0, 0]), Float32Array.from([1, 1, 1]), [3], 1, 'top2-mean')[0]).toBeCloseTo(0.8, 6);
    }
  });

  it('fuses only the scores given when owners and qualities are longer (a reused buffer)', () => {
    for (const rule of ['max', 'mean', 'top2-mean', 'quality-weighted', 'centroid'] as const) {
      const exact = fuseIdentityScores(Float32Array.from([0.5, 0.7]), Int32Array.from([0, 0]), Float32Array.from([1, 1]), [1.5], 1, rule);
      const longer = fuseIdentityScores(Float32Array.from([0.5, 0.7]), Int32Array.from([0, 0, 0]), Float32Array.from([1, 1, 1]), [1.5], 1, rule);
      expect([...longer]).toEqual([...exact]);
    }
  });

  it('refuses template scores without an owner and a quality each', () => {
    expect(() => fuseIdentityScores(Float32Array.from([0.1, 0.2]), Int32Array.from([0]), Float32Array.from([1, 1]), [1], 1, 'max')).toThrow('owners and qualities must cover every template score');
    expect(() => fuseIdentityScores(Float32Array.from([0.1, 0.2]), Int32Array.from([0, 0]), Float32Array.from([1]), [1], 1, 'max')).toThrow(RangeError);
  });
});

describe("z-norm of a probe's scores", () => {
  it('ignores identities that cannot score (-Infinity) and has no spread for one score', () => {
    expect(probeStatistics(Float32Array.from([0.5, Number.NEGATIVE_INFINITY, 0.25]), 3)).toEqual({ mean: 0.375, std: 0.125 });
    expect(probeStatistics(Float32Array.from([0.5]), 1)).toEqual({ mean: 0.5, std: 0 });
    expect(probeStatistics(Float32Array.from([]), 0)).toEqual({ mean: 0, std: 0 });
    // Only the first `count` scores are the gallery's.
    expect(probeStatistics(Float32Array.from([0.5, 0.25, 99]), 2)).toEqual({ mean: 0.375, std: 0.125 });
  });

  it('a probe whose scores do not spread normalises to 0, never to a division by zero', () => {
    expect(normaliseScore(0.9, 'z-norm', { mean: 0.5, std: 0 })).toBe(0);
    expect(normaliseScore(0.75, 'z-norm', { mean: 0.5, std: 0.125 })).toBe(2);
    expect(normaliseScore(0.75, 'none', { mean: 0.5, std: 0.125 })).toBe(0.75);
  });

  it('is allowed from exactly the minimum gallery size', () => {
    expect(() => searchGallery(galleryOf(MIN_IDENTITIES_FOR_ZNORM - 1), at(0), { fusion: 'max', normalisation: 'z-norm' }, 1)).toThrow(
      `z-norm needs a gallery of at least ${MIN_IDENTITIES_FOR_ZNORM} identities; this one has ${MIN_IDENTITIES_FOR_ZNORM - 1}`,
    );
    expect(searchGallery(galleryOf(MIN_IDENTITIES_FOR_ZNORM), at(0), { fusion: 'max', normalisation: 'z-norm' }, 1).candidates).toHaveLength(1);
  });
});

describe('the shortlist', () => {
  it('holds at most the gallery, none for k of 0 or less, and ranks from 1', () => {
    const gallery = galleryOf(3);
    expect(searchGallery(gallery, at(0), { fusion: 'max', normalisation: 'none' }, 10).candidates.map((c) => [c.identityId, c.rank])).toEqual([
      ['id-0', 1],
      ['id-1', 2],
      ['id-2', 3],
    ]);
    expect(searchGallery(gallery, at(0), { fusion: 'max', normalisation: 'none' }, 0).candidates).toEqual([]);
    expect(searchGallery(gallery, at(0), { fusion: 'max', normalisation: 'none' }, -1).candidates).toEqual([]);
  });

  it('without normalisation a candidate scores its similarity', () => {
    for (const candidate of searchGallery(galleryOf(3), at(0.02), { fusion: 'max', normalisation: 'none' }, 3).candidates) expect(candidate.score).toBe(candidate.similarity);
  });

  it('top-k keeps the earlier of equal scores and drops a later equal one when full', () => {
    expect(topIndices(Float32Array.from([0.5, 0.5, 0.5]), 3, 2)).toEqual([0, 1]);
    expect(topIndices(Float32Array.from([0.1, 0.2, 0.3]), 3, 1)).toEqual([2]);
  });
});
