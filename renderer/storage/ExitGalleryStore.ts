import { departureGalleryResponseSchema, type DepartureGallery } from '../../app/ports/departureGallery';
import type { SealedField } from './recordCipher';
import { unlessSealedElsewhere } from './sealedContent';
import type { StoreContext } from './storeContext';
import { decodeGalleryTemplates, encodeGalleryTemplates, type GalleryTemplates } from './exitGalleryTemplates';

const galleryKey = 'exitGallery';
/** The templates the vision worker enrolled from the kept gallery: what a restarted worker is re-enrolled from. */
const templatesKey = 'exitGalleryTemplates';

interface KeptGallery {
  readonly keptAt: string;
  readonly sealed: SealedField;
}

/**
 * The exit lane's gallery kept for offline work: sealed at rest under the storage key like every other biometric
 * (photos of named travellers), one per booth, replaced at each refresh and deleted when older than the policy
 * allows the photos of anyone in it to be kept.
 */
export class ExitGalleryStore {
  constructor(private readonly context: StoreContext) {}

  async keep(gallery: DepartureGallery): Promise<void> {
    const sealed = await this.context.cipher.sealJson('settings', galleryKey, gallery);
    const value: KeptGallery = { keptAt: this.context.clock.now().toISOString(), sealed };
    await this.context.db.settings.put({ key: galleryKey, value });
  }

  /** The kept gallery and when it was kept; null when none, or when it was sealed under another key or no longer parses. */
  async kept(): Promise<{ readonly gallery: DepartureGallery; readonly keptAt: string } | null> {
    const row = await this.context.db.settings.get(galleryKey);
    if (!row) return null;
    const value = row.value as KeptGallery;
    const opened = await this.context.cipher.openJson('settings', galleryKey, value.sealed).catch(unlessSealedElsewhere(null));
    const parsed = departureGalleryResponseSchema.safeParse(opened);
    return parsed.success ? { gallery: parsed.data, keptAt: value.keptAt } : null;
  }

  /** Keeps the templates enrolled from the gallery, sealed (biometric templates, as the photos they came from). */
  async keepTemplates(templates: GalleryTemplates): Promise<void> {
    const sealed = await this.context.cipher.sealBytes('settings', templatesKey, encodeGalleryTemplates(templates));
    await this.context.db.settings.put({ key: templatesKey, value: { keptAt: this.context.clock.now().toISOString(), sealed } satisfies KeptGallery });
  }

  /** The kept templates of `galleryId`; null when none are kept for it (another gallery's, none, or unreadable). */
  async keptTemplates(galleryId: string): Promise<GalleryTemplates | null> {
    const row = await this.context.db.settings.get(templatesKey);
    if (!row) return null;
    const bytes = await this.context.cipher.openBytes('settings', templatesKey, (row.value as KeptGallery).sealed).catch(unlessSealedElsewhere(null));
    if (!bytes) return null;
    try {
      const templates = decodeGalleryTemplates(bytes);
      return templates.galleryId === galleryId ? templates : null;
    } catch {
      return null;
    }
  }

  /** Deletes the kept gallery (and its templates) when it was kept more than `maxAgeHours` ago at `now`; says whether it did. */
  async purgeOlderThan(maxAgeHours: number, now: Date = this.context.clock.now()): Promise<boolean> {
    const row = await this.context.db.settings.get(galleryKey);
    if (!row) return false;
    const keptAt = Date.parse((row.value as KeptGallery).keptAt);
    if (now.getTime() - keptAt < maxAgeHours * 3_600_000) return false;
    await this.context.db.settings.bulkDelete([galleryKey, templatesKey]);
    return true;
  }
}
