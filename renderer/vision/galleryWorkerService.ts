import { GalleryTemplates } from '../../app/biometrics/identification/galleryTemplates';
import type { GalleryTemplateInput } from '../../app/biometrics/identification/galleryTemplates';
import { GallerySearchError, searchGallery } from '../../app/biometrics/identification/gallerySearch';
import { IdentificationCalibrationError } from '../../app/biometrics/identification/identificationCalibration';
import { DEFAULT_CANDIDATES, identifyInGallery } from '../../app/biometrics/identification/identifyInGallery';
import { EmbeddingError } from '../../app/biometrics/embeddingMath';
import type { EvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import type { GalleryErrorCode, GalleryImageResult, GalleryService, GalleryState } from './galleryProtocol';
import { gallerySearchRequestSchema } from './galleryProtocol';
import type { StillRequest, StillResult } from './visionProtocol';

/**
 * The worker side of the gallery messages: galleries by id, kept in the worker's memory (never re-sent per
 * search). Errors come back as `{code, message}` envelopes; nothing is thrown across the boundary.
 */
export interface GalleryHost {
  /** The embedder in use: its output size and identification calibrations. */
  embedder(): Promise<EvaluableEmbedderManifest>;
  embedStill(image: ImageBitmap, request: StillRequest): Promise<StillResult>;
}

const failure = (code: GalleryErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

function errorCode(error: unknown): GalleryErrorCode {
  if (error instanceof IdentificationCalibrationError) return 'uncalibrated';
  if (error instanceof GallerySearchError) return 'gallery_too_small';
  if (error instanceof EmbeddingError) return 'bad_embedding';
  return 'bad_request';
}

const asFailure = (error: unknown) => failure(errorCode(error), error instanceof Error ? error.message : String(error));

export function createGalleryService(host: GalleryHost): GalleryService {
  const galleries = new Map<string, GalleryTemplates>();

  const stateOf = (galleryId: string, gallery: GalleryTemplates): GalleryState => ({ galleryId, identities: gallery.identityCount, templates: gallery.size, bytes: gallery.bytes, kernel: gallery.kernelKind });

  const galleryFor = async (galleryId: string, replace = false): Promise<GalleryTemplates> => {
    const existing = galleries.get(galleryId);
    if (existing && !replace) return existing;
    const created = new GalleryTemplates((await host.embedder()).outputSize);
    galleries.set(galleryId, created);
    return created;
  };

  const missing = (galleryId: string) => failure('no_gallery', `no gallery "${galleryId}" is enrolled in the vision worker`);

  return {
    async enrolGallery(request) {
      try {
        if (!request.galleryId) return failure('bad_request', 'galleryId must not be empty');
        // Every template is checked before any is kept: a bad request leaves the gallery as it was.
        const dimension = (await host.embedder()).outputSize;
        for (const identity of request.identities) {
          if (!identity.identityId) return failure('bad_request', 'an identity id must not be empty');
          for (const [k, e] of identity.embeddings.entries()) {
            if (!(e instanceof Float32Array) || e.length !== dimension) return failure('bad_embedding', `embedding ${k} of ${identity.identityId} must be a Float32Array of ${dimension} values`);
          }
        }
        const gallery = await galleryFor(request.galleryId, request.replace);
        const enrolled = request.identities.map((identity) => {
          const templates: GalleryTemplateInput[] = identity.embeddings.map((embedding, k) => ({ embedding, quality: identity.qualities?.[k] ?? 1 }));
          return { identityId: identity.identityId, templates: gallery.enrol(identity.identityId, templates) };
        });
        return { ok: true, gallery: stateOf(request.galleryId, gallery), enrolled };
      } catch (error) {
        return asFailure(error);
      }
    },

    async enrolGalleryImages(galleryId, identityId, images, request) {
      try {
        if (!galleryId || !identityId) return failure('bad_request', 'galleryId and identityId must not be empty');
        const results: GalleryImageResult[] = [];
        for (const image of images) {
          try {
            const still = await host.embedStill(image, { select: 'single', minInterEyePx: 40, ...request, purpose: 'reference' });
            results.push(still.ok ? { ok: true, quality: still.face.quality.score, embedding: still.face.embedding } : { ok: false, error: still.error });
          } finally {
            image.close();
          }
        }
        const gallery = await galleryFor(galleryId);
        const accepted = results.flatMap((r) => (r.ok ? [{ embedding: r.embedding, quality: r.quality }] : []));
        const templates = accepted.length > 0 ? gallery.enrol(identityId, accepted) : gallery.templatesOf(gallery.indexOf(identityId) ?? -1);
        return { ok: true, identityId, images: results, templates, gallery: stateOf(galleryId, gallery) };
      } catch (error) {
        return asFailure(error);
      }
    },

    async identify(request) {
      const gallery = galleries.get(request.galleryId);
      if (!gallery) return missing(request.galleryId);
      try {
        const started = performance.now();
        const result = identifyInGallery(gallery, request.embedding, (await host.embedder()).identification, request.targetFpir, request.candidates ?? DEFAULT_CANDIDATES);
        return { ok: true, result, searchMs: performance.now() - started };
      } catch (error) {
        return asFailure(error);
      }
    },

    async searchGallery(raw) {
      const parsed = gallerySearchRequestSchema.safeParse(raw);
      if (!parsed.success) return failure('bad_request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const request = parsed.data;
      const gallery = galleries.get(request.galleryId);
      if (!gallery) return missing(request.galleryId);
      try {
        const started = performance.now();
        const search = searchGallery(gallery, request.embedding, request.pipeline, request.candidates);
        return { ok: true, candidates: [...search.candidates], galleryIdentities: search.galleryIdentities, galleryTemplates: search.galleryTemplates, searchMs: performance.now() - started };
      } catch (error) {
        return asFailure(error);
      }
    },

    async galleryState(galleryId) {
      const gallery = galleries.get(galleryId);
      return gallery ? stateOf(galleryId, gallery) : null;
    },

    async removeFromGallery(galleryId, identityIds) {
      const gallery = galleries.get(galleryId);
      if (!gallery) return 0;
      return identityIds.filter((id) => gallery.remove(id)).length;
    },

    async dropGallery(galleryId) {
      galleries.delete(galleryId);
    },
  };
}
