import { describe, expect, it } from 'vitest';
import type { ExitIdentification } from '../../../../app/inspection/exit/exitOccupantRules';
import { standingSearch, type ExitSearch } from './useExitAssessment';

const brandt: ExitIdentification = { kind: 'candidate', candidate: { travellerId: 'EX-0002', score: 0.7, threshold: 0.5, calibratedFpir: { fpir: 1e-4, bound: false, text: '1 in 10,000' }, gallerySize: 6, trackId: 'driver:1' } };
const probe = new Float32Array([1, 0, 0]);
const searched: ExitSearch = { probe, galleryId: 'exit:2026-12-07T06:00:00Z:fr@1', identification: brandt };

describe('which search stands for a face on the exit lane screen', () => {
  it('the search made on one of the face\'s own probes, against the gallery enrolled now', () => {
    expect(standingSearch(searched, { probes: [{ embedding: new Float32Array([0, 1, 0]) }, { embedding: probe }] }, searched.galleryId)).toBe(brandt);
  });

  it('none once the gallery changed (a refresh with other travellers, a training run\'s own gallery): the face is searched again, never judged on a gallery that is gone', () => {
    expect(standingSearch(searched, { probes: [{ embedding: probe }] }, 'exit:2026-12-07T12:00:00Z:fr@1')).toBeNull();
    expect(standingSearch(searched, { probes: [{ embedding: probe }] }, null)).toBeNull();
  });

  it('none for another person under the same track id (the worker numbers tracks afresh for the next traveller), nor before any search', () => {
    expect(standingSearch(searched, { probes: [{ embedding: new Float32Array([1, 0, 0]) }] }, searched.galleryId)).toBeNull();
    expect(standingSearch(undefined, { probes: [{ embedding: probe }] }, searched.galleryId)).toBeNull();
  });
});
