import type { MatchProvenance } from '../../biometrics/faceMatching';
import type { ChipVerdict } from '../../document/lds/chipVerdict';
import type { DepartureGalleryEntry } from '../../ports/departureGallery';

/**
 * A document presented at exit, and the live face compared 1:1 with its photo (the entry lane's comparison: the
 * same `verify`, calibration and threshold at the booth's target FMR). The exit rules combine it with the gallery
 * search (exitOccupantRules.withDocument): a face that does not match the document holds the traveller, a document
 * that is another traveller's than the gallery found holds them, and a document that matches with no gallery mate
 * identifies them by the document.
 */

/** The document as read (MRZ): whose it is, to tell whether it is the gallery entry's. */
export interface ExitDocument {
  readonly documentNumber: string;
  /** ICAO code from the MRZ; null when unread. */
  readonly nationality: string | null;
  /** The holder's name as the document prints it; null when unread. */
  readonly name: string | null;
  /** Gallery travellers whose document photos include this document's photo (the very image): it is theirs. */
  readonly photoOfTravellers?: readonly string[];
  /** What the document's chip proved; absent: no chip was read (nothing proves the document genuine). */
  readonly chip?: ExitDocumentChip;
}

/** The document's chip as the exit rules see it: its verdict, or that it could not be read, and why when not verified. */
export interface ExitDocumentChip {
  readonly verdict: ChipVerdict | 'not_read';
  readonly reason?: string;
}

/**
 * Whether the document is proven genuine: `verified` (Passive Authentication), `failed` (a chip check failed: the
 * document or its chip is not genuine), or `not_verified` (no chip read, the chip unreadable or not verifiable).
 */
export function documentChipStanding(document: ExitDocument): 'verified' | 'failed' | 'not_verified' {
  if (document.chip?.verdict === 'verified') return 'verified';
  return document.chip?.verdict === 'failed' ? 'failed' : 'not_verified';
}

/** Why a document's chip does not prove it genuine, in the officer's words. */
export function documentChipNotVerifiedBecause(document: ExitDocument): string {
  const chip = document.chip;
  if (!chip) return 'no chip was read';
  if (chip.verdict === 'not_read') return `the chip could not be read${chip.reason ? `: ${chip.reason}` : ''}`;
  return chip.reason ?? (chip.verdict === 'failed' ? 'a chip check failed' : 'the chip data could not be verified');
}

export type ExitDocumentComparison =
  /** The face was compared with the document's photo (chip DG2 or the printed page, as at entry). */
  | ({
      readonly kind: 'compared';
      readonly document: ExitDocument;
      readonly decision: 'match' | 'no_match';
      readonly score: number;
      /** Which of the document's photos scored best. */
      readonly referenceSource: 'chip' | 'document';
    } & MatchProvenance)
  /** The comparison could not be made (no photo, no usable face in it, an error): said so, never a pass. */
  | { readonly kind: 'not_compared'; readonly document: ExitDocument; readonly reason: string };

/** The document is the gallery entry's: the entry lists its number (and nationality), or holds its photo. */
export function documentIsEntrys(document: ExitDocument, entry: DepartureGalleryEntry): boolean {
  if (document.photoOfTravellers?.includes(entry.travellerId)) return true;
  return entry.documents.some((d) => d.documentNumber === document.documentNumber && (document.nationality === null || d.nationality === document.nationality));
}

/** The face matches the document's photo at the 1:1 threshold. */
export const documentFaceMatches = (comparison: ExitDocumentComparison): boolean => comparison.kind === 'compared' && comparison.decision === 'match';

/** A traveller identified by the document alone has no record id at the records service: their departure names the document. */
export const documentTravellerId = (document: ExitDocument): string => `document:${document.nationality ?? 'unknown'}:${document.documentNumber}`;

/** The document's holder as the card names them: the name, else the number. */
export const documentHolderText = (document: ExitDocument): string =>
  `${document.name ?? 'unnamed holder'} (${document.nationality ?? 'nationality unread'} ${document.documentNumber})`;
