import type { DepartureRecord } from './departureRecord';
import type { ExitOccupantAssessment } from './exitOccupantRules';
import { overstayDaysOf } from './stayLength';

/** Where and by whom departures are confirmed: the same for every occupant of one vehicle. */
export interface DepartureContext {
  readonly departedAt: string;
  readonly boothId: string;
  readonly port: string;
  readonly lane: DepartureRecord['lane'];
  readonly plate: string | null;
  readonly sessionId: string;
  readonly officer: string;
  readonly versions: DepartureRecord['versions'];
}

/**
 * The departure record of a confirmed occupant, or null when none is sent: a held occupant, a U.S. citizen (no
 * biometric departure record under the policy), an opt-out (recorded locally as such, never as a biometric departure).
 */
export function departureOf(assessment: ExitOccupantAssessment, departureId: string, context: DepartureContext): DepartureRecord | null {
  if (!assessment.confirmable || !assessment.recordsDeparture) return null;
  const { outcome } = assessment;
  if (outcome.kind !== 'departure_confirmed' && outcome.kind !== 'identified_with_alert' && outcome.kind !== 'citizen') return null;
  const { candidate, entry } = outcome;
  const overstayDays = outcome.kind === 'citizen' ? null : overstayDaysOf(outcome.stay);
  return {
    departureId,
    travellerId: entry.travellerId,
    departedAt: context.departedAt,
    boothId: context.boothId,
    port: context.port,
    lane: context.lane,
    direction: 'exit',
    plate: context.plate,
    sessionId: context.sessionId,
    officer: context.officer,
    evidence: { method: 'face_identification', trackId: candidate.trackId, candidateId: candidate.travellerId, score: candidate.score, threshold: candidate.threshold, calibratedFpir: candidate.calibratedFpir, gallerySize: candidate.gallerySize },
    overstayDays,
    alerts: entry.alerts.map(({ alertId, kind }) => ({ alertId, kind })),
    versions: context.versions,
  };
}
