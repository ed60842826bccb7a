import type { ExitOfficerChoice } from '../../../../app/inspection/exit/exitOfficerChoices';
import { documentChipNotVerifiedBecause, documentChipStanding, documentHolderText, type ExitDocument } from '../../../../app/inspection/exit/exitDocumentCheck';
import { presentationAttackSuspected, type ExitAlert, type ExitIdentification, type ExitOccupantAssessment, type ExitOutcome } from '../../../../app/inspection/exit/exitOccupantRules';

/** What each exit outcome says on the occupant card: one line, the same words the review shows. */
export function exitOutcomeText(outcome: ExitOutcome): string {
  switch (outcome.kind) {
    case 'departure_confirmed':
      return outcome.stay.kind === 'duration_of_status' ? 'Departure confirmed (duration of status)' : 'Departure confirmed';
    case 'identified_with_alert':
      return outcome.alerts.map(alertText).join(' · ');
    case 'citizen':
      return 'U.S. citizen: departure confirmed, no biometric record kept';
    case 'ambiguous':
      return `Ambiguous: ${outcome.candidates.length} look-alike candidates, officer to decide`;
    case 'not_identified':
      if (outcome.searchError) return `Not identified: the gallery could not be searched (${outcome.searchError}). Photograph or inspect documents`;
      if (outcome.dismissed) return `Not identified: the officer ruled out ${outcome.dismissed.length} look-alike candidates. Photograph or inspect documents`;
      return outcome.faceSeen ? 'Not identified: no gallery mate. Photograph or inspect documents' : 'Not identified: no usable face. Photograph or inspect documents';
    case 'identified_by_document':
      switch (documentChipStanding(outcome.document)) {
        case 'verified':
          return 'Identified by the document (1:1): no entry record on file';
        case 'failed':
          return `The face matches the document (1:1), but its chip FAILED its checks (${documentChipNotVerifiedBecause(outcome.document)}): departure NOT confirmed, inspect the document`;
        case 'not_verified':
          return `Identified by the document (1:1), but its chip did not verify it (${documentChipNotVerifiedBecause(outcome.document)}): no entry record on file, inspect the document`;
      }
      break;
    case 'document_face_mismatch':
      return 'Face does not match the document presented: departure NOT confirmed';
    case 'document_without_face':
      return `Document of ${documentHolderText(outcome.comparison.document)} presented, but no face seen matches it: nobody confirmed on it, find its holder`;
    case 'document_of_unfound_traveller':
      return [`The document presented is ${outcome.entry.surname}, ${outcome.entry.givenNames}'s (expected to leave), but the face search did not find them: departure NOT confirmed, check who this is`, ...outcome.alerts.map(alertText)].join(' · ');
    case 'document_conflict':
      return `Conflict: the gallery identifies ${outcome.entry.surname}, ${outcome.entry.givenNames} but the document presented is ${documentHolderText(outcome.document)}: departure NOT confirmed`;
    case 'identified_document_unverified':
      return [`Identified as ${outcome.entry.surname}, ${outcome.entry.givenNames} (1:N), but the document presented is not proven genuine: ${chipText(outcome.document)}. Departure NOT confirmed, inspect the document`, ...outcome.alerts.map(alertText)].join(' · ');
    case 'opt_out':
      if (outcome.documentNotProven) return `Opt-out declared, but the document presented is not proven genuine: ${chipText(outcome.documentNotProven)}. Departure NOT confirmed, inspect the document`;
      return outcome.eligible ? 'Opted out of photography: documents inspected, no photo kept' : 'Opt-out declared, but the policy does not let this traveller opt out at exit: photograph or inspect';
  }
}

/** Why a document's chip did not prove it genuine: failed its checks, or did not verify it, and the booth's reason. */
const chipText = (document: ExitDocument): string =>
  documentChipStanding(document) === 'failed' ? `its chip FAILED its checks (${documentChipNotVerifiedBecause(document)})` : `its chip did not verify it (${documentChipNotVerifiedBecause(document)})`;

