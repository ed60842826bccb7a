import { describe, expect, it } from 'vitest';
import { galleryEntry } from '../../../../app/inspection/exit/testSupport/galleryEntry';
import type { DepartureGallery, DepartureGalleryEntry } from '../../../../app/ports/departureGallery';
import type { GalleryTemplates } from '../../../storage/exitGalleryTemplates';
import type { ExitGallerySearch } from './exitGallerySearch';
import { enrol, enrollingState, type ExitGalleryState } from './useExitGallery';

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

describe('enrolling a refreshed gallery', () => {
  const photo = (text: string) => ({ photoId: text, source: 'previous_crossing' as const, image: { mediaType: 'image/jpeg' as const, base64: btoa(text) } });
  const galleryOf = (generatedAt: string, entries: DepartureGalleryEntry[]): DepartureGallery => ({ ...galleryAt(generatedAt), entries });
  const embeddingOf = (text: string) => new Float32Array([text.length, text.charCodeAt(0), 1]);

  /** The worker's galleries as the test sees them: which photos it embedded, which templates it took as they were. */
  function worker() {
    const embedded: string[] = [];
    const galleries = new Map<string, Map<string, Float32Array[]>>();
    const search = {
      enrolGallery: async ({ galleryId, identities, replace }: { galleryId: string; identities: readonly { identityId: string; embeddings: readonly Float32Array[] }[]; replace?: boolean }) => {
        const gallery = replace || !galleries.has(galleryId) ? new Map<string, Float32Array[]>() : galleries.get(galleryId)!;
        for (const i of identities) gallery.set(i.identityId, [...i.embeddings]);
        galleries.set(galleryId, gallery);
        return { ok: true };
      },
      enrolGalleryImages: async (galleryId: string, identityId: string, images: readonly Blob[]) => {
        const texts = await Promise.all(images.map(async (b) => new TextDecoder().decode(await b.arrayBuffer())));
        embedded.push(...texts);
        const gallery = galleries.get(galleryId) ?? new Map<string, Float32Array[]>();
        gallery.set(identityId, texts.map(embeddingOf));
        galleries.set(galleryId, gallery);
        return { ok: true as const, images: texts.map((t) => ({ ok: true as const, embedding: embeddingOf(t), quality: 0.9 })) };
      },
      restoreGalleryFrom: () => undefined,
    } as unknown as ExitGallerySearch;
    let templates: GalleryTemplates | null = null;
    const kept = { keepTemplates: async (t: GalleryTemplates) => void (templates = t), keptTemplates: async (galleryId: string) => (templates?.galleryId === galleryId ? templates : null) };
    return { search, kept, embedded, galleries };
  }

  it('a refresh embeds only new or changed photos; unchanged travellers keep their templates, and every traveller is in the new gallery', async () => {
    const { search, kept, embedded, galleries } = worker();
    const morning = galleryOf('2026-12-07T06:00:00.000Z', [galleryEntry('EX-1', { entryPhotos: [photo('holloway-1')] }), galleryEntry('EX-2', { entryPhotos: [photo('brandt-1')], documentPhotos: [photo('brandt-passport')] })]);
    expect(await enrol(search, kept, morning, 'exit:06:00', () => false)).toBe(2);
    expect(embedded).toEqual(['holloway-1', 'brandt-1', 'brandt-passport']);

    embedded.length = 0;
    const later = galleryOf('2026-12-07T06:15:00.000Z', [galleryEntry('EX-1', { entryPhotos: [photo('holloway-1')] }), galleryEntry('EX-2', { entryPhotos: [photo('brandt-2')] }), galleryEntry('EX-3', { entryPhotos: [photo('walker-1')] })]);
    expect(await enrol(search, kept, later, 'exit:06:15', () => false, { gallery: morning, galleryId: 'exit:06:00' })).toBe(3);
    // Holloway's photo is the one enrolled before: not embedded again. Brandt's changed and Walker is new.
    expect(embedded).toEqual(['brandt-2', 'walker-1']);
    expect([...(galleries.get('exit:06:15')?.keys() ?? [])].sort()).toEqual(['EX-1', 'EX-2', 'EX-3']);
    expect(galleries.get('exit:06:15')?.get('EX-1')).toEqual([embeddingOf('holloway-1')]);
    expect((await kept.keptTemplates('exit:06:15'))?.identities.map((i) => i.identityId).sort()).toEqual(['EX-1', 'EX-2', 'EX-3']);
  });
});
