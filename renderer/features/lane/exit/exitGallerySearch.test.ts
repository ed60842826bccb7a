import { describe, expect, it } from 'vitest';
import { exitIdentificationOf, type IdentificationFacts } from './exitGallerySearch';

const facts = (over: Partial<IdentificationFacts> = {}): IdentificationFacts => ({
  outcome: 'identified',
  identityId: 'EX-0001',
  score: 0.61,
  candidates: [{ identityId: 'EX-0001', score: 0.61 }, { identityId: 'EX-0002', score: 0.2 }],
  ambiguousIdentityIds: [],
  threshold: 0.5,
  calibratedFpir: 1e-4,
  fpirBound: false,
  extrapolated: false,
  calibrationGalleryIdentities: 1559,
  galleryIdentities: 700,
  ...over,
});

describe('an exit identification as the rules take it', () => {
  it('a search that could not be made (uncalibrated, no gallery) is no candidate, never a match', () => {
    expect(exitIdentificationOf('t1', { ok: false, error: { code: 'uncalibrated', message: 'no identification calibration' } })).toEqual({ kind: 'no_candidate', trackId: 't1', searchError: 'uncalibrated: no identification calibration' });
    expect(exitIdentificationOf('t1', { ok: false, error: { code: 'no_gallery', message: 'no gallery exit:1' } })).toMatchObject({ kind: 'no_candidate', searchError: 'no_gallery: no gallery exit:1' });
    expect(exitIdentificationOf('t1', { ok: true, result: facts({ outcome: 'not_identified', identityId: null }) })).toEqual({ kind: 'no_candidate', trackId: 't1' });
    expect(exitIdentificationOf('t1', { ok: true, result: facts({ identityId: null }) })).toEqual({ kind: 'no_candidate', trackId: 't1' });
  });

  it('identified: the candidate with its calibrated rate; ambiguous: every identity in the ambiguity', () => {
    expect(exitIdentificationOf('t1', { ok: true, result: facts() })).toEqual({
      kind: 'candidate',
      candidate: { travellerId: 'EX-0001', score: 0.61, threshold: 0.5, calibratedFpir: { fpir: 1e-4, bound: false, text: '1 in 10,000' }, gallerySize: 700, trackId: 't1' },
    });
    const twins = exitIdentificationOf('t1', { ok: true, result: facts({ outcome: 'ambiguous', identityId: null, ambiguousIdentityIds: ['EX-0001', 'EX-0002'] }) });
    expect(twins.kind === 'ambiguous' && twins.candidates.map((c) => [c.travellerId, c.score])).toEqual([['EX-0001', 0.61], ['EX-0002', 0.2]]);
  });

  it('a rate scaled up from a smaller calibrated gallery is never shown (or recorded) as a measured one', () => {
    const found = exitIdentificationOf('t1', { ok: true, result: facts({ extrapolated: true, galleryIdentities: 4000, fpirBound: true }) });
    expect(found.kind === 'candidate' && found.candidate.calibratedFpir).toEqual({ fpir: 1e-4, bound: true, text: 'below 1 in 10,000 (extrapolated from a calibrated gallery of 1,559)' });
  });
});
