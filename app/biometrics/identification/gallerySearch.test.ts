import { describe, expect, it } from 'vitest';
import { GalleryTemplates } from './galleryTemplates';
import { GallerySearchError, searchGallery, topIndices } from './gallerySearch';
import { fuseIdentityScores } from './identityScores';

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
  });
});
