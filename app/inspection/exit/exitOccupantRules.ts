import { citizenshipCategoryOf } from '../../policy/citizenshipCategory';
import type { InspectionPolicy } from '../../policy/inspectionPolicySchema';
import { mayOptOut, recordsDeparture, recordsOptOut } from '../../policy/policyRules';
import type { DepartureGalleryEntry } from '../../ports/departureGallery';
import type { RecordAlert } from '../../ports/travellerRecord';
import { presentationAttackEvidence, presentationAttackReasons, type PresentationAttackEvidence, type PresentationAttackFace } from '../presentationAttackReason';
import type { Reason } from '../reasons';
import type { PresentationAttackOverrideReason } from './departureRecord';
import { documentChipStanding, documentFaceMatches, documentIsEntrys, documentTravellerId, type ExitDocument, type ExitDocumentComparison } from './exitDocumentCheck';
import { stayStanding, type StayStanding } from './stayLength';

/**
 * The exit decision for one occupant (or a one-traveller lane's traveller): pure rules over what identification
 * found and the gallery entry it found. Identification itself (1:N search, FPIR calibration) happens elsewhere;
 * these rules never resolve an ambiguity or assume a match the search did not make.
 */

/** One gallery candidate of a face search, with the evidence a departure record keeps. */
export interface ExitCandidate {
  readonly travellerId: string;
  readonly score: number;
  readonly threshold: number;
  /** The calibrated false-positive identification rate at this score for the gallery size searched. */
  readonly calibratedFpir: { readonly fpir: number; readonly bound: boolean; readonly text: string };
  readonly gallerySize: number;
  /** The face track searched. */
  readonly trackId: string;
  /** Set when the search was ambiguous and the officer picked this candidate among `among` (never the booth). */
  readonly officerChoice?: OfficerChoice;
}

/** The officer's pick among ambiguous candidates: who was in the running, and when the choice was made. */
export interface OfficerChoice {
  readonly among: readonly { readonly travellerId: string; readonly score: number }[];
  readonly chosenAt: string;
}

/** What identification found for one occupant. */
export type ExitIdentification =
  /** One gallery identity above the threshold and clear of the others. */
  | { readonly kind: 'candidate'; readonly candidate: ExitCandidate }
  /** Two or more identities near the threshold (twins, look-alikes): shown as such, never resolved silently. */
  | { readonly kind: 'ambiguous'; readonly candidates: readonly ExitCandidate[] }
  /**
   * A face was searched and nobody in the gallery is its mate; or the officer judged none of `dismissed` (look-alikes)
   * to be the traveller; or the search could not be made (`searchError`: no gallery in the face matcher, no
   * calibration): nobody is identified then either, and the officer is told why.
   */
  | { readonly kind: 'no_candidate'; readonly trackId: string; readonly dismissed?: readonly ExitCandidate[]; readonly searchError?: string }
  /** No usable face of this occupant (yet). */
  | { readonly kind: 'no_face' }
  /** The traveller declined to be photographed (only a U.S. citizen may): their documents are inspected instead. */
  | { readonly kind: 'opt_out'; readonly declaredAt: string; readonly travellerId: string | null };

/**
 * What the exit officer sees for an identified traveller: the overstay the booth counts from the admit-until date,
 * and every alert the gallery entry carries (a visa, vehicle or overstay alert the records service set shows as a
 * `record_alert`, with its own kind). An alert of severity 'hit' holds the departure (as at entry, where a hit
 * forces a referral); a lower one is shown and does not hold.
 */
export type ExitAlert =
  | { readonly kind: 'overstay'; readonly days: number; readonly admitUntil: string }
  | { readonly kind: 'lookout'; readonly alert: RecordAlert }
  | { readonly kind: 'prior_removal'; readonly alert: RecordAlert }
  | { readonly kind: 'record_alert'; readonly alert: RecordAlert };

