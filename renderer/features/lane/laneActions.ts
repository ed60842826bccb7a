import type { Recommendation, Outcome } from '../../../app/inspection/evaluateVehicleSession';
import { applyOfficerDecision, officerReasonCodes, type OfficerReasonCode } from '../../../app/inspection/officerDecision';
import { systemClock } from '../../../app/ports/Clock';
import { deviceKindLabels, type DeviceKind } from '../../../app/ports/deviceStatus';
import type { Ids } from '../../../app/ports/Ids';
import type { DecisionContext, DecisionJournal } from '../../decisions/DecisionJournal';
import type { HostClient } from '../../host/HostClient';
import type { BoothStore } from '../../state/createBoothStore';
import type { SubjectKey } from '../../state/laneSlice';
import type { LaneAssessment } from './useLaneAssessment';
import { openTrainingRun } from '../../state/trainingSlice';
import type { TrainingContext } from '../../decisions/DecisionJournal';

export const vehicleSubject: SubjectKey = 'vehicle';
export const occupantSubject = (occupantId: string): SubjectKey => `occupant:${occupantId}`;

const browserIds: Ids = { next: (prefix) => `${prefix}-${crypto.randomUUID()}` };

export const officerReasonLabels: Readonly<Record<OfficerReasonCode, string>> = {
  officer_observation: 'My own observation',
  document_inspected_by_hand: 'Document inspected by hand',
  face_compared_by_eye: 'Face compared by eye',
  records_checked_by_phone: 'Records checked by phone',
  behaviour: 'Behaviour',
  other: 'Other (see note)',
};

/**
 * What the officer's keys do on the lane screen, in every lane: read (simulation), re-read the chip, the
 * cameras, and decide. The rules recommend; the officer decides with one key when
 * agreeing, and picks a reason from the list (inline, no dialog) when deciding otherwise. A mandatory
 * referral cannot be cleared: the attempt is refused and a supervisor alerted. A decision shows as
 * recorded only once the journal has made it durable.
 */
