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
 * The page's side of the worker's galleries (part of VisionClient). The page remembers what it enrolled, so a
 * worker that crashed and restarted (and lost its galleries) gets them back on the next call that finds its
 * gallery missing: an exit lane keeps identifying through a restart without the caller re-enrolling.
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
  dropGallery(galleryId: string): Promise<void>;
}

type Parse = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } } }, value: unknown, what: string) => T;

export interface GalleryClientDeps {
  readonly call: <T>(run: (service: Remote<VisionService>) => Promise<T>, timeoutMs?: number) => Promise<T>;
  readonly parse: Parse;
  /** Resolves once the worker is initialised (it may restart the worker). */
  readonly ready: () => Promise<unknown>;
}

/** What the page enrolled per gallery, identity by identity, to re-enrol after a worker restart. */
type Enrolled = Map<string, Map<string, { embeddings: Float32Array[]; qualities: number[] }>>;

async function decode(images: readonly (Blob | ImageBitmap)[]): Promise<ImageBitmap[]> {
  return Promise.all(images.map((image) => (image instanceof Blob ? createImageBitmap(image) : image)));
}

export function createGalleryClient({ call, parse, ready }: GalleryClientDeps): GalleryClient {
  const enrolled: Enrolled = new Map();

  const remember = (galleryId: string, identities: readonly GalleryIdentityEmbeddings[], replace: boolean) => {
    let gallery = enrolled.get(galleryId);
    if (!gallery || replace) enrolled.set(galleryId, (gallery = new Map()));
    for (const identity of identities) {
      const kept = gallery.get(identity.identityId) ?? { embeddings: [], qualities: [] };
      identity.embeddings.forEach((e, k) => {
        kept.embeddings.push(e);
        kept.qualities.push(identity.qualities?.[k] ?? 1);
      });
      gallery.set(identity.identityId, kept);
    }
  };

  const sendEnrolment = async (request: GalleryEnrolmentRequest) => {
    await ready();
    return parse(galleryEnrolmentReplySchema, await call<unknown>((s) => s.enrolGallery(request), 120_000), 'gallery enrolment reply');
  };

  /** Re-sends a gallery the worker lost (restart); false when the page never enrolled it. */
  const restore = async (galleryId: string): Promise<boolean> => {
    const gallery = enrolled.get(galleryId);
    if (!gallery) return false;
    const identities = [...gallery].map(([identityId, kept]) => ({ identityId, embeddings: kept.embeddings, qualities: kept.qualities }));
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
    async enrolGallery(request) {
      const reply = await sendEnrolment(request);
      if (reply.ok) remember(request.galleryId, request.identities, request.replace ?? false);
      return reply;
    },

    async enrolGalleryImages(galleryId, identityId, images, request) {
      const bitmaps = await decode(images);
      await ready();
      const reply = parse(galleryImageEnrolmentReplySchema, await call<unknown>((s) => s.enrolGalleryImages(galleryId, identityId, transfer(bitmaps, bitmaps), request), 120_000), 'gallery image enrolment reply');
      if (reply.ok) {
        const accepted = reply.images.flatMap((r) => (r.ok ? [r] : []));
        remember(galleryId, [{ identityId, embeddings: accepted.map((r) => r.embedding), qualities: accepted.map((r) => r.quality) }], false);
      }
      return reply;
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
      const gallery = enrolled.get(galleryId);
      for (const id of identityIds) gallery?.delete(id);
      await ready();
      return parse(z.number().int().nonnegative(), await call<unknown>((s) => s.removeFromGallery(galleryId, identityIds)), 'gallery removal count');
    },

    async dropGallery(galleryId) {
      enrolled.delete(galleryId);
      await ready();
      await call<unknown>((s) => s.dropGallery(galleryId));
    },
  };
}
