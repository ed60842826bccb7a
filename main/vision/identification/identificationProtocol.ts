import type { LabelledImage } from '../faceDataset';

/**
 * The searches of an identification evaluation on a labelled dataset (identities.csv), by round:
 * - the gallery: `galleryIdentities` identities, those with at least two images first (they give mated
 *   searches), in a stable order fixed by a hash of the identity and the seed; single-image identities fill a
 *   larger gallery;
 * - `single` enrolment (the base protocol): round r enrols image r of each gallery identity, every
 *   other image of it is a mated probe (an identity with r images or fewer only enrols in round r);
 * - `all-but-probe`: round r probes with image r of each gallery identity and enrols all its other images (a
 *   traveller's entry records and document photos), so every image the gallery holds for them is used;
 * - non-mated searches: every image of an identity outside the gallery, and every mated probe again with its
 *   own identity left out of the candidates (a gallery of N-1 identities that does not hold them).
 */
export type EnrolmentMode = 'single' | 'all-but-probe';

export interface ProtocolOptions {
  readonly galleryIdentities: number;
  readonly enrolment: EnrolmentMode;
  readonly rounds: number;
  /** Share (0..1] of the images outside the gallery used as non-mated probes (leave-one-out searches are always used). */
  readonly nonMatedFraction: number;
  readonly seed: string;
}

export interface EnrolledIdentity {
  readonly identityId: string;
  /** Indices into the dataset's image list. */
  readonly images: readonly number[];
}

export interface ProtocolRound {
  readonly gallery: readonly EnrolledIdentity[];
  /** Images searched whose identity is in the gallery (and, left out, as non-mated). */
  readonly matedProbes: readonly number[];
  /** Images of identities outside the gallery. */
  readonly nonMatedProbes: readonly number[];
}

export interface IdentificationProtocol {
  readonly galleryIdentities: number;
  /** Identities in the dataset (a requested gallery larger than this is capped). */
  readonly datasetIdentities: number;
  readonly rounds: readonly ProtocolRound[];
}

/** FNV-1a of the text: a stable order that does not depend on the file's row order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function buildProtocol(images: readonly LabelledImage[], options: ProtocolOptions): IdentificationProtocol {
  const byIdentity = new Map<string, number[]>();
  images.forEach((image, i) => {
    const list = byIdentity.get(image.identity) ?? [];
    list.push(i);
    byIdentity.set(image.identity, list);
  });
  const order = (id: string) => hash(`${options.seed}:${id}`);
  const identities = [...byIdentity.keys()].sort((a, b) => {
    const multiA = (byIdentity.get(a)?.length ?? 0) >= 2 ? 0 : 1;
    const multiB = (byIdentity.get(b)?.length ?? 0) >= 2 ? 0 : 1;
    return multiA - multiB || order(a) - order(b) || a.localeCompare(b);
  });
  const size = Math.min(options.galleryIdentities, identities.length);
  const inGallery = identities.slice(0, size);
  const outside = identities.slice(size);
  const nonMatedPool = outside.flatMap((id) => byIdentity.get(id) ?? []).sort((a, b) => order(String(a)) - order(String(b)));
  const nonMatedProbes = nonMatedPool.slice(0, Math.round(nonMatedPool.length * options.nonMatedFraction)).sort((a, b) => a - b);
  const rounds: ProtocolRound[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const gallery: EnrolledIdentity[] = [];
    const matedProbes: number[] = [];
    for (const identityId of inGallery) {
      const own = byIdentity.get(identityId) ?? [];
      // An identity with fewer images than rounds is enrolled without probes in later rounds (no repeated probe).
      if (own.length < 2 || r >= own.length) {
        gallery.push({ identityId, images: options.enrolment === 'single' ? own.slice(0, 1) : own });
        continue;
      }
      const pick = own[r] ?? 0;
      const rest = own.filter((i) => i !== pick);
      if (options.enrolment === 'single') {
        gallery.push({ identityId, images: [pick] });
        matedProbes.push(...rest);
      } else {
        gallery.push({ identityId, images: rest });
        matedProbes.push(pick);
      }
    }
    rounds.push({ gallery, matedProbes, nonMatedProbes });
  }
  return { galleryIdentities: size, datasetIdentities: identities.length, rounds };
}