export function createLaneActions(host: Pick<HostClient, 'call'>, store: BoothStore, journal: DecisionJournal, assessment: () => LaneAssessment | null) {
  const state = () => store.getState();
  const officer = () => state().user?.userId ?? 'unknown officer';

  const recommendationFor = (subject: SubjectKey): Recommendation | undefined => {
    const current = assessment();
    if (!current) return undefined;
    if (subject === vehicleSubject) return current.recommendations.vehicle;
    return current.recommendations.occupants.find((r) => r.subject.kind === 'occupant' && occupantSubject(r.subject.occupantId) === subject);
  };
  const undecided = (subject: SubjectKey) => {
    const decision = state().decisions[subject];
    return !decision || decision.phase === 'failed';
  };
  /** The vehicle (or traveller) the keys act on now; the `vehicle` subject key is the same for every one of them. */
  const currentSessionId = () => assessment()?.session.input.sessionId;

  /**
   * Records one decision; resolves false when it was not recorded (refused, needs a reason, storage failed, or
   * the next vehicle arrived since `sessionId`, the one the officer decided on).
   */
  const decide = async (subject: SubjectKey, outcome: Outcome, reasons: readonly OfficerReasonCode[], note?: string, withVehicle = false, sessionId = currentSessionId()): Promise<boolean> => {
    if (currentSessionId() !== sessionId) {
      state().announce('The next vehicle arrived before every decision was recorded: the rest were NOT recorded. Decide again on this one.', 'error');
      return false;
    }
    const recommendation = recommendationFor(subject);
    if (!recommendation) return false;
    // Deciding against the rules needs a reason from the list; referring a whole car covers its occupants.
    const againstRules = outcome !== recommendation.outcome && !recommendation.mandatory;
    if (againstRules && reasons.length === 0 && !(withVehicle && outcome === 'refer')) {
      state().reasonRequested({ subject, outcome });
      return false;
    }
    const result = applyOfficerDecision(recommendation, { officer: officer(), outcome, reasons, ...(note ? { note } : {}) }, systemClock, browserIds);
    switch (result.kind) {
      case 'override_refused':
        state().supervisorAlerted(result.alert);
        state().announce(`Referral is mandatory (${result.alert.mandatoryReasons.join(', ')}): it cannot be cleared. A supervisor has been alerted.`, 'error');
        await journal.recordAlert(result.alert, trainingOf(subject)).catch((error: unknown) => state().announce(`The supervisor alert could not be stored: ${String(error)}`, 'error'));
        return false;
      case 'reason_required':
        state().reasonRequested({ subject, outcome });
        return false;
      case 'recorded': {
        state().decisionChanged(subject, { phase: 'saving', outcome });
        // Once the save settles, its state belongs to this session only: a newer one starts undecided.
        const stillThisSession = () => currentSessionId() === sessionId;
        try {
          await journal.recordDecision(result.decision, contextOf(subject, recommendation, result.decision.biometricRetained));
          if (stillThisSession()) state().decisionChanged(subject, { phase: 'recorded', decision: result.decision });
          return true;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (stillThisSession()) state().decisionChanged(subject, { phase: 'failed', outcome, message });
          state().announce(`The decision was NOT recorded: ${message}. Decide again.`, 'error');
          return false;
        }
      }
    }
  };

  /** While a training run is open every decision is a training one; the run scores it on the traveller's document. */
  const trainingOf = (subject: SubjectKey): TrainingContext | undefined => {
    const mark = openTrainingRun(state());
    if (!mark) return undefined;
    const occupants = assessment()?.session.occupants ?? [];
    const index = occupants.findIndex((o) => occupantSubject(o.occupantId) === subject);
    const occupant = occupants[index];
    const chip = occupant?.identity?.document?.chip;
    return { mark, subject: occupant ? { documentNumber: occupant.identity?.documentNumber ?? null, occupantIndex: Math.min(index, 9) } : null, chipVerdict: chip ? chip.verdict : 'not_read' };
  };

  const contextOf = (subject: SubjectKey, recommendation: Recommendation, biometricRetained: boolean): DecisionContext => {
    const occupant = assessment()?.session.occupants.find((o) => occupantSubject(o.occupantId) === subject);
    const training = trainingOf(subject);
    // Nothing of a training run is kept beyond its record: no photo goes to retention.
    const bestShot = biometricRetained && !training ? occupant?.face?.bestShot : undefined;
    return { mandatoryReferral: recommendation.mandatory, usCitizen: occupant?.identity?.record?.usCitizen ?? occupant?.identity?.nationality === 'USA', ...(bestShot ? { bestShot } : {}), ...(training ? { training } : {}) };
  };

  const selectedSubject = (): SubjectKey | undefined => {
    const occupants = assessment()?.session.occupants ?? [];
    const occupant = occupants[Math.min(state().selectedOccupant, occupants.length - 1)];
    return occupant ? occupantSubject(occupant.occupantId) : undefined;
  };
  /** After a decision, the next undecided occupant is selected: the officer never has to move there. */
  const selectNextUndecided = () => {
    const occupants = assessment()?.session.occupants ?? [];
    const next = occupants.findIndex((o) => undecided(occupantSubject(o.occupantId)));
    if (next >= 0) state().occupantSelected(next);
  };

  const decideVehicle = async (outcome: Outcome, reasons: readonly OfficerReasonCode[]) => {
    const vehicle = recommendationFor(vehicleSubject);
    // Decided (or being saved) already: a second key press must not record a second, perhaps contrary, decision.
    if (!vehicle || !undecided(vehicleSubject)) return;
    // Every decision below is about this vehicle, even if the next one arrives while they are being saved.
    const sessionId = currentSessionId();
    if (outcome === 'clear' && vehicle.mandatory) {
      await decide(vehicleSubject, 'clear', reasons, undefined, false, sessionId);
      return;
    }
    if (outcome !== vehicle.outcome && reasons.length === 0) {
      state().reasonRequested({ subject: vehicleSubject, outcome });
      return;
    }
    // The whole car: every occupant not yet decided gets the vehicle's outcome, then the vehicle itself.
    for (const occupant of assessment()?.session.occupants ?? []) {
      const subject = occupantSubject(occupant.occupantId);
      if (!undecided(subject)) continue;
      // The reason the officer gave for the vehicle is the reason for each occupant decided with it.
      if (!(await decide(subject, outcome, reasons, 'decided with the vehicle', true, sessionId))) return;
    }
    if (await decide(vehicleSubject, outcome, reasons, undefined, false, sessionId)) state().announce(`Vehicle ${outcome === 'clear' ? 'cleared' : 'referred'}: decision recorded`);
  };

  return {
    async decideSelected(outcome: Outcome) {
      const subject = selectedSubject();
      if (!subject || !undecided(subject)) return;
      if (await decide(subject, outcome, [])) {
        state().announce(`Occupant ${outcome === 'clear' ? 'cleared' : 'referred'}: decision recorded`);
        selectNextUndecided();
      }
    },
    decideVehicle: (outcome: Outcome) => decideVehicle(outcome, []),
    /** The officer picked reason `index` (1-based) from the list for the pending decision. */
    async pickReason(index: number) {
      const pending = state().pendingReason;
      const reason = officerReasonCodes[index - 1];
      if (!pending || !reason) return;
      state().reasonRequested(null);
      if (pending.subject === vehicleSubject) await decideVehicle(pending.outcome, [reason]);
      else if (await decide(pending.subject, pending.outcome, [reason])) selectNextUndecided();
    },
    cancelReason() {
      state().reasonRequested(null);
    },
    selectOccupant(step: 1 | -1) {
      const count = assessment()?.session.occupants.length ?? 0;
      if (count > 0) state().occupantSelected((state().selectedOccupant + step + count) % count);
    },
    /** The selected traveller declares a photography opt-out (the rules decide whether they may). */
    declareOptOut() {
      const occupants = assessment()?.session.occupants ?? [];
      const occupant = occupants[state().selectedOccupant];
      if (!occupant?.identity) {
        state().announce('Select an occupant with a document or card to record an opt-out', 'warning');
        return;
      }
      state().optOutDeclared({ identityKey: occupant.identity.key, ...(occupant.face ? { trackId: occupant.face.trackId } : {}), declaredAt: systemClock.now().toISOString() });
    },
    /** Simulation: the reader reads the next scripted traveller; the session (lane:onSession) fills the screen. */
    async readSimulatedDocument() {
      const result = await host.call('sim:readDocument', {});
      if (result.ok) state().announce('Document read');
      else state().announce(`Could not read a document: ${result.error.message}`, 'error');
    },
    /** Simulation: unplug a connected device, or plug back a disconnected one. */
    async toggleSimulatedDevice(kind: DeviceKind) {
      const current = Object.values(state().devices).find((device) => device.kind === kind);
      const result = await host.call('sim:setDeviceConnected', { kind, connected: !(current?.connected ?? false) });
      if (!result.ok) state().announce(`Could not change the ${deviceKindLabels[kind]}: ${result.error.message}`, 'error');
      else state().deviceChanged(result.value);
    },
    /** Reads the chip of the current document again (the officer re-seated the passport); the report joins the session. */
    async readChipAgain() {
      const result = await host.call('chip:readAgain', {});
      if (!result.ok) state().announce(`Could not read the chip: ${result.error.message}`, 'error');
    },
    /** Esc: the traveller leaves the screen (the next read brings the next one). */
    dismissTraveller() {
      state().travellerDismissed();
      state().announce('Traveller cleared');
    },
    toggleRawMrz() {
      state().rawMrzToggled();
    },
    nextCamera() {
      state().nextCameraSelected();
    },
    retryCamera() {
      state().cameraRetried();
    },
    /** Simulation: the next scripted vehicle drives up. */
    async nextSimulatedVehicle() {
      const result = await host.call('sim:vehicleArrives', {});
      if (result.ok) state().announce(`Simulated vehicle ${result.value.plate}: ${result.value.label}`);
      else state().announce(`No vehicle arrived: ${result.error.message}`, 'error');
    },
  };
}

export type LaneActions = ReturnType<typeof createLaneActions>;