export type ExitOutcome =
  /** Identified, nothing to hold them for: the departure is confirmed. */
  | { readonly kind: 'departure_confirmed'; readonly entry: DepartureGalleryEntry; readonly candidate: ExitCandidate; readonly stay: StayStanding }
  /** Identified with an alert the officer must see (overstay of N days, any alert on the record); held when one is a hit. */
  | { readonly kind: 'identified_with_alert'; readonly entry: DepartureGalleryEntry; readonly candidate: ExitCandidate; readonly stay: StayStanding; readonly alerts: readonly ExitAlert[] }
  /** Identified as a U.S. citizen: confirmed; a biometric departure record only where the policy makes one (90 FR 48604: none). */
  | { readonly kind: 'citizen'; readonly entry: DepartureGalleryEntry; readonly candidate: ExitCandidate }
  /** Several gallery identities fit: the officer decides, with both shown. */
  | { readonly kind: 'ambiguous'; readonly candidates: readonly { readonly entry: DepartureGalleryEntry | null; readonly candidate: ExitCandidate }[] }
  /** Nobody in the gallery and no document: the officer photographs or inspects the traveller. `dismissed`: look-alikes the officer ruled out. */
  | { readonly kind: 'not_identified'; readonly faceSeen: boolean; readonly dismissed?: readonly ExitCandidate[]; readonly searchError?: string }
  /**
   * No gallery mate, but the face matches the document presented (1:1): identified by the document, no entry record on
   * file (a warning, not a hold) when its chip verified it. A document whose chip failed is held; one not verified (no
   * chip read, unreadable, not verifiable) is held unless the policy lets it identify (`exitRecord.unverifiedDocumentIdentifies`).
   */
  | { readonly kind: 'identified_by_document'; readonly document: ExitDocument; readonly comparison: Extract<ExitDocumentComparison, { kind: 'compared' }> }
  /** The face does not match the document presented (below the 1:1 threshold): held, whatever the gallery found. */
  | { readonly kind: 'document_face_mismatch'; readonly comparison: Extract<ExitDocumentComparison, { kind: 'compared' }> }
  /** A document was presented for someone whose face is not seen (no face matches its photo, or it could not be compared): held, shown. */
  | { readonly kind: 'document_without_face'; readonly comparison: ExitDocumentComparison }
  /**
   * The search found nobody, yet the document presented (its photo matching the face) is an expected traveller's: the
   * search missed them, or someone travels on their papers. Held, never "no entry record": the entry and its alerts shown.
   */
  | { readonly kind: 'document_of_unfound_traveller'; readonly entry: DepartureGalleryEntry; readonly document: ExitDocument; readonly comparison: Extract<ExitDocumentComparison, { kind: 'compared' }>; readonly alerts: readonly ExitAlert[] }
  /** The gallery found one traveller and the document presented is another's: held, both shown. */
  | { readonly kind: 'document_conflict'; readonly entry: DepartureGalleryEntry; readonly candidate: ExitCandidate; readonly document: ExitDocument }
  /**
   * The gallery found the traveller and the document presented is theirs, but its chip FAILED its checks: held (the
   * document or its chip is not genuine). The gallery's finding and its alerts are shown. A chip that merely did not
   * verify it (none read, unreadable) does not hold them: the gallery identified them against their entry record.
   * (Kind name kept from the records of 2026-12-08.)
   */
  | { readonly kind: 'identified_document_unverified'; readonly entry: DepartureGalleryEntry; readonly candidate: ExitCandidate; readonly document: ExitDocument; readonly alerts: readonly ExitAlert[] }
  /**
   * Declined photography: where the policy lets them (`eligible`), documents inspected and the opt-out recorded as such;
   * anyone else is held. `documentNotProven`: the document they presented, whose chip FAILED its checks (held).
   */
  | { readonly kind: 'opt_out'; readonly declaredAt: string; readonly entry: DepartureGalleryEntry | null; readonly stay: StayStanding | null; readonly eligible: boolean; readonly documentNotProven?: ExitDocument };

export interface ExitOccupantAssessment {
  readonly occupantId: string;
  readonly outcome: ExitOutcome;
  /** The one confirming key covers this occupant (identified, no alert of severity 'hit'; or an eligible opt-out). */
  readonly confirmable: boolean;
  /** A departure record is sent to the records service when confirmed. */
  readonly recordsDeparture: boolean;
  /** Held for the officer: an alert of severity 'hit', an ambiguity, nobody identified, a possible photo or screen. */
  readonly needsOfficer: boolean;
  /** With PAD on, the entry lane's presentation-attack reasons for the face ("possible photo or screen", "not checked"). */
  readonly reasons: readonly Reason[];
  /** With PAD on, the check on the face's best shot (a pass included): a face departure's evidence carries it. */
  readonly presentationAttack?: PresentationAttackEvidence;
  /** PAD flagged the face and the officer overrode it (the traveller seen in person): no longer held for it, and recorded. */
  readonly presentationAttackOverride?: PresentationAttackOverride;
  /** A document was presented: the face's 1:1 comparison with its photo (or why none was made), shown and recorded. */
  readonly documentComparison?: ExitDocumentComparison;
}