/** The card's headline: the outcome, unless the face may be a photo or screen (then nothing is confirmed, whoever it matched). */
export function exitHeadlineOf(assessment: ExitOccupantAssessment): string {
  if (presentationAttackSuspected(assessment)) return 'Possible photo or screen: departure NOT confirmed, look at the traveller (L if they are who the camera saw)';
  return assessment.presentationAttackOverride ? `${exitOutcomeText(assessment.outcome)} · photo-or-screen flag overridden by the officer` : exitOutcomeText(assessment.outcome);
}

export function alertText(alert: ExitAlert): string {
  switch (alert.kind) {
    case 'overstay':
      return `Overstay ${alert.days} day${alert.days === 1 ? '' : 's'} (admitted until ${alert.admitUntil})`;
    case 'lookout':
      return `LOOKOUT: ${alert.alert.summary}`;
    case 'prior_removal':
      return `Prior removal: ${alert.alert.summary}`;
    case 'record_alert':
      return `Record alert (${alert.alert.kind.replace(/_/g, ' ')}, ${alert.alert.severity}): ${alert.alert.summary}`;
  }
}

/** What the card says is left to do for the occupant (or what was recorded). */
export function exitOccupantStateText(assessment: ExitOccupantAssessment, recorded: boolean): string {
  if (recorded) return assessment.recordsDeparture ? (assessment.outcome.kind === 'opt_out' ? 'Opt-out recorded' : 'Departure recorded') : 'Confirmed, nothing sent';
  if (assessment.outcome.kind === 'ambiguous') return `Officer: compare, then press 1–${assessment.outcome.candidates.length} to pick, or X for none of them`;
  return assessment.needsOfficer ? 'Officer: photograph, inspect or refer' : 'Enter confirms';
}

/** The card's status attribute (tests and styles read it). */
export function exitStatusOf(assessment: ExitOccupantAssessment): string {
  if (presentationAttackSuspected(assessment)) return 'presentation_attack';
  const { outcome } = assessment;
  if (outcome.kind === 'identified_document_unverified') return outcome.alerts.some((a) => a.kind === 'lookout') ? 'lookout' : outcome.kind;
  if (outcome.kind !== 'identified_with_alert') return outcome.kind;
  return outcome.alerts.some((a) => a.kind === 'lookout') ? 'lookout' : outcome.alerts.some((a) => a.kind === 'overstay') ? 'overstay' : 'alert';
}

/**
 * The officer's current choice on an occupant, as the card shows it, with how to change it (or that it can no longer
 * change: `settled`, the confirmation is durable); null when the officer made none.
 */
export function officerChoiceText(search: ExitIdentification | undefined, choice: { readonly resolution?: ExitOfficerChoice | undefined; readonly optedOut: boolean; readonly padOverridden?: boolean; readonly held?: boolean }, settled: boolean): string | null {
  const { resolution, optedOut, padOverridden, held } = choice;
  const among = search?.kind === 'ambiguous' ? search.candidates : [];
  const parts: string[] = [];
  if (resolution?.kind === 'picked') parts.push(`picked look-alike ${among.findIndex((c) => c.travellerId === resolution.travellerId) + 1} of ${among.length} (${resolution.travellerId})`);
  if (resolution?.kind === 'none_of_them') parts.push(`none of the ${among.length} look-alikes`);
  if (optedOut) parts.push('photography opt-out');
  if (padOverridden) parts.push('live traveller seen, photo-or-screen flag overridden');
  if (held) parts.push('held for inspection (not confirmed by Enter)');
  if (parts.length === 0) return null;
  const change = settled ? 'recorded: cannot be changed' : `${among.length > 0 ? `1–${among.length} or X changes it, ` : ''}Backspace undoes`;
  return `Officer's choice: ${parts.join(', ')} · ${change}`;
}

/** Why the gallery could not be searched for some face on screen (the header says so: never a silent empty gallery); null when every search was made. */
export function gallerySearchProblemOf(occupants: readonly ExitOccupantAssessment[]): string | null {
  for (const { outcome } of occupants) if (outcome.kind === 'not_identified' && outcome.searchError) return outcome.searchError;
  return null;
}
