import type { DepartureContext } from '../../../../app/inspection/exit/departureOf';
import type { ExitOccupantAssessment, PresentationAttackOverride } from '../../../../app/inspection/exit/exitOccupantRules';
import { pickByNumber, type ExitOfficerChoice } from '../../../../app/inspection/exit/exitOfficerChoices';
import { systemClock } from '../../../../app/ports/Clock';
import type { DepartureGallery } from '../../../../app/ports/departureGallery';
import type { BoothJournal } from '../../../decisions/DecisionJournal';
import type { HostClient } from '../../../host/HostClient';
import type { BoothStore } from '../../../state/createBoothStore';
import { openTrainingRun } from '../../../state/trainingSlice';
import { reportTrainingDeparture, trainingDepartureReportOf } from '../../training/trainingDepartureReport';
import { defaultModels } from '../../../vision/shippedModels';
import { exitConfirmationOf, exitConfirmationText, exitRulesVersion, officerResolutionsOf } from './exitConfirmation';
import type { ExitActions } from './exitShortcuts';
import type { ExitAssessment } from './useExitAssessment';
import type { ExitDeskState } from './useExitDesk';

const shippedEmbedder = defaultModels().embedder;
const newDepartureId = () => `departure-${crypto.randomUUID()}`;

/** What the exit lane's keys act on: the occupants on screen, the officer's choices and what is already recorded of them. */
export interface ExitDesk extends ExitDeskState {
  readonly assessment: ExitAssessment | null;
  readonly gallery: DepartureGallery | null;
}

export interface ExitDeskChanges {
  /** The officer resolved (or, with null, un-resolved) an ambiguous occupant. */
  resolve(occupantId: string, choice: ExitOfficerChoice | null): void;
  /** The officer overrode (or, with null, took back the override of) a PAD flag on an occupant's face. */
  overridePresentationAttack(occupantId: string, override: PresentationAttackOverride | null): void;
  /** The officer holds (or, with false, releases) an occupant for inspection. */
  hold(occupantId: string, held: boolean): void;
  /** A confirmation was made durable for these occupants and these resolutions. */
  recorded(occupantIds: readonly string[], resolutionOccupantIds: readonly string[]): void;
}

/**
 * The exit lane's keys: confirm the confirmable departures (durable before the screen says so), select an
 * occupant, declare a photography opt-out (the entry lane's opt-out, through the same store action: the exit rules
 * judge it by the policy), and resolve an ambiguous search (pick a look-alike by its number, or none of them).
 */
