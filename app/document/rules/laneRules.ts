/**
 * Which documents a lane accepts on their own, as data so policy changes are one-line edits reviewed
 * here, not code changes. The defaults follow common border practice:
 * - passports are accepted everywhere;
 * - cards (TD1 identity and passport cards, TD2-size documents, national ID cards) are land and sea
 *   documents: a passport card, for instance, is not valid for international air travel;
 * - a visa is permission to enter, not a travel document: it is inspected together with a passport;
 * - a driving licence is never a travel document.
 */
import type { LaneType } from '../../settings/boothSettings';
import type { DocumentKind } from './documentKind';

export type LaneRule = {
  /** Lanes where this kind of document is accepted as the traveller's travel document. */
  readonly acceptedOn: readonly LaneType[];
  /** False when the document can never stand alone (visas, driving licences). */
  readonly isTravelDocument: boolean;
  /** Shown to the officer when the document is refused on a lane. */
  readonly refusal: string;
};

const allLanes: readonly LaneType[] = ['air', 'sea', 'pedestrian', 'vehicle'];
const surfaceLanes: readonly LaneType[] = ['sea', 'pedestrian', 'vehicle'];

export const laneRules: Readonly<Record<DocumentKind, LaneRule>> = {
  passport: { acceptedOn: allLanes, isTravelDocument: true, refusal: '' },
  td1Card: { acceptedOn: surfaceLanes, isTravelDocument: true, refusal: 'identity and passport cards are not valid for air travel' },
  td2Document: { acceptedOn: surfaceLanes, isTravelDocument: true, refusal: 'TD2 identity documents are not valid for air travel' },
  nationalIdCard: { acceptedOn: surfaceLanes, isTravelDocument: true, refusal: 'national identity cards are not valid for air travel' },
  visa: { acceptedOn: [], isTravelDocument: false, refusal: "a visa is not a travel document on its own: inspect it with the holder's passport" },
  drivingLicence: { acceptedOn: [], isTravelDocument: false, refusal: 'a driving licence is not a travel document' },
  unknown: { acceptedOn: [], isTravelDocument: false, refusal: 'the document could not be recognised' },
};
