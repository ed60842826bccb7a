import { describe, expect, it } from 'vitest';
import type { ExitIdentification } from '../../../../app/inspection/exit/exitOccupantRules';
import { ExitFaceSearches, exitSearchRetryDelaysMs, standingSearch, type ExitSearch, type SearchedFace } from './exitFaceSearches';
import type { ExitGallerySearch, IdentificationFacts, IdentifyReply } from './exitGallerySearch';

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

/** A worker stand-in whose answers the test gives, one search at a time: every identify call is kept. */
function worker() {
  const calls: { galleryId: string; embedding: Float32Array; answer: (identityId: string | null) => void; fail: (error: Error) => void }[] = [];
  const search = {
    identify: ({ galleryId, embedding }: { galleryId: string; embedding: Float32Array }) =>
      new Promise<IdentifyReply>((resolve, reject) => {
        calls.push({ galleryId, embedding, answer: (identityId) => resolve({ ok: true, result: facts(identityId) }), fail: reject });
      }),
  } as unknown as ExitGallerySearch;
  return { search, calls };
}

const facts = (identityId: string | null): IdentificationFacts => ({
  outcome: identityId ? 'identified' : 'not_identified',
  identityId,
  score: identityId ? 0.7 : null,
  candidates: identityId ? [{ identityId, score: 0.7 }] : [],
  ambiguousIdentityIds: [],
  threshold: 0.5,
  calibratedFpir: identityId ? 1e-4 : null,
  fpirBound: false,
  extrapolated: false,
  calibrationGalleryIdentities: 1559,
  galleryIdentities: 6,
});

