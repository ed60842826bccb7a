import { departureGalleryResponseSchema, type DepartureGallery } from '../../app/ports/departureGallery';
import type { SealedField } from './recordCipher';
import { unlessSealedElsewhere } from './sealedContent';
import type { StoreContext } from './storeContext';

const galleryKey = 'exitGallery';

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

  /** Deletes the kept gallery when it was kept more than `maxAgeHours` ago at `now`; says whether it did. */
  async purgeOlderThan(maxAgeHours: number, now: Date = this.context.clock.now()): Promise<boolean> {
    const row = await this.context.db.settings.get(galleryKey);
    if (!row) return false;
    const keptAt = Date.parse((row.value as KeptGallery).keptAt);
    if (now.getTime() - keptAt < maxAgeHours * 3_600_000) return false;
    await this.context.db.settings.delete(galleryKey);
    return true;
  }
}
