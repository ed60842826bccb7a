import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedderManifestSchema } from '../../../app/biometrics/modelManifest';
import { assembleVehicleSession } from '../../../app/inspection/assembleVehicleSession';
import { evaluateVehicleSession } from '../../../app/inspection/evaluateVehicleSession';
import type { DecisionRecord, SupervisorAlert } from '../../../app/inspection/officerDecision';
import { scriptedVehicleSession, type ScriptedVehicleOptions } from '../../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import type { DecisionContext, DecisionJournal } from '../../decisions/DecisionJournal';
import { createBoothStore } from '../../state/createBoothStore';
import { createLaneActions, occupantSubject, vehicleSubject } from './laneActions';
import { findLaneShortcut } from './laneShortcuts';
import type { LaneAssessment } from './useLaneAssessment';
import { shippedPolicies } from '../../../app/policy/testSupport/shippedPolicies';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };

/** A journal that keeps what it is given and resolves when told to: durability is its job, not the view's. */
class HeldJournal implements DecisionJournal {
  readonly decisions: DecisionRecord[] = [];
  readonly contexts: DecisionContext[] = [];
  readonly alerts: SupervisorAlert[] = [];
  hold = false;
  failWith: Error | null = null;
  private release: (() => void)[] = [];
  recordDecision(decision: DecisionRecord, context: DecisionContext): Promise<void> {
    if (this.failWith) return Promise.reject(this.failWith);
    this.decisions.push(decision);
    this.contexts.push(context);
    return this.hold ? new Promise((resolve) => this.release.push(resolve)) : Promise.resolve();
  }
  audit(): Promise<void> {
    return Promise.resolve();
  }
  recordAlert(alert: SupervisorAlert): Promise<void> {
    this.alerts.push(alert);
    return Promise.resolve();
  }
  flush() {
    for (const resolve of this.release.splice(0)) resolve();
  }
}

/** The family car (Michael and Anna match; Sarah's passport expired: a referral the officer may override). */
function lane(options: Partial<ScriptedVehicleOptions> = {}) {
  const session = assembleVehicleSession(scriptedVehicleSession({ now, model, ...options }), clock);
  const assessment: LaneAssessment = { session, recommendations: evaluateVehicleSession(session, clock) };
  let current = assessment;
  const store = createBoothStore();
  store.getState().infoLoaded({ boothId: 'V1', laneType: 'vehicle', deviceMode: 'sim', faceMatchTargetFmr: 1e-4, version: 't', screenLockMinutes: 5, retentionDays: 30, settingsProblems: [], direction: 'entry', policies: shippedPolicies });
  store.getState().signedIn({ userId: 'officer.lane', name: 'Officer Lane', role: 'officer' });
  const journal = new HeldJournal();
  const host = { call: () => Promise.reject(new Error('no host in this test')) };
  const actions = createLaneActions(host, store, journal, () => current);
  /** The next vehicle drives up: the host's new session reaches the store and the keys act on it. */
  const nextVehicle = (vehicle: number) => {
    const next = assembleVehicleSession(scriptedVehicleSession({ now, model, ...options, vehicle }), clock);
    const { sessionId, laneId, laneType, arrivedAt, plate, rfidCards, documents, records } = next.input;
    current = { session: next, recommendations: evaluateVehicleSession(next, clock) };
    store.getState().laneSessionReceived({ sessionId, laneId, laneType, direction: next.input.direction, arrivedAt, ...(plate ? { plate } : {}), rfidCards: [...rfidCards], documents: documents.map((d) => ({ ...d })), records, recordsPending: false });
    return next;
  };
  let keystrokes = 0;
  /** Presses a key as the officer would: through the lane's shortcut table. */
  const press = async (key: string, extra: Partial<KeyboardEvent> = {}) => {
    keystrokes++;
    const event = { key, code: extra.code ?? (key.length === 1 ? `Key${key.toUpperCase()}` : key), altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...extra };
    const shortcut = findLaneShortcut({ ...event, targetIsEditable: false }, true, store.getState().pendingReason !== null);
    if (!shortcut) throw new Error(`no lane shortcut for ${key}`);
    await shortcut.run(actions, event);
  };
  const subjectOf = (index: number) => occupantSubject(session.occupants[index]!.occupantId);
  return { session, assessment, store, journal, press, subjectOf, nextVehicle, keystrokes: () => keystrokes };
}