export function createExitActions(host: Pick<HostClient, 'call'>, store: BoothStore, journal: Pick<BoothJournal, 'recordExit'>, desk: () => ExitDesk, changes: ExitDeskChanges): ExitActions {
  const state = () => store.getState();
  const occupants = () => desk().assessment?.occupants ?? [];
  const selected = () => {
    const all = occupants();
    return all.length === 0 ? undefined : all[Math.min(state().selectedOccupant, all.length - 1)];
  };

  const optOutOf = (occupantId: string) => state().optOuts.find((o) => o.identityKey === occupantId);
  /** The occupant the officer may still change a choice on: selected, and nothing about them recorded yet. */
  const changeable = (): ExitOccupantAssessment | undefined => {
    const occupant = selected();
    if (!occupant) return void state().announce('No occupant selected', 'warning');
    const { recorded, resolutionsRecorded } = desk();
    if (recorded.has(occupant.occupantId) || resolutionsRecorded.has(occupant.occupantId)) {
      return void state().announce('Already recorded: a confirmed occupant cannot be changed (the record is durable)', 'warning');
    }
    return occupant;
  };

  return {
    async confirm() {
      const { assessment, gallery, recorded, resolutionsRecorded } = desk();
      const current = state();
      const pending = (assessment?.occupants ?? []).filter((o) => o.confirmable && !recorded.has(o.occupantId));
      const pendingIds = new Set(pending.map((o) => o.occupantId));
      // A pick is recorded with its departure; "none of them" on its own (the occupant stays held for the officer).
      const resolutions = officerResolutionsOf(assessment?.occupants ?? []).filter((r) => (r.choice === 'picked' ? pendingIds.has(r.occupantId) : !resolutionsRecorded.has(r.occupantId)));
      // While a training run is open the confirmation is a training one: kept and audited as training, never sent.
      const training = openTrainingRun(current);
      const warn = (text: string) => state().announce(text, 'warning');
      if (!assessment || !gallery || !current.user || (pending.length === 0 && resolutions.length === 0)) {
        current.announce('Nothing to confirm: the occupants left need the officer (photograph, inspect or refer).', 'warning');
        // Training: the run counts an occupant as held only when told they were on screen and left held.
        if (training && assessment) void reportTrainingDeparture(host, trainingDepartureReportOf(training, current.laneSession?.sessionId ?? 'exit', [], [], assessment.occupants, recorded, systemClock.now().toISOString()), warn);
        return;
      }
      const session = current.laneSession;
      const info = current.info;
      // The embedder the worker runs (the host-verified model set), as the entry lane records: not the shipped default.
      const embedder = current.modelSet?.models.embedder ?? shippedEmbedder;
      const context: DepartureContext = {
        departedAt: systemClock.now().toISOString(),
        boothId: info?.boothId ?? 'booth',
        port: gallery.port,
        lane: { laneId: session?.laneId ?? 'lane-1', laneType: info?.laneType ?? 'vehicle' },
        plate: session?.plate?.best.plate ?? null,
        sessionId: session?.sessionId ?? `exit-${Date.now()}`,
        officer: current.user.userId,
        versions: { rules: exitRulesVersion, policy: assessment.policyId, faceModel: { modelId: embedder.id, modelVersion: embedder.version, calibrationVersion: embedder.calibration.version } },
      };
      const faces = current.sessionFaces;
      const confirmation = exitConfirmationOf(pending, resolutions, context, (occupantId) => faces[assessment.trackOf[occupantId] ?? '']?.bestShot, newDepartureId, current.sync?.connection === 'offline');
      try {
        await journal.recordExit(confirmation, training ?? undefined);
        changes.recorded(
          pending.map((o) => o.occupantId),
          resolutions.map((r) => r.occupantId),
        );
        state().announce(training ? `Training run: ${exitConfirmationText(confirmation)} (kept as training, never sent)` : exitConfirmationText(confirmation));
        if (training) void reportTrainingDeparture(host, trainingDepartureReportOf(training, context.sessionId, pending, resolutions, assessment.occupants, recorded, context.departedAt), warn);
      } catch (error) {
        state().announce(`Departures NOT recorded: ${error instanceof Error ? error.message : String(error)}`, 'error');
      }
    },
    selectOccupant(step) {
      const count = occupants().length;
      if (count > 0) state().occupantSelected((Math.min(state().selectedOccupant, count - 1) + step + count) % count);
    },
    declareOptOut() {
      const occupant = changeable();
      if (!occupant) return;
      const trackId = desk().assessment?.trackOf[occupant.occupantId];
      // A document no face seen matches is not a traveller in view: nobody to opt out (the opt-out would show and change nothing).
      if (!trackId) return state().announce('The selected card is a document, not a traveller seen: find its holder first', 'warning');
      state().optOutDeclared({ identityKey: occupant.occupantId, trackId, declaredAt: systemClock.now().toISOString() });
    },
    pickCandidate(number) {
      const occupant = changeable();
      if (!occupant) return;
      // On the search, not the outcome shown: a pick already made can be changed to another look-alike.
      const choice = pickByNumber(desk().assessment?.searchOf[occupant.occupantId], number, systemClock.now().toISOString());
      if (!choice) return state().announce(`No look-alike candidate ${number} on the selected occupant`, 'warning');
      changes.resolve(occupant.occupantId, choice);
    },
    noneOfTheCandidates() {
      const occupant = changeable();
      if (!occupant) return;
      if (desk().assessment?.searchOf[occupant.occupantId]?.kind !== 'ambiguous') return state().announce('The selected occupant has no look-alike candidates to rule out', 'warning');
      changes.resolve(occupant.occupantId, { kind: 'none_of_them', at: systemClock.now().toISOString() });
    },
    undoChoice() {
      const occupant = changeable();
      if (!occupant) return;
      const resolution = desk().resolutions[occupant.occupantId];
      const optOut = optOutOf(occupant.occupantId);
      const override = desk().padOverrides[occupant.occupantId];
      const held = desk().holds.has(occupant.occupantId);
      if (!resolution && !optOut && !override && !held) return state().announce('Nothing to undo: the selected occupant shows what the search found', 'warning');
      changes.resolve(occupant.occupantId, null);
      if (optOut) state().optOutWithdrawn(occupant.occupantId);
      if (override) changes.overridePresentationAttack(occupant.occupantId, null);
      if (held) changes.hold(occupant.occupantId, false);
      const undone = [resolution ? (resolution.kind === 'picked' ? 'the pick' : '"none of them"') : null, optOut ? 'the opt-out' : null, override ? 'the photo-or-screen override' : null, held ? 'the hold' : null];
      state().announce(`Undone: ${undone.filter(Boolean).join(' and ')}; the occupant shows what the search found`);
    },
    holdForInspection() {
      const occupant = changeable();
      if (!occupant) return;
      changes.hold(occupant.occupantId, true);
      state().announce('Held for inspection: Enter does not confirm this occupant (Backspace releases)');
    },
    overridePresentationAttack() {
      const occupant = changeable();
      if (!occupant) return;
      if (!occupant.reasons.some((r) => r.code === 'presentation_attack_suspected')) return state().announce('The selected face is not flagged as a possible photo or screen: nothing to override', 'warning');
      changes.overridePresentationAttack(occupant.occupantId, { reason: 'live_traveller_seen_by_officer', overriddenAt: systemClock.now().toISOString() });
      state().announce('Possible photo or screen overridden: you saw the traveller in person (recorded with the departure)');
    },
    async nextSimulatedDeparture() {
      const reply = await host.call('sim:exitArrives', {});
      state().announce(reply.ok ? `Departing: ${reply.value.label}` : `No departure: ${reply.error.message}`, reply.ok ? 'info' : 'error');
    },
  };
}
