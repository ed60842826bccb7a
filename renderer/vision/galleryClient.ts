import type { Remote } from 'comlink';
import { transfer } from 'comlink';
import { z } from 'zod';
import type {
  GalleryEnrolmentReply,
  GalleryEnrolmentRequest,
  GalleryIdentityEmbeddings,
  GalleryImageEnrolmentReply,
  GallerySearchReply,
  GallerySearchRequest,
  GalleryState,
  IdentificationReply,
  IdentifyRequest,
} from './galleryProtocol';
import { galleryEnrolmentReplySchema, galleryImageEnrolmentReplySchema, gallerySearchReplySchema, galleryStateSchema, identificationReplySchema } from './galleryProtocol';
import type { StillRequest, VisionService } from './visionProtocol';

/**
 * Where a gallery the worker lost comes back from: the caller's copy of its templates at rest (an exit lane: its
 * sealed gallery store), read only when needed. The page keeps no second copy of a gallery in memory.
 */
export type GalleryRestorer = () => Promise<readonly GalleryIdentityEmbeddings[] | null>;

/**
 * The page's side of the worker's galleries (part of VisionClient). A worker that crashed and restarted has lost
 * its galleries: the next call that finds its gallery missing re-enrols it from the gallery's restorer (when the
 * caller gave one) and is made again, so an exit lane keeps identifying through a restart without re-enrolling.
 */
export interface GalleryClient {
  /** Adds identities' embeddings (e.g. from the local gallery store) to a gallery in the worker. */
  enrolGallery(request: GalleryEnrolmentRequest): Promise<GalleryEnrolmentReply>;
  /** Embeds an identity's photos in the worker (reference gate) and enrols those accepted. */
  enrolGalleryImages(galleryId: string, identityId: string, images: readonly (Blob | ImageBitmap)[], request?: Partial<StillRequest>): Promise<GalleryImageEnrolmentReply>;
  /** 1:N identification of a probe (a track's best-shot embedding) at a target FPIR. */
  identify(request: IdentifyRequest): Promise<IdentificationReply>;
  /** Measurement: candidates through an explicit pipeline, no decision (faces eval, bench:exit). */
  searchGallery(request: GallerySearchRequest): Promise<GallerySearchReply>;
  galleryState(galleryId: string): Promise<GalleryState | null>;
  removeFromGallery(galleryId: string, identityIds: readonly string[]): Promise<number>;
  /** How `galleryId` is re-enrolled after a worker restart (its templates at rest; keep it in step with removals). */
  restoreGalleryFrom(galleryId: string, restorer: GalleryRestorer): void;
  /** Drops the gallery in the worker, and its restorer. */
  dropGallery(galleryId: string): Promise<void>;
}

type Parse = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } } }, value: unknown, what: string) => T;

export interface GalleryClientDeps {
  readonly call: <T>(run: (service: Remote<VisionService>) => Promise<T>, timeoutMs?: number) => Promise<T>;
  readonly parse: Parse;
  /** Resolves once the worker is initialised (it may restart the worker). */
  readonly ready: () => Promise<unknown>;
}

async function decode(images: readonly (Blob | ImageBitmap)[]): Promise<ImageBitmap[]> {
  return Promise.all(images.map((image) => (image instanceof Blob ? createImageBitmap(image) : image)));
}

export function createGalleryClient({ call, parse, ready }: GalleryClientDeps): GalleryClient {
  const restorers = new Map<string, GalleryRestorer>();

  const sendEnrolment = async (request: GalleryEnrolmentRequest) => {
    await ready();
    return parse(galleryEnrolmentReplySchema, await call<unknown>((s) => s.enrolGallery(request), 120_000), 'gallery enrolment reply');
  };

  /** Re-sends a gallery the worker lost (restart) from its restorer; false when it has none, or the templates are gone. */
  const restore = async (galleryId: string): Promise<boolean> => {
    const identities = await restorers.get(galleryId)?.();
    if (!identities || identities.length === 0) return false;
    return (await sendEnrolment({ galleryId, identities, replace: true })).ok;
  };

  /** Runs a gallery call; when the worker says the gallery is missing and the page has it, restores and retries once. */
  const withGallery = async <T extends { ok: boolean; error?: { code: string } }>(galleryId: string, run: () => Promise<T>): Promise<T> => {
    await ready();
    const first = await run();
    if (first.ok || first.error?.code !== 'no_gallery' || !(await restore(galleryId))) return first;
    return run();
  };

  return {
    enrolGallery(request) {
      return sendEnrolment(request);
    },

    async enrolGalleryImages(galleryId, identityId, images, request) {
      const bitmaps = await decode(images);
      await ready();
      return parse(galleryImageEnrolmentReplySchema, await call<unknown>((s) => s.enrolGalleryImages(galleryId, identityId, transfer(bitmaps, bitmaps), request), 120_000), 'gallery image enrolment reply');
    },

    identify(request) {
      return withGallery(request.galleryId, async () => parse(identificationReplySchema, await call<unknown>((s) => s.identify(request)), 'identification reply'));
    },

    searchGallery(request) {
      return withGallery(request.galleryId, async () => parse(gallerySearchReplySchema, await call<unknown>((s) => s.searchGallery(request)), 'gallery search reply'));
    },

    async galleryState(galleryId) {
      await ready();
      return parse(galleryStateSchema.nullable(), await call<unknown>((s) => s.galleryState(galleryId)), 'gallery state');
    },

    async removeFromGallery(galleryId, identityIds) {
      await ready();
      return parse(z.number().int().nonnegative(), await call<unknown>((s) => s.removeFromGallery(galleryId, identityIds)), 'gallery removal count');
    },

    restoreGalleryFrom(galleryId, restorer) {
      restorers.set(galleryId, restorer);
    },

    async dropGallery(galleryId) {
      restorers.delete(galleryId);
      await ready();
      await call<unknown>((s) => s.dropGallery(galleryId));
    },
  };
}
