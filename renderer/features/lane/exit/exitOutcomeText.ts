import type { ExitAlert, ExitOutcome } from '../../../../app/inspection/exit/exitOccupantRules';

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
      return outcome.faceSeen ? 'Not identified: no gallery mate. Photograph or inspect documents' : 'Not identified: no usable face. Photograph or inspect documents';
    case 'opt_out':
      return 'Opted out of photography: documents inspected, no photo kept';
  }
}

export function alertText(alert: ExitAlert): string {
  switch (alert.kind) {
    case 'overstay':
      return `Overstay ${alert.days} day${alert.days === 1 ? '' : 's'} (admitted until ${alert.admitUntil})`;
    case 'lookout':
      return `LOOKOUT: ${alert.alert.summary}`;
    case 'prior_removal':
      return `Prior removal: ${alert.alert.summary}`;
  }
}

/** The card's status attribute (tests and styles read it). */
export function exitStatusOf(outcome: ExitOutcome): string {
  if (outcome.kind !== 'identified_with_alert') return outcome.kind;
  return outcome.alerts.some((a) => a.kind === 'lookout') ? 'lookout' : outcome.alerts.some((a) => a.kind === 'overstay') ? 'overstay' : 'alert';
}
