import { z } from 'zod';
import { searchPipelineSchema } from '../../app/biometrics/identification/searchPipeline';
import type { SearchPipeline } from '../../app/biometrics/identification/searchPipeline';
import type { StillRequest } from './stillRequest';
import { stillErrorCodeSchema } from './stillRequest';

/**
 * The vision worker's gallery (1:N identification) messages, beside visionProtocol.ts: enrol a lane's gallery once
 * (embeddings, or photos the worker embeds through the reference gate), keep it in the worker, identify a
 * track's best-shot embedding against it. Replies are envelopes parsed on the page with these schemas.
 */

export const galleryStateSchema = z.object({
  galleryId: z.string(),
  identities: z.number().int().nonnegative(),
  templates: z.number().int().nonnegative(),
  /** Bytes the worker holds for it (search block, growth slack included). */
  bytes: z.number().int().nonnegative(),
  /** 'wasm-simd' or the JS fallback (identical scores, slower). */
  kernel: z.enum(['wasm-simd', 'js']),
});

export const galleryErrorCodeSchema = z.enum(['no_gallery', 'uncalibrated', 'gallery_too_small', 'bad_embedding', 'bad_request']);
const galleryError = z.object({ code: galleryErrorCodeSchema, message: z.string() });

export const galleryEnrolmentReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    gallery: galleryStateSchema,
    /** Per identity: templates it now holds. */
    enrolled: z.array(z.object({ identityId: z.string(), templates: z.number().int() })),
  }),
  z.object({ ok: z.literal(false), error: galleryError }),
]);

/** One photo of an identity: enrolled (with its quality and embedding, so the page can re-enrol after a worker restart) or refused. */
export const galleryImageResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), quality: z.number(), embedding: z.instanceof(Float32Array) }),
  z.object({ ok: z.literal(false), error: z.object({ code: stillErrorCodeSchema, message: z.string() }) }),
]);

export const galleryImageEnrolmentReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), identityId: z.string(), images: z.array(galleryImageResultSchema), templates: z.number().int(), gallery: galleryStateSchema }),
  z.object({ ok: z.literal(false), error: galleryError }),
]);

export const identificationCandidateSchema = z.object({
  identityId: z.string(),
  rank: z.number().int().positive(),
  score: z.number(),
  similarity: z.number(),
  templates: z.number().int(),
});

export const identificationResultSchema = z.object({
  outcome: z.enum(['identified', 'ambiguous', 'not_identified']),
  identityId: z.string().nullable(),
  score: z.number().nullable(),
  candidates: z.array(identificationCandidateSchema).readonly(),
  ambiguousIdentityIds: z.array(z.string()).readonly(),
  threshold: z.number(),
  targetFpir: z.number(),
  calibratedFpir: z.number().nullable(),
  fpirBound: z.boolean(),
  calibrationVersion: z.string(),
  calibrationGalleryIdentities: z.number().int(),
  extrapolated: z.boolean(),
  galleryIdentities: z.number().int(),
  galleryTemplates: z.number().int(),
});

export const identificationReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: identificationResultSchema, searchMs: z.number() }),
  z.object({ ok: z.literal(false), error: galleryError }),
]);

/** A measurement search (evaluations, benchmark): candidates through an explicit pipeline, no decision. */
export const gallerySearchReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    candidates: z.array(identificationCandidateSchema),
    galleryIdentities: z.number().int(),
    galleryTemplates: z.number().int(),
    searchMs: z.number(),
  }),
  z.object({ ok: z.literal(false), error: galleryError }),
]);

export type GalleryState = z.infer<typeof galleryStateSchema>;
export type GalleryErrorCode = z.infer<typeof galleryErrorCodeSchema>;
export type GalleryEnrolmentReply = z.infer<typeof galleryEnrolmentReplySchema>;
export type GalleryImageResult = z.infer<typeof galleryImageResultSchema>;
export type GalleryImageEnrolmentReply = z.infer<typeof galleryImageEnrolmentReplySchema>;
export type IdentificationReply = z.infer<typeof identificationReplySchema>;
export type GallerySearchReply = z.infer<typeof gallerySearchReplySchema>;

export interface GalleryIdentityEmbeddings {
  readonly identityId: string;
  readonly embeddings: readonly Float32Array[];
  /** Quality (0..1) of each embedding's photo, same order; 1 when omitted. */
  readonly qualities?: readonly number[];
}

export interface GalleryEnrolmentRequest {
  readonly galleryId: string;
  readonly identities: readonly GalleryIdentityEmbeddings[];
  /** Start the gallery afresh (a refreshed lane gallery) instead of adding to it. */
  readonly replace?: boolean;
}

export interface IdentifyRequest {
  readonly galleryId: string;
  /** The probe: a track's best-shot embedding (FaceObservation.embedding) or a still's. */
  readonly embedding: Float32Array;
  /** The false-positive identification rate decisions are made at (e.g. 0.003). */
  readonly targetFpir: number;
  /** Shortlist length (default 5). */
  readonly candidates?: number;
}

export interface GallerySearchRequest {
  readonly galleryId: string;
  readonly embedding: Float32Array;
  readonly pipeline: SearchPipeline;
  readonly candidates: number;
}

export const gallerySearchRequestSchema = z.object({
  galleryId: z.string().min(1),
  embedding: z.instanceof(Float32Array),
  pipeline: searchPipelineSchema,
  candidates: z.number().int().positive().max(100),
});

/** The gallery half of the worker's API (VisionService extends it). */
export interface GalleryService {
  /** Adds identities' embeddings to a gallery (creating it); the worker keeps it until dropped. */
  enrolGallery(request: GalleryEnrolmentRequest): Promise<GalleryEnrolmentReply>;
  /** Embeds an identity's photos (reference gate) and enrols those accepted; the worker closes the bitmaps. */
  enrolGalleryImages(galleryId: string, identityId: string, images: ImageBitmap[], request?: Partial<StillRequest>): Promise<GalleryImageEnrolmentReply>;
  /** 1:N identification at a target FPIR with the embedder's identification calibration for this gallery size. */
  identify(request: IdentifyRequest): Promise<IdentificationReply>;
  /** Measurement only: top candidates through an explicit pipeline, no threshold (faces eval, bench:exit). */
  searchGallery(request: GallerySearchRequest): Promise<GallerySearchReply>;
  galleryState(galleryId: string): Promise<GalleryState | null>;
  /** Removes travellers (departed, purged by policy); returns how many were there. */
  removeFromGallery(galleryId: string, identityIds: readonly string[]): Promise<number>;
  dropGallery(galleryId: string): Promise<void>;
}