const galleryId = 'exit:2026-12-07T06:00:00Z:fr@1';
const face = (trackId: string, ...probes: Float32Array[]): SearchedFace => ({ trackId, probes: probes.map((embedding) => ({ embedding })) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The searches, with what the screen would show for `faces` after the answers so far. */
function searchesOver(search: ExitGallerySearch) {
  let found: Readonly<Record<string, ExitSearch>> = {};
  const searches = new ExitFaceSearches(search, (f) => (found = f));
  const shown = (f: SearchedFace, gallery = galleryId) => {
    const standing = standingSearch(found[f.trackId], f, gallery);
    return standing?.kind === 'candidate' ? standing.candidate.travellerId : standing?.kind ?? 'not searched';
  };
  return { searches, shown, found: () => found };
}

describe('the exit lane\'s 1:N searches of the faces on screen', () => {
  it('a face updated on every frame while its search is on its way is searched ONCE, and that answer lands', async () => {
    const { search, calls } = worker();
    const { searches, shown } = searchesOver(search);
    const best = new Float32Array([1, 0, 0]);
    searches.request(galleryId, [face('driver:1', best)]);
    // Frames go on (a worse probe is added, the face's box moves): the same best probe is not searched again.
    searches.request(galleryId, [face('driver:1', best)]);
    searches.request(galleryId, [face('driver:1', best, new Float32Array([0, 1, 0]))]);
    expect(calls).toHaveLength(1);
    calls[0]!.answer('EX-0002');
    await settle();
    expect(shown(face('driver:1', best, new Float32Array([0, 1, 0])))).toBe('EX-0002');
    searches.request(galleryId, [face('driver:1', best)]);
    expect(calls).toHaveLength(1);
  });

  it('a face whose best shot keeps improving shows each answer in the order asked; an older answer never replaces a newer one, nor stands once its probe is gone', async () => {
    const { search, calls } = worker();
    const { searches, shown } = searchesOver(search);
    const [first, second, third] = [new Float32Array([1, 0, 0]), new Float32Array([0, 1, 0]), new Float32Array([0, 0, 1])];
    searches.request(galleryId, [face('driver:1', first)]);
    searches.request(galleryId, [face('driver:1', second, first)]);
    searches.request(galleryId, [face('driver:1', third, second)]);
    expect(calls.map((c) => c.embedding)).toEqual([first, second, third]);
    // The second answer comes first: it stands (the face still has that probe), though the best shot is newer.
    calls[1]!.answer('EX-0002');
    await settle();
    expect(shown(face('driver:1', third, second))).toBe('EX-0002');
    // The first answer, late: older than the one shown, it never replaces it.
    calls[0]!.answer('EX-0005');
    await settle();
    expect(shown(face('driver:1', third, second))).toBe('EX-0002');
    // Its probe gone from the face (only the best few are kept), the second answer no longer stands either.
    expect(shown(face('driver:1', third))).toBe('not searched');
    calls[2]!.answer('EX-0002');
    await settle();
    expect(shown(face('driver:1', third))).toBe('EX-0002');
  });

  it('a new gallery (a refresh, a training run\'s own) searches every face again; nothing is judged on the gallery that is gone', async () => {
    const { search, calls } = worker();
    const { searches, shown } = searchesOver(search);
    const best = new Float32Array([1, 0, 0]);
    searches.request(galleryId, [face('driver:1', best)]);
    calls[0]!.answer('EX-0002');
    await settle();
    const refreshed = 'exit:2026-12-07T12:00:00Z:fr@1';
    searches.request(refreshed, [face('driver:1', best)]);
    expect(calls.map((c) => c.galleryId)).toEqual([galleryId, refreshed]);
    expect(shown(face('driver:1', best), refreshed)).toBe('not searched');
    calls[1]!.answer(null);
    await settle();
    expect(shown(face('driver:1', best), refreshed)).toBe('no_candidate');
  });

  /** One face searched, the backoff's waits recorded instead of slept; `found()` is what the screen shows now. */
  const searchingWithRecordedWaits = () => {
    const { search, calls } = worker();
    const waits: number[] = [];
    let shown: Readonly<Record<string, ExitSearch>> = {};
    const searches = new ExitFaceSearches(search, (f) => (shown = f), async (ms) => void waits.push(ms));
    const best = new Float32Array([1, 0, 0]);
    searches.request(galleryId, [face('driver:1', best)]);
    return { calls, waits, found: () => shown, searches, best };
  };

  it('a search that failed on its way (worker crashed or timed out) is asked again for the same probe after a bounded backoff, and the answer lands', async () => {
    const { calls, waits, found, best } = searchingWithRecordedWaits();
    calls[0]!.fail(new Error('vision worker did not answer within 15000 ms'));
    await settle();
    // Not shown as "not identified" for one transient failure: asked again, same probe, same gallery.
    expect(found()['driver:1']).toBeUndefined();
    expect(calls.map((c) => [c.embedding, c.galleryId])).toEqual([[best, galleryId], [best, galleryId]]);
    calls[1]!.answer('EX-0002');
    await settle();
    expect(found()['driver:1']?.identification).toEqual(expect.objectContaining({ kind: 'candidate' }));
    expect(waits).toEqual([exitSearchRetryDelaysMs[0]]);
  });

  it('a failure that lasts through every retry lands as no candidate saying why, never as a match, and is not repeated on every frame', async () => {
    const { calls, waits, found, searches, best } = searchingWithRecordedWaits();
    for (let attempt = 0; attempt <= exitSearchRetryDelaysMs.length; attempt++) {
      expect(found()['driver:1']).toBeUndefined();
      calls[attempt]!.fail(new Error('vision worker timed out'));
      await settle();
    }
    expect(waits).toEqual(exitSearchRetryDelaysMs);
    expect(found()['driver:1']?.identification).toEqual({ kind: 'no_candidate', trackId: 'driver:1', searchError: 'vision worker timed out' });
    searches.request(galleryId, [face('driver:1', best)]);
    expect(calls).toHaveLength(exitSearchRetryDelaysMs.length + 1);
  });

  it('an answer that says the search cannot be made (uncalibrated) is permanent: shown at once, not retried', async () => {
    const calls: unknown[] = [];
    const search = { identify: async (request: unknown) => (calls.push(request), { ok: false, error: { code: 'uncalibrated', message: 'no FPIR calibration for this model' } }) } as unknown as ExitGallerySearch;
    let found: Readonly<Record<string, ExitSearch>> = {};
    const searches = new ExitFaceSearches(search, (f) => (found = f), () => Promise.reject(new Error('a permanent error must not wait for a retry')));
    searches.request(galleryId, [face('driver:1', new Float32Array([1, 0, 0]))]);
    await settle();
    expect(found['driver:1']?.identification).toEqual({ kind: 'no_candidate', trackId: 'driver:1', searchError: 'uncalibrated: no FPIR calibration for this model' });
    expect(calls).toHaveLength(1);
  });

  it('a retry waiting when the screen goes away, or when a better probe is asked, is not made', async () => {
    const { search, calls } = worker();
    let release: () => void = () => {};
    const searches = new ExitFaceSearches(search, () => {}, () => new Promise<void>((resolve) => (release = resolve)));
    const [first, better] = [new Float32Array([1, 0, 0]), new Float32Array([0, 1, 0])];
    searches.request(galleryId, [face('driver:1', first)]);
    calls[0]!.fail(new Error('vision worker crashed'));
    await settle();
    searches.request(galleryId, [face('driver:1', better, first)]);
    release();
    await settle();
    expect(calls.map((c) => c.embedding)).toEqual([first, better]);
    calls[1]!.fail(new Error('vision worker crashed'));
    await settle();
    searches.stop();
    release();
    await settle();
    expect(calls).toHaveLength(2);
  });

  it('nothing lands for a face gone from the screen (the next vehicle), nor after the screen went away, and nothing more is asked', async () => {
    const { search, calls } = worker();
    const { searches, found } = searchesOver(search);
    searches.request(galleryId, [face('driver:1', new Float32Array([1, 0, 0])), face('passenger:2', new Float32Array([0, 1, 0]))]);
    calls[1]!.answer('EX-0001');
    await settle();
    searches.request(galleryId, [face('driver:3', new Float32Array([0, 0, 1]))]);
    calls[0]!.answer('EX-0002');
    await settle();
    calls[2]!.answer('EX-0003');
    await settle();
    expect(Object.keys(found())).toEqual(['driver:3']);
    const before = found();
    const better = new Float32Array([1, 0, 1]);
    searches.request(galleryId, [face('driver:3', better)]);
    searches.stop();
    calls[3]!.answer('EX-0004');
    await settle();
    expect(found()).toBe(before);
    searches.request(galleryId, [face('driver:3', new Float32Array([1, 1, 1])), face('driver:4', new Float32Array([1, 1, 0]))]);
    expect(calls).toHaveLength(4);
  });
});