/** The officer's override of a PAD flag at exit: why and when (recorded in the departure's evidence). */
export interface PresentationAttackOverride {
  readonly reason: PresentationAttackOverrideReason;
  readonly overriddenAt: string;
}

export interface ExitRuleContext {
  /** The departure date in the port's calendar (portCalendarDate). */
  readonly departureDate: string;
  /** The policy in force at the moment of the exit: who gets a departure record, who may opt out. */
  readonly policy: InspectionPolicy;
}

function alertsOf(entry: DepartureGalleryEntry, stay: StayStanding): ExitAlert[] {
  const alerts: ExitAlert[] = [];
  if (stay.kind === 'overstay' && entry.admitUntil !== null) alerts.push({ kind: 'overstay', days: stay.days, admitUntil: entry.admitUntil });
  for (const alert of entry.alerts) {
    if (alert.kind === 'lookout' || alert.kind === 'prior_removal') alerts.push({ kind: alert.kind, alert });
    else alerts.push({ kind: 'record_alert', alert });
  }
  return alerts;
}

/** An alert of severity 'hit' on the record holds the traveller for the officer; the booth's own overstay count never does. */
export const holdsDeparture = (alert: ExitAlert): boolean => alert.kind !== 'overstay' && alert.alert.severity === 'hit';

/** The face may be a photo or screen held up (PAD flagged it) and no officer overrode it: held for the officer, whoever it was identified as. */
export const presentationAttackSuspected = (assessment: Pick<ExitOccupantAssessment, 'reasons' | 'presentationAttackOverride'>): boolean =>
  !assessment.presentationAttackOverride && assessment.reasons.some((r) => r.code === 'presentation_attack_suspected');

type IdentityAssessment = Omit<ExitOccupantAssessment, 'reasons' | 'presentationAttack' | 'presentationAttackOverride' | 'documentComparison'>;

/**
 * The outcome for one occupant from its identification, looking gallery entries up by traveller id, then the
 * presentation-attack rule on its face (`face`, absent or unchecked with PAD off): a possible photo or screen is never
 * confirmed as departed by the booth, it is held for the officer; a face PAD could not check carries the warning.
 * An opt-out used no face, so PAD does not apply to it.
 */
export function assessExitOccupant(
  occupantId: string,
  identification: ExitIdentification,
  gallery: ReadonlyMap<string, DepartureGalleryEntry>,
  context: ExitRuleContext,
  face?: PresentationAttackFace,
  override?: PresentationAttackOverride,
  document?: ExitDocumentComparison,
): ExitOccupantAssessment {
  const identified = assessIdentity(occupantId, identification, gallery, context);
  if (identified.outcome.kind === 'opt_out') {
    // An opt-out is the manual inspection of the documents (no face is used, so no 1:1): a document whose chip FAILED
    // holds them (it or its chip is not genuine); one no chip verified (no reader at the exit, a chipless document) is
    // what the officer inspects by hand, and stands (one not eligible is held already, and told why).
    if (!identified.confirmable || !document || !documentChipFailed(document.document)) return { ...identified, reasons: [] };
    return { ...identified, outcome: { ...identified.outcome, documentNotProven: document.document }, confirmable: false, recordsDeparture: false, needsOfficer: true, reasons: [] };
  }
  const assessed = document ? { ...withDocument(identified, document, gallery, context), documentComparison: document } : identified;
  const reasons = presentationAttackReasons(face);
  const evidence = presentationAttackEvidence(face);
  const flagged = presentationAttackSuspected({ reasons });
  // The officer's override lifts the PAD hold only (identity holds stay), and only on a face PAD flagged.
  const overridden = flagged && override !== undefined;
  return {
    ...assessed,
    ...(flagged && !overridden ? { confirmable: false, recordsDeparture: false, needsOfficer: true } : {}),
    reasons,
    ...(evidence ? { presentationAttack: evidence } : {}),
    ...(overridden ? { presentationAttackOverride: override } : {}),
  };
}

