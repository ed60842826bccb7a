import { formatOneIn } from '../../../../app/biometrics/calibration';
import type { ExitCandidate, ExitIdentification } from '../../../../app/inspection/exit/exitOccupantRules';
import type { GalleryTemplates } from '../../../storage/exitGalleryTemplates';
import type { VisionClient } from '../../../vision/visionClient';

/**
 * What the exit lane needs of the vision worker's galleries (the subset of renderer/vision/galleryClient.ts the
 * exit lane calls, written structurally so the lane depends on the calls, not on the worker's module).
 */
export interface ExitGallerySearch {
  /** Embeds a traveller's photos in the worker and enrols those accepted; the embeddings come back (kept sealed at rest). */
  enrolGalleryImages(galleryId: string, identityId: string, images: readonly Blob[]): Promise<{ readonly ok: true; readonly images: readonly ({ readonly ok: true; readonly embedding: Float32Array; readonly quality: number } | { readonly ok: false })[] } | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } }>;
  /** Enrols templates already embedded (the kept gallery's, after a restart of the booth). */
  enrolGallery(request: { readonly galleryId: string; readonly identities: readonly GalleryTemplates['identities'][number][]; readonly replace?: boolean }): Promise<{ readonly ok: boolean }>;
  /** Where the worker's gallery comes back from after a worker restart: the sealed store, not a copy in memory. */
  restoreGalleryFrom(galleryId: string, restorer: () => Promise<readonly GalleryTemplates['identities'][number][] | null>): void;
  identify(request: { readonly galleryId: string; readonly embedding: Float32Array; readonly targetFpir: number }): Promise<IdentifyReply>;
  dropGallery(galleryId: string): Promise<void>;
}

/** The worker's identification result, as far as the exit rules read it. */
export interface IdentificationFacts {
  readonly outcome: 'identified' | 'ambiguous' | 'not_identified';
  readonly identityId: string | null;
  readonly score: number | null;
  readonly candidates: readonly { readonly identityId: string; readonly score: number }[];
  readonly ambiguousIdentityIds: readonly string[];
  readonly threshold: number;
  readonly calibratedFpir: number | null;
  readonly fpirBound: boolean;
  /** The gallery is larger than any calibrated one: the rate was scaled up from `calibrationGalleryIdentities`, not measured. */
  readonly extrapolated: boolean;
  readonly calibrationGalleryIdentities: number;
  readonly galleryIdentities: number;
}

export type IdentifyReply = { readonly ok: true; readonly result: IdentificationFacts } | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/**
 * An identification as the exit rules take it. A search that could not be made (no calibration, no gallery) is
 * "no candidate", never a match, and says why (`searchError`): the officer photographs or inspects the traveller.
 */
export function exitIdentificationOf(trackId: string, reply: IdentifyReply): ExitIdentification {
  if (!reply.ok) return { kind: 'no_candidate', trackId, searchError: `${reply.error.code}: ${reply.error.message}` };
  const { result } = reply;
  const candidate = (identityId: string, score: number): ExitCandidate => {
    // The calibrated rate is the top score's; a rival's own rate is at least as high (never shown lower than it is).
    const fpir = result.calibratedFpir ?? 1;
    // A rate scaled from a smaller calibrated gallery says so, on the card and in the departure record's evidence.
    const scaled = result.extrapolated ? ` (extrapolated from a calibrated gallery of ${result.calibrationGalleryIdentities.toLocaleString('en-GB')})` : '';
    return { travellerId: identityId, score, threshold: result.threshold, calibratedFpir: { fpir, bound: result.fpirBound, text: `${result.fpirBound ? 'below ' : ''}${formatOneIn(fpir)}${scaled}` }, gallerySize: Math.max(1, result.galleryIdentities), trackId };
  };
  switch (result.outcome) {
    case 'identified':
      return result.identityId !== null && result.score !== null ? { kind: 'candidate', candidate: candidate(result.identityId, result.score) } : { kind: 'no_candidate', trackId };
    case 'ambiguous':
      return { kind: 'ambiguous', candidates: result.ambiguousIdentityIds.map((id) => candidate(id, result.candidates.find((c) => c.identityId === id)?.score ?? Number.NaN)) };
    case 'not_identified':
      return { kind: 'no_candidate', trackId };
  }
}

/** The vision client's galleries, when the worker has them (a vision client without galleries cannot identify: undefined). */
export function exitGallerySearchOf(vision: unknown): ExitGallerySearch | undefined {
  if (typeof vision !== 'object' || vision === null) return undefined;
  const v = vision as Partial<Record<keyof ExitGallerySearch, unknown>>;
  const calls: readonly (keyof ExitGallerySearch)[] = ['enrolGalleryImages', 'enrolGallery', 'restoreGalleryFrom', 'identify', 'dropGallery'];
  return calls.every((name) => typeof v[name] === 'function') ? (vision as ExitGallerySearch) : undefined;
}

/** Compile-time proof that the vision client's galleries are what the exit lane calls. */
export const visionClientSearches = (client: VisionClient): ExitGallerySearch => client;
