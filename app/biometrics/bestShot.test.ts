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

  it('remembers a refused (not a face) shot: no better shot is worth embedding within the window, a better one or a later one is', () => {
    const selector = new BestShotSelector<string>({ windowMs: 1000, keep: 2 });
    selector.refuse('poster', 0.6, 0);
    expect(selector.isRefused('poster', 0.6, 100)).toBe(true);
    expect(selector.isRefused('poster', 0.5, 100)).toBe(true);
    expect(selector.isRefused('poster', 0.7, 100)).toBe(false);
    expect(selector.isRefused('other', 0.1, 100)).toBe(false);
    // A worse refusal does not lower the bar; a better one raises it and restarts the window.
    selector.refuse('poster', 0.4, 500);
    expect(selector.isRefused('poster', 0.6, 1001)).toBe(false);
    selector.refuse('poster', 0.8, 600);
    expect(selector.isRefused('poster', 0.7, 1500)).toBe(true);
    expect(selector.isRefused('poster', 0.7, 1700)).toBe(false);
    // Refused shots never enter the best shots.
    expect(selector.top('poster', 1700)).toEqual([]);
    // A face-like shot of the track clears its refusal, and so does the track's end.
    selector.refuse('poster', 0.8, 1800);
    selector.offer({ trackId: 'poster', timestampMs: 1900, qualityScore: 0.9, usable: true, payload: 'face' });
    expect(selector.isRefused('poster', 0.5, 1900)).toBe(false);
    selector.refuse('poster', 0.8, 2000);
    selector.endTrack('poster');
    expect(selector.isRefused('poster', 0.5, 2000)).toBe(false);
  });

  it('forgets a track when it ends', () => {
    const selector = new BestShotSelector<number>();
    selector.offer({ trackId: 'a', timestampMs: 0, qualityScore: 1, usable: true, payload: 1 });
    selector.endTrack('a');
    expect(selector.best('a', 0)).toBeUndefined();
  });
});
