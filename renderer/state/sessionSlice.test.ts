import { describe, expect, it } from 'vitest';
import type { LaneType } from '../../app/settings/boothSettings';
import { createBoothStore } from './createBoothStore';
import { boothInfo, laneSession } from './testSupport/laneFixtures';

const officer = { userId: 'officer', name: 'Officer', role: 'officer' } as const;
const supervisor = { userId: 'kim', name: 'Kim', role: 'supervisor' } as const;

/** An officer mid-work: a traveller on screen, a decision saving, the reason picker open, a red notice. */
function officerAtWork(laneType: LaneType) {
  const store = createBoothStore();
  const state = () => store.getState();
  state().infoLoaded(boothInfo(laneType));
  state().laneSessionReceived(laneSession('s1', laneType));
  state().signedIn(officer);
  state().laneSessionReceived(laneSession('s2', laneType));
  state().decisionChanged('occupant:a', { phase: 'saving', outcome: 'clear' });
  state().reasonRequested({ subject: 'occupant:a', outcome: 'clear' });
  state().supervisorAlerted({ alertId: 'a1', code: 'override_attempt_on_mandatory_referral', subject: { kind: 'occupant', occupantId: 'a' }, officer: 'officer', at: '2026-11-23T10:00:00.000Z', mandatoryReasons: ['face_not_matched'], message: 'm' });
  state().rawMrzToggled();
  state().announce('Referral is mandatory (face_not_matched): it cannot be cleared. A supervisor has been alerted.', 'error');
  return { store, state };
}

describe('session slice: nothing of one user’s work shows on the next user’s screen', () => {
  it('signing in starts at an empty desk: the traveller who arrived before is not shown', () => {
    const store = createBoothStore();
    store.getState().infoLoaded(boothInfo('air'));
    store.getState().laneSessionReceived(laneSession('s1', 'air'));
    store.getState().signedIn(officer);
    expect(store.getState()).toMatchObject({ user: officer, laneSession: null, dismissedSessionId: 's1' });
  });

  it('sign-out clears the traveller, decisions, reason picker, alerts, raw MRZ and notices', () => {
    const { state } = officerAtWork('pedestrian');
    state().signedOut();
    state().signedIn(supervisor);
    expect(state()).toMatchObject({ user: supervisor, laneSession: null, decisions: {}, pendingReason: null, supervisorAlerts: [], showRawMrz: false, notice: null, selectedOccupant: 0 });
    // The officer's traveller does not come back with its records.
    state().laneSessionReceived(laneSession('s2', 'pedestrian'));
    expect(state().laneSession).toBeNull();
  });

  it('in a vehicle lane the car at the window stays (it is the lane’s), the officer’s work goes', () => {
    const { state } = officerAtWork('vehicle');
    state().signedOut();
    expect(state()).toMatchObject({ laneSession: { sessionId: 's2' }, decisions: {}, pendingReason: null, notice: null });
  });

  it('locking keeps the traveller for the same user, but closes the reason picker and the notice', () => {
    const { state } = officerAtWork('air');
    state().occupantSelected(1);
    state().reasonRequested({ subject: 'occupant:a', outcome: 'clear' });
    state().screenLocked();
    expect(state()).toMatchObject({ locked: true, pendingReason: null, notice: null, selectedOccupant: 0, laneSession: { sessionId: 's2' } });
    state().signedIn(officer);
    expect(state()).toMatchObject({ locked: false, laneSession: { sessionId: 's2' }, decisions: { 'occupant:a': { phase: 'saving' } } });
  });

  it('does not lock when nobody is signed in', () => {
    const store = createBoothStore();
    store.getState().screenLocked();
    expect(store.getState().locked).toBe(false);
  });
});
