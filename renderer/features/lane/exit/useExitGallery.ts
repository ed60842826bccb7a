import { useEffect, useState } from 'react';
import { citizenshipCategoryOf } from '../../../../app/policy/citizenshipCategory';
import { retentionHours } from '../../../../app/policy/policyRules';
import { policyInForce } from '../../../../app/policy/policySet';
import type { DepartureGallery, DepartureGalleryEntry } from '../../../../app/ports/departureGallery';
import { useBooth, useDecisionJournal, useHost } from '../../../state/StoreContext';
import { defaultModels } from '../../../vision/shippedModels';
import type { ExitGalleryStore } from '../../../storage/ExitGalleryStore';
import type { GalleryTemplates } from '../../../storage/exitGalleryTemplates';
import type { ExitGallerySearch } from './exitGallerySearch';

const shippedEmbedder = defaultModels().embedder;

/** How often the lane's gallery is fetched again (new expected departures, photos that changed). */
export const galleryRefreshMs = 15 * 60_000;

export interface ExitGalleryState {
  readonly phase: 'loading' | 'enrolling' | 'ready' | 'unavailable';
  readonly gallery: DepartureGallery | null;
  /** The worker gallery the faces are searched in. */
  readonly galleryId: string | null;
  /** When the booth last fetched it from the records service (or kept it, offline). */
  readonly fetchedAt: string | null;
  /** Travellers whose photos gave at least one template. */
  readonly enrolled: number;
  readonly message: string | null;
}

const blobOf = (image: { mediaType: string; base64: string }): Blob => new Blob([Uint8Array.from(atob(image.base64), (c) => c.charCodeAt(0))], { type: image.mediaType });

/** The longest the kept gallery may stay: the shortest retention of anyone in it under the policy (citizens: 12 hours). */
export function galleryMaxAgeHours(gallery: DepartureGallery, policy: Parameters<typeof retentionHours>[0]): number {
  return Math.min(...gallery.entries.map((e) => retentionHours(policy, citizenshipCategoryOf({ record: e }))), Number.POSITIVE_INFINITY);
}

/**
 * The state while `next.gallery` is enrolled. On a scheduled refresh (`refreshing`) the faces are still searched in the
 * gallery enrolled now, with its entries, until the new one is in (the worker holds both meanwhile; enrolling a large
 * gallery takes minutes): never in none, which would show every traveller as not identified. The first time there is
 * none to search yet.
 */
export function enrollingState(current: ExitGalleryState, next: { readonly gallery: DepartureGallery; readonly fetchedAt: string; readonly message: string | null }, refreshing: boolean): ExitGalleryState {
  if (refreshing && current.galleryId !== null) return { ...current, phase: 'enrolling', fetchedAt: next.fetchedAt, message: next.message };
  return { phase: 'enrolling', gallery: next.gallery, galleryId: null, fetchedAt: next.fetchedAt, enrolled: 0, message: next.message };
}

type KeptGalleries = Pick<ExitGalleryStore, 'keptTemplates' | 'keepTemplates'>;

type Identity = GalleryTemplates['identities'][number];

const photosOf = (entry: DepartureGalleryEntry): string[] => [...entry.entryPhotos, ...entry.documentPhotos].flatMap((p) => (p.image ? [`${p.image.mediaType};${p.image.base64}`] : []));

/**
 * On a refresh, the templates of travellers whose photos are exactly those enrolled from the gallery before (the same
 * embedder: a refresh happens within one model, a gallery's id names it); by traveller. Empty the first time.
 */
async function unchangedTemplates(kept: KeptGalleries, previous: EnrolledGallery | null, gallery: DepartureGallery): Promise<ReadonlyMap<string, Identity>> {
  if (!previous) return new Map();
  const templates = new Map((await kept.keptTemplates(previous.galleryId))?.identities.map((i) => [i.identityId, i]) ?? []);
  const before = new Map(previous.gallery.entries.map((e) => [e.travellerId, photosOf(e)]));
  return new Map(
    gallery.entries.flatMap((entry): [string, Identity][] => {
      const was = before.get(entry.travellerId);
      const now = photosOf(entry);
      const identity = templates.get(entry.travellerId);
      return identity && was && was.length === now.length && was.every((photo, k) => photo === now[k]) ? [[entry.travellerId, identity]] : [];
    }),
  );
}

/** A gallery enrolled in the worker, with the entries it was enrolled from. */
export interface EnrolledGallery {
  readonly gallery: DepartureGallery;
  readonly galleryId: string;
}

/**
 * Enrols the gallery in the worker once: from the templates kept sealed for it when there are (a booth restarted
 * on the same gallery), else from every traveller's entry and document photos, then keeps the templates sealed. On a
 * refresh (`previous`: the gallery enrolled now) a traveller whose photos did not change keeps their templates: only
 * new or changed photos are embedded again (the worker embeds on the thread the cameras' frames need).
 * A worker that restarts later is re-enrolled from them (restoreGalleryFrom): the page holds no copy in memory.
 * Resolves the number of travellers enrolled, or null when cancelled.
 */
