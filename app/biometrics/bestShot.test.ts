import { describe, expect, it } from 'vitest';
import { BestShotSelector } from './bestShot';

describe('BestShotSelector', () => {
  it('keeps the best usable shots of a track, best first, within the time window', () => {
    const selector = new BestShotSelector<string>({ windowMs: 1000, keep: 2 });
    selector.offer({ trackId: 't', timestampMs: 0, qualityScore: 0.9, usable: false, payload: 'blurred-but-big' });
    selector.offer({ trackId: 't', timestampMs: 100, qualityScore: 0.5, usable: true, payload: 'ok' });
    selector.offer({ trackId: 't', timestampMs: 200, qualityScore: 0.7, usable: true, payload: 'good' });
    expect(selector.top('t', 300).map((s) => s.payload)).toEqual(['good', 'ok']);
    expect(selector.wouldKeep('t', 0.6, true, 300)).toBe(true);
    expect(selector.wouldKeep('t', 0.4, true, 300)).toBe(false);
    // Old shots leave the window.
    expect(selector.best('t', 1150)?.payload).toBe('good');
    expect(selector.best('t', 1300)).toBeUndefined();
  });

  it('forgets a track when it ends', () => {
    const selector = new BestShotSelector<number>();
    selector.offer({ trackId: 'a', timestampMs: 0, qualityScore: 1, usable: true, payload: 1 });
    selector.endTrack('a');
    expect(selector.best('a', 0)).toBeUndefined();
  });
});