function assessIdentity(occupantId: string, identification: ExitIdentification, gallery: ReadonlyMap<string, DepartureGalleryEntry>, context: ExitRuleContext): IdentityAssessment {
  const held = (outcome: ExitOutcome): IdentityAssessment => ({ occupantId, outcome, confirmable: false, recordsDeparture: false, needsOfficer: true });
  switch (identification.kind) {
    case 'no_face':
      return held({ kind: 'not_identified', faceSeen: false });
    case 'no_candidate':
      return held({ kind: 'not_identified', faceSeen: true, ...(identification.dismissed ? { dismissed: identification.dismissed } : {}), ...(identification.searchError ? { searchError: identification.searchError } : {}) });
    case 'ambiguous':
      return held({ kind: 'ambiguous', candidates: identification.candidates.map((candidate) => ({ entry: gallery.get(candidate.travellerId) ?? null, candidate })) });
    case 'opt_out': {
      const entry = identification.travellerId === null ? null : (gallery.get(identification.travellerId) ?? null);
      // Only whom the policy lets opt out may; anyone else's "opt-out" is a traveller the officer must deal with.
      const category = entry === null ? null : citizenshipCategoryOf({ record: entry });
      const eligible = category !== null && mayOptOut(context.policy, 'exit', category);
      const stay = entry === null ? null : stayStanding(entry.admitUntil, context.departureDate);
      // Recorded as an opt-out where the policy says so: a departure on the document check, never a biometric one.
      return { occupantId, outcome: { kind: 'opt_out', declaredAt: identification.declaredAt, entry, stay, eligible }, confirmable: eligible, recordsDeparture: eligible && recordsOptOut(context.policy), needsOfficer: !eligible };
    }
    case 'candidate': {
      const { candidate } = identification;
      const entry = gallery.get(candidate.travellerId);
      // A candidate the local gallery does not hold cannot be shown or recorded: not identified, never assumed.
      if (!entry) return held({ kind: 'not_identified', faceSeen: true });
      const recorded = recordsDeparture(context.policy, citizenshipCategoryOf({ record: entry }));
      if (entry.usCitizen) return { occupantId, outcome: { kind: 'citizen', entry, candidate }, confirmable: true, recordsDeparture: recorded, needsOfficer: false };
      const stay = stayStanding(entry.admitUntil, context.departureDate);
      const alerts = alertsOf(entry, stay);
      const hit = alerts.some(holdsDeparture);
      if (alerts.length === 0) return { occupantId, outcome: { kind: 'departure_confirmed', entry, candidate, stay }, confirmable: true, recordsDeparture: recorded, needsOfficer: false };
      return { occupantId, outcome: { kind: 'identified_with_alert', entry, candidate, stay, alerts }, confirmable: !hit, recordsDeparture: recorded && !hit, needsOfficer: hit };
    }
  }
}

/**
 * The gallery search combined with the 1:1 comparison of the face with the document presented. A face that does not
 * match the document is held (the traveller is not who the document says); a document that is not the gallery
 * candidate's is a conflict, held; the candidate's own document whose chip FAILED holds them (one merely not verified
 * does not: the gallery identified them against their entry record); no gallery mate and a matching document identifies by the document, unless the
 * document is an expected traveller's (held: the search missed them or someone travels on their papers). A comparison
 * that could not be made changes nothing: the gallery's finding stands on its own (the card says the 1:1 was not made)
 * and nobody is identified by a document they were not compared with. An ambiguity stays the officer's.
 */