describe('lane decisions by keyboard', () => {
  it('clears a matching traveller with one key, records who decided on what, and moves to the next occupant', async () => {
    const { session, store, journal, press, subjectOf, keystrokes } = lane();
    expect(session.occupants[0]?.status).toBe('matched');
    await press('Enter');
    expect(keystrokes()).toBe(1);
    const decision = store.getState().decisions[subjectOf(0)];
    expect(decision).toMatchObject({ phase: 'recorded', decision: { outcome: 'clear', recommended: 'clear', overridden: false, officer: 'officer.lane' } });
    expect(journal.decisions).toHaveLength(1);
    expect(journal.decisions[0]?.evidence.some((e) => e.kind === 'face_match')).toBe(true);
    expect(journal.decisions[0]?.versions.faceModel.calibrationVersion).toBe(model.calibration.version);
    expect(store.getState().selectedOccupant).toBe(1);
  });

  it('shows a decision as recorded only once the journal has made it durable', async () => {
    const { store, journal, press, subjectOf } = lane();
    journal.hold = true;
    const pressed = press('Enter');
    await Promise.resolve();
    expect(store.getState().decisions[subjectOf(0)]).toEqual({ phase: 'saving', outcome: 'clear' });
    journal.flush();
    await pressed;
    expect(store.getState().decisions[subjectOf(0)]?.phase).toBe('recorded');
  });

  it('a storage failure is shown and nothing claims to be recorded', async () => {
    const { store, journal, press, subjectOf } = lane();
    journal.failWith = new Error('QuotaExceededError');
    await press('Enter');
    expect(store.getState().decisions[subjectOf(0)]).toMatchObject({ phase: 'failed', message: 'QuotaExceededError' });
    expect(store.getState().notice).toMatchObject({ tone: 'error', text: expect.stringContaining('NOT recorded') });
  });

  it('refusing the rules needs a reason picked from the list (inline), then records it as an override', async () => {
    const { session, assessment, store, journal, press } = lane();
    const sarahIndex = assessment.recommendations.occupants.findIndex((r) => r.outcome === 'refer');
    expect(sarahIndex).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < sarahIndex; i++) await press('ArrowRight');
    await press('Enter');
    expect(store.getState().pendingReason).toEqual({ subject: occupantSubject(session.occupants[sarahIndex]!.occupantId), outcome: 'clear' });
    expect(journal.decisions).toEqual([]);
    await press('2', { code: 'Digit2' });
    expect(store.getState().pendingReason).toBeNull();
    expect(journal.decisions[0]).toMatchObject({ outcome: 'clear', recommended: 'refer', overridden: true, officerReasons: ['document_inspected_by_hand'] });
  });

  it('Esc cancels the reason list without deciding', async () => {
    const { store, journal, press } = lane();
    await press('f');
    expect(store.getState().pendingReason?.outcome).toBe('refer');
    await press('Escape');
    expect(store.getState().pendingReason).toBeNull();
    expect(journal.decisions).toEqual([]);
  });

  it('cannot clear a vehicle with a mandatory referral: nothing is decided and a supervisor is alerted', async () => {
    const { store, journal, press } = lane({ impostors: [2] });
    await press('Enter', { shiftKey: true });
    expect(journal.decisions).toEqual([]);
    expect(journal.alerts).toHaveLength(1);
    expect(journal.alerts[0]).toMatchObject({ code: 'override_attempt_on_mandatory_referral', officer: 'officer.lane', mandatoryReasons: expect.arrayContaining(['occupant_referred']) });
    expect(store.getState().decisions[vehicleSubject]).toBeUndefined();
    expect(store.getState().notice?.text).toContain('Referral is mandatory');
  });

  it('refers the whole vehicle with one key: every occupant, then the vehicle', async () => {
    const { session, store, journal, press, keystrokes } = lane({ impostors: [2] });
    await press('F', { shiftKey: true });
    expect(keystrokes()).toBe(1);
    expect(journal.decisions.map((d) => d.subject.kind)).toEqual([...session.occupants.map(() => 'occupant'), 'vehicle']);
    expect(journal.decisions.every((d) => d.outcome === 'refer')).toBe(true);
    // The impostor's referral is mandatory, so it reaches the supervisor's queue as a forced referral.
    expect(journal.contexts.filter((c) => c.mandatoryReferral).length).toBeGreaterThanOrEqual(2);
    expect(store.getState().decisions[vehicleSubject]).toMatchObject({ phase: 'recorded' });
  });

  it('a second whole-vehicle key press records nothing more (no second, contrary vehicle decision)', async () => {
    const { session, journal, press } = lane({ impostors: [2] });
    await press('F', { shiftKey: true });
    expect(journal.decisions).toHaveLength(session.occupants.length + 1);
    await press('F', { shiftKey: true });
    await press('Enter', { shiftKey: true });
    expect(journal.decisions).toHaveLength(session.occupants.length + 1);
    expect(journal.decisions.filter((d) => d.subject.kind === 'vehicle')).toHaveLength(1);
  });

  it('when the next vehicle arrives mid-way, nothing more is recorded and the new vehicle is not shown as decided', async () => {
    const { session, store, journal, press, nextVehicle } = lane({ impostors: [2] });
    journal.hold = true;
    const pressed = press('F', { shiftKey: true });
    await Promise.resolve();
    expect(journal.decisions).toHaveLength(1);
    const next = nextVehicle(1);
    expect(next.input.sessionId).not.toBe(session.input.sessionId);
    journal.hold = false;
    journal.flush();
    await pressed;
    // Only the first occupant's decision (made before the next vehicle came) was recorded; nothing about the new car.
    expect(journal.decisions).toHaveLength(1);
    expect(journal.decisions.some((d) => d.subject.kind === 'vehicle')).toBe(false);
    expect(store.getState().decisions).toEqual({});
    expect(store.getState().notice).toMatchObject({ tone: 'error', text: expect.stringContaining('NOT recorded') });
  });
});
