import { departureOf, type DepartureContext } from '../../../../app/inspection/exit/departureOf';
import type { ExitOccupantAssessment } from '../../../../app/inspection/exit/exitOccupantRules';
import type { EncodedImage } from '../../../../app/ports/documentRead';
import type { ExitConfirmation, ExitOfficerResolution } from '../../../storage/DepartureRecorder';

/** Bumped whenever an exit rule changes, so every departure says which rules it was confirmed under. */
export const exitRulesVersion = 'exit-rules-2026.12.12';

const bytesOf = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** The officer's resolutions of ambiguous searches among these occupants (for the audit entry: how many candidates, never who). */
export function officerResolutionsOf(occupants: readonly ExitOccupantAssessment[]): ExitOfficerResolution[] {
  return occupants.flatMap((o): ExitOfficerResolution[] => {
    const { outcome } = o;
    if (outcome.kind === 'not_identified' && outcome.dismissed) return [{ occupantId: o.occupantId, choice: 'none_of_them', candidates: outcome.dismissed.length }];
    if ((outcome.kind === 'departure_confirmed' || outcome.kind === 'identified_with_alert' || outcome.kind === 'citizen') && outcome.candidate.officerChoice) {
      return [{ occupantId: o.occupantId, choice: 'picked', candidates: outcome.candidate.officerChoice.among.length }];
    }
    return [];
  });
}

/**
 * What the one confirming key records for the occupants it covers: a departure record per identified non-citizen
 * (and per recorded opt-out, as an opt-out), each citizen confirmed with their live photo under the citizens'
 * retention, each eligible opt-out as such (no photo), and the officer's resolutions of ambiguous searches.
 */
export function exitConfirmationOf(
  occupants: readonly ExitOccupantAssessment[],
  resolutions: readonly ExitOfficerResolution[],
  context: DepartureContext,
  bestShotOf: (occupantId: string) => EncodedImage | undefined,
  newId: () => string,
  offline: boolean,
): ExitConfirmation {
  const confirmed = occupants.filter((o) => o.confirmable);
  return {
    sessionId: context.sessionId,
    departures: confirmed.flatMap((o) => departureOf(o, newId(), context) ?? []),
    citizens: confirmed.flatMap((o) => {
      if (o.outcome.kind !== 'citizen' || o.recordsDeparture) return [];
      const shot = bestShotOf(o.occupantId);
      return [{ travellerId: o.outcome.entry.travellerId, ...(shot ? { photo: { kind: 'face_image' as const, usCitizen: true, bytes: bytesOf(shot.base64) } } : {}) }];
    }),
    optOuts: confirmed.flatMap((o) => (o.outcome.kind === 'opt_out' ? [{ occupantId: o.occupantId, travellerId: o.outcome.entry?.travellerId ?? null, declaredAt: o.outcome.declaredAt }] : [])),
    resolutions,
    offline,
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the officer is told once the confirmation is durable. */
export function exitConfirmationText(confirmation: ExitConfirmation): string {
  const identified = confirmation.departures.filter((d) => d.evidence.method !== 'opt_out').length;
  const parts = [count(identified, 'departure'), `${count(confirmation.citizens.length, 'U.S. citizen')} confirmed without a record`];
  if (confirmation.optOuts.length > 0) parts.push(`${count(confirmation.optOuts.length, 'opt-out')} (documents inspected, no photo kept)`);
  const ruledOut = (confirmation.resolutions ?? []).filter((r) => r.choice === 'none_of_them').length;
  if (ruledOut > 0) parts.push(`${count(ruledOut, 'look-alike search', 'look-alike searches')} ruled out by the officer`);
  return `Recorded: ${parts.join(', ')}.`;
}
