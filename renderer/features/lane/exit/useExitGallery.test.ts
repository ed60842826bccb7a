import { describe, expect, it } from 'vitest';
import type { DepartureGallery } from '../../../../app/ports/departureGallery';
import { enrollingState, type ExitGalleryState } from './useExitGallery';

const galleryAt = (generatedAt: string): DepartureGallery => ({ galleryId: `g-${generatedAt}`, port: 'Blaine, WA', lane: 'vehicle', generatedAt, entries: [] }) as unknown as DepartureGallery;
const morning = galleryAt('2026-12-07T06:00:00.000Z');
const ready: ExitGalleryState = { phase: 'ready', gallery: morning, galleryId: 'exit:2026-12-07T06:00:00.000Z:fr@1', fetchedAt: '2026-12-07T06:00:05.000Z', enrolled: 6, message: null };

describe('the exit gallery while a new one is enrolled', () => {
  it('a scheduled refresh keeps the faces searched in the gallery enrolled, with its entries, until the new one is in', () => {
    const next = { gallery: galleryAt('2026-12-07T06:15:00.000Z'), fetchedAt: '2026-12-07T06:15:01.000Z', message: null };
    expect(enrollingState(ready, next, true)).toEqual({ ...ready, phase: 'enrolling', fetchedAt: next.fetchedAt });
  });

  it('the first gallery (or one after a worker restart, a training run, another model) has none to search meanwhile', () => {
    const next = { gallery: morning, fetchedAt: '2026-12-07T06:00:01.000Z', message: 'offline: the kept gallery is used (records service unreachable)' };
    expect(enrollingState({ ...ready, phase: 'loading', gallery: null, galleryId: null, enrolled: 0 }, next, false)).toEqual({ phase: 'enrolling', gallery: morning, galleryId: null, fetchedAt: next.fetchedAt, enrolled: 0, message: next.message });
    expect(enrollingState(ready, next, false).galleryId).toBeNull();
  });
});