function withDocument(assessed: IdentityAssessment, comparison: ExitDocumentComparison, gallery: ReadonlyMap<string, DepartureGalleryEntry>, context: ExitRuleContext): IdentityAssessment {
  const { occupantId, outcome } = assessed;
  const held = (o: ExitOutcome): IdentityAssessment => ({ occupantId, outcome: o, confirmable: false, recordsDeparture: false, needsOfficer: true });
  if (comparison.kind === 'compared' && comparison.decision === 'no_match') return held({ kind: 'document_face_mismatch', comparison });
  switch (outcome.kind) {
    case 'departure_confirmed':
    case 'identified_with_alert':
    case 'citizen': {
      const { entry, candidate } = outcome;
      if (!documentIsEntrys(comparison.document, entry)) return held({ kind: 'document_conflict', entry, candidate, document: comparison.document });
      // The document is theirs: whether or not the face could be compared with it, it is the document they leave on.
      if (!documentChipFailed(comparison.document)) return assessed;
      return held({ kind: 'identified_document_unverified', entry, candidate, document: comparison.document, alerts: outcome.kind === 'identified_with_alert' ? outcome.alerts : [] });
    }
    case 'not_identified': {
      // Only a search that was made and found nobody lets the document identify: a gallery that could not be searched may hold an entry record.
      if (!outcome.faceSeen || outcome.searchError !== undefined || comparison.kind !== 'compared' || !documentFaceMatches(comparison)) return assessed;
      // An expected traveller's document: their entry record (its alerts, a lookout) is not bypassed by a search that missed them.
      const owner = [...gallery.values()].find((entry) => documentIsEntrys(comparison.document, entry));
      if (owner) return held({ kind: 'document_of_unfound_traveller', entry: owner, document: comparison.document, comparison, alerts: alertsOf(owner, stayStanding(owner.admitUntil, context.departureDate)) });
      const identified: ExitOutcome = { kind: 'identified_by_document', document: comparison.document, comparison };
      if (!documentStandsAtExit(comparison.document, context)) return held(identified);
      const recorded = recordsDeparture(context.policy, citizenshipCategoryOf({ nationality: comparison.document.nationality }));
      return { occupantId, outcome: identified, confirmable: true, recordsDeparture: recorded, needsOfficer: false };
    }
    default:
      return assessed;
  }
}

/** A document whose chip FAILED its checks: it or its chip is not genuine, whoever presents it. */
const documentChipFailed = (document: ExitDocument): boolean => documentChipStanding(document) === 'failed';

/**
 * Whether a document may identify a traveller the gallery did not find (identified by the document alone): one its chip
 * verified; one no chip verified (none read, unreadable, not verifiable) only where the policy says so; one whose chip
 * failed never.
 */
function documentStandsAtExit(document: ExitDocument, context: ExitRuleContext): boolean {
  const chip = documentChipStanding(document);
  return chip === 'verified' || (chip === 'not_verified' && context.policy.exitRecord.unverifiedDocumentIdentifies);
}

export interface ExitVehicleAssessment {
  readonly occupants: readonly ExitOccupantAssessment[];
  /** What the one confirming key does: record these occupants' departures (citizens confirmed without a record). */
  readonly confirmable: readonly ExitOccupantAssessment[];
  /** Occupants the officer must deal with first (photograph, inspect, resolve, stop). */
  readonly held: readonly ExitOccupantAssessment[];
}

/**
 * Every occupant of a vehicle (or the one traveller) assessed; the confirming key covers the confirmable ones, never one
 * the officer holds. A
 * document presented whose holder's face is not seen (`documentsWithoutFace`) is a card of its own, held: the booth
 * confirms nobody on a document it could not tie to a face, and the officer must find its holder (a passenger the
 * cameras missed, or papers of someone not aboard).
 */
export function assessExitVehicle(
  occupants: readonly {
    readonly occupantId: string;
    readonly identification: ExitIdentification;
    readonly face?: PresentationAttackFace;
    readonly presentationAttackOverride?: PresentationAttackOverride;
    readonly documentComparison?: ExitDocumentComparison;
    /** The officer holds this occupant for inspection (H): never confirmed, whatever the rules found. */
    readonly heldByOfficer?: boolean;
  }[],
  gallery: ReadonlyMap<string, DepartureGalleryEntry>,
  context: ExitRuleContext,
  documentsWithoutFace: readonly ExitDocumentComparison[] = [],
): ExitVehicleAssessment {
  const faces = occupants.map((o): ExitOccupantAssessment => {
    const assessed = assessExitOccupant(o.occupantId, o.identification, gallery, context, o.face, o.presentationAttackOverride, o.documentComparison);
    return o.heldByOfficer ? { ...assessed, confirmable: false, recordsDeparture: false, needsOfficer: true } : assessed;
  });
  const documents = documentsWithoutFace.map(
    (comparison): ExitOccupantAssessment => ({ occupantId: documentTravellerId(comparison.document), outcome: { kind: 'document_without_face', comparison }, confirmable: false, recordsDeparture: false, needsOfficer: true, reasons: [], documentComparison: comparison }),
  );
  const assessed = [...faces, ...documents];
  return { occupants: assessed, confirmable: assessed.filter((a) => a.confirmable), held: assessed.filter((a) => a.needsOfficer) };
}
