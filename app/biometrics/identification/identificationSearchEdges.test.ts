import { describe, expect, it } from 'vitest';
import { EmbeddingError } from '../embeddingMath';
import { GalleryTemplates } from './galleryTemplates';
import { GallerySearchError, searchGallery, topIndices } from './gallerySearch';
import { identificationCalibrationSchema } from './identificationCalibration';
import { fuseIdentityScores } from './identityScores';
import { DEFAULT_CANDIDATES, identifyInGallery } from './identifyInGallery';
import { INT8_MAX, quantiseInto } from './int8Quantiser';
import { MIN_IDENTITIES_FOR_ZNORM, normaliseScore, probeStatistics } from './scoreNormalisation';

/** The 1:N search's arithmetic at its edges: quantisation, fusion, normalisation, the shortlist. */

const unit = (angle: number, dimension = 8): Float32Array => {
  const v = new Float32Array(dimension);
  v[0] = Math.cos(angle);
  v[1] = Math.sin(angle);
  return v;
};
const galleryOf = (identities: number, dimension = 8): GalleryTemplates => {
  const gallery = new GalleryTemplates(dimension);
  for (let i = 0; i < identities; i++) gallery.enrol(`id-${i}`, [{ embedding: unit(i * 0.05, dimension) }]);
  return gallery;
};

describe('int8 quantisation of a template', () => {
  it('normalises, scales the largest component to 127, and zeroes the row past the vector', () => {
    const codes = new Int8Array(6).fill(9);
    const scale = quantiseInto([3, -4, 0, 0], codes);
    // 3/5 and -4/5: the larger, 0.8, is 127; 0.6 is round(0.75 x 127) = 95.
    expect([...codes]).toEqual([95, -INT8_MAX, 0, 0, 0, 0]);
    expect(scale).toBeCloseTo(0.8 / INT8_MAX, 9);
  });

  it('refuses a row too short for the vector, and a vector with no direction', () => {
    expect(() => quantiseInto([1, 2, 3], new Int8Array(2))).toThrow('quantised row holds 2 values; the vector has 3');
    expect(() => quantiseInto([0, 0], new Int8Array(2))).toThrow(EmbeddingError);
    expect(() => quantiseInto([Number.NaN, 1], new Int8Array(2))).toThrow(/zero or non-finite norm/);
    expect(() => quantiseInto([Number.POSITIVE_INFINITY, 1], new Int8Array(2))).toThrow(/zero or non-finite norm/);
  });
});

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

  it('a photo of zero quality still counts a little; equal scores keep the first best', () => {
    const fused = fuseIdentityScores(Float32Array.from([0.5, 0.5, 0.9]), Int32Array.from([0, 0, 0]), Float32Array.from([0, 0, 0]), [3], 1, 'quality-weighted');
    // weights 0.05 each; the best (0.9) counted twice: (0.05*0.5 + 0.05*0.5 + 0.05*0.9 + 0.05*0.9) / 0.2
    expect(fused[0]).toBeCloseTo(0.7, 6);
    const top2 = fuseIdentityScores(Float32Array.from([0.5, 0.9, 0.7]), Int32Array.from([0, 0, 0]), Float32Array.from([1, 1, 1]), [3], 1, 'top2-mean');
    expect(top2[0]).toBeCloseTo(0.8, 6);
  });

  it('refuses template scores without an owner and a quality each', () => {
    expect(() => fuseIdentityScores(Float32Array.from([0.1, 0.2]), Int32Array.from([0]), Float32Array.from([1, 1]), [1], 1, 'max')).toThrow(RangeError);
    expect(() => fuseIdentityScores(Float32Array.from([0.1, 0.2]), Int32Array.from([0, 0]), Float32Array.from([1]), [1], 1, 'max')).toThrow(RangeError);
  });
});

describe('z-norm of a probe\'s scores', () => {
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
    expect(() => searchGallery(galleryOf(MIN_IDENTITIES_FOR_ZNORM - 1), unit(0), { fusion: 'max', normalisation: 'z-norm' }, 1)).toThrow(
      `z-norm needs a gallery of at least ${MIN_IDENTITIES_FOR_ZNORM} identities; this one has ${MIN_IDENTITIES_FOR_ZNORM - 1}`,
    );
    expect(searchGallery(galleryOf(MIN_IDENTITIES_FOR_ZNORM), unit(0), { fusion: 'max', normalisation: 'z-norm' }, 1).candidates).toHaveLength(1);
    expect(() => searchGallery(galleryOf(3), unit(0), { fusion: 'max', normalisation: 'z-norm' }, 1)).toThrow(GallerySearchError);
  });
});

describe('the shortlist', () => {
  it('holds at most the gallery, none for k of 0 or less, and ranks from 1', () => {
    const gallery = galleryOf(3);
    expect(searchGallery(gallery, unit(0), { fusion: 'max', normalisation: 'none' }, 10).candidates.map((c) => [c.identityId, c.rank])).toEqual([
      ['id-0', 1],
      ['id-1', 2],
      ['id-2', 3],
    ]);
    expect(searchGallery(gallery, unit(0), { fusion: 'max', normalisation: 'none' }, 0).candidates).toEqual([]);
    expect(searchGallery(gallery, unit(0), { fusion: 'max', normalisation: 'none' }, -1).candidates).toEqual([]);
    expect(searchGallery(gallery, unit(0), { fusion: 'max', normalisation: 'none' }, 2).probe).toEqual({ mean: 0, std: 1 });
  });

  it('top-k keeps the earlier of equal scores and drops a later equal one when full', () => {
    expect(topIndices(Float32Array.from([0.5, 0.5, 0.5]), 3, 2)).toEqual([0, 1]);
    expect(topIndices(Float32Array.from([0.1, 0.2, 0.3]), 3, 1)).toEqual([2]);
  });
});

describe('identifying one face in a gallery', () => {
  const calibration = identificationCalibrationSchema.parse({
    version: 'tiny-10',
    source: 'unit test',
    galleryIdentities: 10,
    pipeline: { fusion: 'max', normalisation: 'none' },
    matedSearches: 10,
    nonMatedSearches: 100,
    table: [
      { threshold: 0.5, fpir: 0.1 },
      { threshold: 0.99, fpir: 0.01 },
    ],
    thresholdsByFpir: { '1e-2': 0.99 },
    ambiguityMargin: 0,
  });

  it('searches with the calibration for the gallery\'s size and lists a shortlist of at least two', () => {
    const gallery = new GalleryTemplates(8);
    gallery.enrol('near', [{ embedding: unit(0) }]);
    gallery.enrol('far', [{ embedding: unit(1.4) }]);
    gallery.enrol('farther', [{ embedding: unit(1.5) }]);
    const result = identifyInGallery(gallery, unit(0.01), [calibration], 0.01);
    expect(result).toMatchObject({ outcome: 'identified', identityId: 'near', calibrationVersion: 'tiny-10', galleryIdentities: 3 });
    expect(result.candidates).toHaveLength(3);
    expect(identifyInGallery(gallery, unit(0.01), [calibration], 0.01, 1).candidates.map((c) => c.identityId)).toEqual(['near', 'far']);
    expect(DEFAULT_CANDIDATES).toBe(5);
  });

  it('without a calibration, identifies nobody: it refuses', () => {
    expect(() => identifyInGallery(galleryOf(2), unit(0), undefined, 0.01)).toThrow(/no identification calibration/);
  });
});