export async function enrol(search: ExitGallerySearch, kept: KeptGalleries, gallery: DepartureGallery, galleryId: string, cancelled: () => boolean, previous: EnrolledGallery | null = null): Promise<number | null> {
  const restorer = async () => (await kept.keptTemplates(galleryId))?.identities ?? null;
  const keptIdentities = await restorer();
  if (keptIdentities && keptIdentities.length > 0 && (await search.enrolGallery({ galleryId, identities: keptIdentities, replace: true })).ok) {
    search.restoreGalleryFrom(galleryId, restorer);
    return keptIdentities.length;
  }
  let unchanged = await unchangedTemplates(kept, previous, gallery);
  if (unchanged.size > 0 && !(await search.enrolGallery({ galleryId, identities: [...unchanged.values()], replace: true })).ok) unchanged = new Map();
  if (cancelled()) return null;
  const identities: Identity[] = [...unchanged.values()];
  for (const entry of gallery.entries) {
    if (unchanged.has(entry.travellerId)) continue;
    const images = [...entry.entryPhotos, ...entry.documentPhotos].flatMap((p) => (p.image ? [blobOf(p.image)] : []));
    if (images.length === 0) continue;
    const result = await search.enrolGalleryImages(galleryId, entry.travellerId, images);
    if (cancelled()) return null;
    if (!result.ok) continue;
    const accepted = result.images.flatMap((image) => (image.ok ? [image] : []));
    if (accepted.length > 0) identities.push({ identityId: entry.travellerId, embeddings: accepted.map((a) => a.embedding), qualities: accepted.map((a) => a.quality) });
  }
  await kept.keepTemplates({ galleryId, identities });
  search.restoreGalleryFrom(galleryId, restorer);
  return identities.length;
}

/**
 * The exit lane's gallery: fetched through the host ahead of the travellers, kept sealed for offline work, every
 * traveller's entry and document photos enrolled once in the vision worker, refreshed on a schedule and purged
 * when older than the policy allows. Offline, the kept gallery is used and the header says how old it is.
 */
export function useExitGallery(search: ExitGallerySearch | undefined): ExitGalleryState {
  const host = useHost();
  const journal = useDecisionJournal();
  const visionReady = useBooth((state) => state.vision.phase === 'ready');
  const policies = useBooth((state) => state.info?.policies ?? null);
  // Templates are the embedder's: a gallery's id names the model, so templates kept under another model are never enrolled.
  const embedder = useBooth((state) => {
    const model = state.modelSet?.models.embedder ?? shippedEmbedder;
    return `${model.id}@${model.version}`;
  });
  // A training run serves its own exit gallery while open: fetched again when a run opens or ends.
  const trainingRun = useBooth((state) => (state.trainingRun ? `${state.trainingRun.runId}:${state.trainingRun.open}` : null));
  const [state, setState] = useState<ExitGalleryState>({ phase: 'loading', gallery: null, galleryId: null, fetchedAt: null, enrolled: 0, message: null });

  useEffect(() => {
    if (!search || !visionReady) return;
    let cancelled = false;
    let enrolled: EnrolledGallery | null = null;
    const load = async () => {
      const store = await journal.store();
      const policy = policies ? policyInForce(policies, new Date()) : null;
      const reply = await host.call('exit:gallery', {});
      let gallery: DepartureGallery | null = null;
      let fetchedAt = new Date().toISOString();
      let purged = false;
      if (reply.ok) {
        gallery = reply.value;
        await store.exitGallery.keep(gallery);
      } else {
        const kept = await store.exitGallery.kept();
        purged = kept !== null && policy !== null && (await store.exitGallery.purgeOlderThan(galleryMaxAgeHours(kept.gallery, policy)));
        if (kept && !purged) ({ gallery, keptAt: fetchedAt } = kept);
      }
      if (cancelled) return;
      if (!gallery) {
        // Nothing usable (none kept, or kept longer than the policy allows and deleted): the worker's copy goes too,
        // so no face is searched against, and no departure confirmed on, photos the booth may no longer hold.
        if (enrolled) void search.dropGallery(enrolled.galleryId);
        enrolled = null;
        const why = reply.ok ? null : purged ? `offline, and the kept gallery was older than the policy allows: deleted (${reply.error.message})` : reply.error.message;
        return setState({ phase: 'unavailable', gallery: null, galleryId: null, fetchedAt: null, enrolled: 0, message: why });
      }
      const galleryId = `exit:${gallery.generatedAt}:${embedder}`;
      if (galleryId === enrolled?.galleryId) return setState((s) => ({ ...s, fetchedAt }));
      const previous: EnrolledGallery | null = enrolled;
      setState((s) => enrollingState(s, { gallery, fetchedAt, message: reply.ok ? null : `offline: the kept gallery is used (${reply.error.message})` }, previous !== null));
      const travellers = await enrol(search, store.exitGallery, gallery, galleryId, () => cancelled, previous);
      if (travellers === null) return;
      enrolled = { gallery, galleryId };
      if (previous) void search.dropGallery(previous.galleryId);
      setState((s) => ({ ...s, phase: 'ready', gallery, galleryId, enrolled: travellers }));
    };
    const run = () =>
      void load().catch((error: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, phase: s.galleryId ? s.phase : 'unavailable', message: error instanceof Error ? error.message : String(error) }));
      });
    run();
    const timer = setInterval(run, galleryRefreshMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [search, visionReady, host, journal, policies, embedder, trainingRun]);

  return state;
}
