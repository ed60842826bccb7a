import type { ExitOccupantAssessment } from '../../../app/inspection/exit/exitOccupantRules';
import type { DepartureAction, TrainingDepartureReport, TrainingMark } from '../../../app/training/trainingDebrief';
import type { HostClient } from '../../host/HostClient';
import type { ExitOfficerResolution } from '../../storage/DepartureRecorder';
import { exitHeadlineOf } from '../lane/exit/exitOutcomeText';

/** What one confirmed occupant was confirmed as, in the run's terms; null for an occupant the key did not confirm. */
function confirmedAction(occupant: ExitOccupantAssessment): DepartureAction | null {
  const { outcome } = occupant;
  const shown = exitHeadlineOf(occupant).slice(0, 300);
  switch (outcome.kind) {
    case 'departure_confirmed':
    case 'identified_with_alert':
    case 'citizen':
      return {
        occupantId: occupant.occupantId,
        action: 'confirmed',
        as: outcome.kind === 'citizen' ? 'citizen' : 'departure',
        travellerId: outcome.entry.travellerId,
        among: (outcome.candidate.officerChoice?.among ?? []).map((c) => c.travellerId),
        shown,
      };
    case 'identified_by_document':
      // Confirmed on the document presented (1:1), with nobody in the gallery: a departure of no gallery traveller.
      return { occupantId: occupant.occupantId, action: 'confirmed', as: 'departure', travellerId: null, among: [], shown };
    case 'opt_out':
      return { occupantId: occupant.occupantId, action: 'confirmed', as: 'opt_out', travellerId: outcome.entry?.travellerId ?? null, among: [], shown };
    default:
      return null;
  }
}

/**
 * What one training confirmation at the exit lane did, for the run to score: each occupant the key confirmed (as whom,
 * as what, picked among which look-alikes, what their card said) and each the officer ruled every look-alike out for.
 * Null when it did nothing the run scores.
 */
export function trainingDepartureReportOf(
  mark: TrainingMark,
  sessionId: string,
  confirmed: readonly ExitOccupantAssessment[],
  resolutions: readonly ExitOfficerResolution[],
  occupants: readonly ExitOccupantAssessment[],
  decidedAt: string,
): TrainingDepartureReport | null {
  const actions = confirmed.flatMap((o) => confirmedAction(o) ?? []);
  for (const resolution of resolutions) {
    const occupant = occupants.find((o) => o.occupantId === resolution.occupantId);
    if (resolution.choice !== 'none_of_them' || occupant?.outcome.kind !== 'not_identified') continue;
    const among = (occupant.outcome.dismissed ?? []).map((c) => c.travellerId);
    actions.push({ occupantId: occupant.occupantId, action: 'ruled_out', as: null, travellerId: null, among, shown: exitHeadlineOf(occupant).slice(0, 300) });
  }
  if (actions.length === 0) return null;
  return { runId: mark.runId, sessionId, decidedAt, occupants: actions.slice(0, 9) };
}

/**
 * Tells the host's open run what the trainee did (after the confirmation is durable, as training). A refusal is said
 * on screen, never swallowed: the confirmation stays recorded as training, but the run did not score it.
 */
export async function reportTrainingDeparture(host: Pick<HostClient, 'call'>, report: TrainingDepartureReport | null, warn: (text: string) => void): Promise<void> {
  if (!report) return;
  const reply = await host.call('training:departed', report);
  if (!reply.ok) warn(`Training run: this confirmation was not scored (${reply.error.message})`);
}
