import { departureOf, type DepartureContext } from '../../../../app/inspection/exit/departureOf';
import type { ExitOccupantAssessment } from '../../../../app/inspection/exit/exitOccupantRules';
import type { EncodedImage } from '../../../../app/ports/documentRead';
import type { ExitConfirmation } from '../../../storage/DepartureRecorder';

/** Bumped whenever an exit rule changes, so every departure says which rules it was confirmed under. */
export const exitRulesVersion = 'exit-rules-2026.12.1';

const bytesOf = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/**
 * What the one confirming key records for the occupants it covers: a departure record per identified non-citizen,
 * each citizen confirmed with their live photo under the citizens' retention, each eligible opt-out as such.
 */
export function exitConfirmationOf(occupants: readonly ExitOccupantAssessment[], context: DepartureContext, bestShotOf: (occupantId: string) => EncodedImage | undefined, newId: () => string, offline: boolean): ExitConfirmation {
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
    offline,
  };
}
