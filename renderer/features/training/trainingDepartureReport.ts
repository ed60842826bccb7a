import type { ExitOccupantAssessment } from '../../../app/inspection/exit/exitOccupantRules';
import type { DepartureAction, TrainingDepartureReport, TrainingMark } from '../../../app/training/trainingDebrief';
import type { HostClient } from '../../host/HostClient';
import type { ExitOfficerResolution } from '../../storage/DepartureRecorder';
import { exitHeadlineOf } from '../lane/exit/exitOutcomeText';

/** One occupant as the run is told of them: what the key did, as whom, among which look-alikes, and what their card said. */
function actionOf(occupant: ExitOccupantAssessment, action: DepartureAction['action'], as: DepartureAction['as'], travellerId: string | null, among: readonly { readonly travellerId: string }[] = []): DepartureAction {
  return { occupantId: occupant.occupantId, action, as, travellerId, among: among.map((c) => c.travellerId), shown: exitHeadlineOf(occupant).slice(0, 300) };
}

/** What one confirmed occupant was confirmed as, in the run's terms; null for an occupant the key did not confirm. */
function confirmedAction(occupant: ExitOccupantAssessment): DepartureAction | null {
  const { outcome } = occupant;
  switch (outcome.kind) {
    case 'departure_confirmed':
    case 'identified_with_alert':
    case 'citizen':
      return actionOf(occupant, 'confirmed', outcome.kind === 'citizen' ? 'citizen' : 'departure', outcome.entry.travellerId, outcome.candidate.officerChoice?.among);
    case 'identified_by_document':
      // Confirmed on the document presented (1:1), with nobody in the gallery: a departure of no gallery traveller.
      return actionOf(occupant, 'confirmed', 'departure', null);
    case 'opt_out':
      return actionOf(occupant, 'confirmed', 'opt_out', outcome.entry?.travellerId ?? null);
    default:
      return null;
  }
}

/** An occupant on screen the key left held (by the rules or the officer's H), as the card identified them; null: no face seen. */
function heldAction(occupant: ExitOccupantAssessment): DepartureAction | null {
  const { outcome } = occupant;
  switch (outcome.kind) {
    case 'departure_confirmed':
    case 'identified_with_alert':
    case 'citizen':
    case 'document_conflict':
    case 'document_of_unfound_traveller':
    case 'identified_document_unverified':
      return actionOf(occupant, 'held', null, outcome.entry.travellerId);
    case 'opt_out':
      return actionOf(occupant, 'held', null, outcome.entry?.travellerId ?? null);
    case 'ambiguous':
      return actionOf(occupant, 'held', null, null, outcome.candidates.map((c) => c.candidate));
    case 'not_identified':
      return outcome.faceSeen ? actionOf(occupant, 'held', null, null, outcome.dismissed) : null;
    case 'identified_by_document':
    case 'document_face_mismatch':
      return actionOf(occupant, 'held', null, null);
    case 'document_without_face':
      return null;
  }
}

/**
 * What one training confirmation at the exit lane did, for the run to score, occupant by occupant on screen: each the
 * key confirmed (as whom, as what, picked among which look-alikes, what their card said), each the officer ruled every
 * look-alike out for, and each left held (only so does the run count someone as held: an occupant never on screen is
 * not). `recorded`: occupants an earlier key already confirmed. Null when there is nothing to tell.
 */
export function trainingDepartureReportOf(
  mark: TrainingMark,
  sessionId: string,
  confirmed: readonly ExitOccupantAssessment[],
  resolutions: readonly ExitOfficerResolution[],
  occupants: readonly ExitOccupantAssessment[],
  recorded: ReadonlySet<string>,
  decidedAt: string,
): TrainingDepartureReport | null {
  const actions = confirmed.flatMap((o) => confirmedAction(o) ?? []);
  for (const resolution of resolutions) {
    const occupant = occupants.find((o) => o.occupantId === resolution.occupantId);
    if (resolution.choice !== 'none_of_them' || occupant?.outcome.kind !== 'not_identified') continue;
    actions.push(actionOf(occupant, 'ruled_out', null, null, occupant.outcome.dismissed));
  }
  const reported = new Set([...confirmed.map((o) => o.occupantId), ...actions.map((a) => a.occupantId)]);
  actions.push(...occupants.filter((o) => !reported.has(o.occupantId) && !recorded.has(o.occupantId)).flatMap((o) => heldAction(o) ?? []));
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
