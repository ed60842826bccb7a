import { describe, expect, it } from 'vitest';
import { createBoothStore } from './createBoothStore';
import { boothInfo, frameWithFace, laneSession } from './testSupport/laneFixtures';

const recorded = { phase: 'saving', outcome: 'clear' } as const;

describe('lane slice: the traveller or vehicle on screen', () => {
  it('updates the same session in place, and starts a new one with an empty desk', () => {
    const store = createBoothStore();
    const state = () => store.getState();
    state().laneSessionReceived(laneSession('s1'));
    state().decisionChanged('occupant:a', recorded);
    state().reasonRequested({ subject: 'occupant:a', outcome: 'clear' });
    state().rawMrzToggled();
    state().occupantSelected(1);
    state().announce('Referral is mandatory', 'error');
    // Its records came back: the same session, nothing the officer did is lost.
    state().laneSessionReceived({ ...laneSession('s1'), recordsPending: true });
    expect(state()).toMatchObject({ laneSession: { sessionId: 's1', recordsPending: true }, decisions: { 'occupant:a': recorded }, showRawMrz: true, selectedOccupant: 1 });
    // The next traveller: decisions, reason picker, raw MRZ, selection and the notice about the last one go.
    state().laneSessionReceived(laneSession('s2'));
    expect(state()).toMatchObject({ laneSession: { sessionId: 's2' }, decisions: {}, pendingReason: null, showRawMrz: false, selectedOccupant: 0, notice: null });
  });

  it('keeps a session the officer put away (Esc) away, until the next one', () => {
    const store = createBoothStore();
    const state = () => store.getState();
    state().laneSessionReceived(laneSession('s1'));
    state().decisionChanged('occupant:a', recorded);
    state().travellerDismissed();
    expect(state()).toMatchObject({ laneSession: null, decisions: {}, dismissedSessionId: 's1' });
    // Its records arriving, or a reconnection's snapshot, do not bring it back.
    state().laneSessionReceived({ ...laneSession('s1'), recordsPending: false });
    expect(state().laneSession).toBeNull();
    state().laneSessionReceived(laneSession('s2'));
    expect(state().laneSession?.sessionId).toBe('s2');
  });

  it('keeps the best probes of each track, ends tracks the worker ended and those of a camera shown other people', () => {
    const store = createBoothStore();
    const state = () => store.getState();
    state().sceneFrameProcessed('cam-traveller', frameWithFace('t1'));
    state().sceneFrameProcessed('cam-traveller', frameWithFace('t1', false));
    expect(state().sessionFaces.t1).toMatchObject({ cameraId: 'cam-traveller', ended: false, across: 200 / 640 });
    expect(state().sessionFaces.t1?.probes).toHaveLength(1);
    expect(state().sceneFrames['cam-traveller']?.faces.map((f) => f.trackId)).toEqual(['t1']);
    state().sceneFrameProcessed('cam-other', frameWithFace('t2'));
    state().cameraSceneReceived({ cameraId: 'cam-traveller', people: [], version: 1 });
    expect(state().sessionFaces.t1?.ended).toBe(true);
    expect(state().sessionFaces.t2?.ended).toBe(false);
    // The same scene again changes nothing; a new traveller keeps only the faces still in view.
    state().cameraSceneReceived({ cameraId: 'cam-traveller', people: [], version: 1 });
    state().laneSessionReceived(laneSession('s1'));
    expect(Object.keys(state().sessionFaces)).toEqual(['t2']);
  });

  it('keeps when and where each track was first and last seen, comparable or not (two tracks seen together are two people)', () => {
    const store = createBoothStore();
    const state = () => store.getState();
    const near = { x: 100, y: 100, width: 60, height: 60 };
    const moved = { x: 110, y: 104, width: 64, height: 64 };
    // Seen before its first comparable shot, then embedded, then seen again elsewhere.
    state().sceneFrameProcessed('cam-rear', frameWithFace('r1', false, near, 1_000));
    state().sceneFrameProcessed('cam-rear', frameWithFace('r1', true, near, 1_200));
    state().sceneFrameProcessed('cam-rear', frameWithFace('r1', false, moved, 1_400));
    expect(state().trackSightings.r1).toEqual({ cameraId: 'cam-rear', firstMs: 1_000, firstBox: near, lastMs: 1_400, lastBox: moved, ended: false });
    // A track never embedded is sighted too; the worker ending a track marks it; a new vehicle keeps only those in view.
    state().sceneFrameProcessed('cam-rear', { ...frameWithFace('r2', false, moved, 1_600), endedTrackIds: ['r1'] });
    expect(state().trackSightings.r1?.ended).toBe(true);
    expect(state().trackSightings.r2).toMatchObject({ firstMs: 1_600, lastMs: 1_600, ended: false });
    state().laneSessionReceived(laneSession('s1', 'vehicle'));
    expect(Object.keys(state().trackSightings)).toEqual(['r2']);
    state().cameraSceneReceived({ cameraId: 'cam-rear', people: [], version: 3 });
    expect(state().trackSightings.r2?.ended).toBe(true);
  });

  it('the next person in front of a camera is a face of its own (the worker never reuses a track id): none of the earlier probes or best shot carry over', () => {
    const store = createBoothStore();
    const state = () => store.getState();
    const first = frameWithFace('cam-traveller:1a2b3c4d.1:1');
    state().sceneFrameProcessed('cam-traveller', { ...first, faces: first.faces.map((f) => ({ ...f, qualityScore: 0.99, bestShot: { mediaType: 'image/jpeg' as const, base64: 'AAAA' } })) });
    // Other people in front of the camera: the worker's tracker is reset and numbers the next traveller in a new generation.
    state().cameraSceneReceived({ cameraId: 'cam-traveller', people: [], version: 2 });
    const next = frameWithFace('cam-traveller:1a2b3c4d.2:1');
    state().sceneFrameProcessed('cam-traveller', { ...next, faces: next.faces.map((f) => ({ ...f, qualityScore: 0.5 })) });
    expect(state().sessionFaces['cam-traveller:1a2b3c4d.1:1']?.ended).toBe(true);
    const face = state().sessionFaces['cam-traveller:1a2b3c4d.2:1'];
    expect(face?.ended).toBe(false);
    expect(face?.probes.map((p) => p.score)).toEqual([0.5]);
    expect(face?.probes[0]?.embedding).toBe(next.faces[0]?.embedding);
    expect(face?.bestShot).toBeUndefined();
  });

  it('after a worker restart (a new tracker generation, same scene) the person still in the parked car keeps ONE card: the new track continues their face, probes and best shot', () => {
    const store = createBoothStore();
    const state = () => store.getState();
    const driver = { x: 100, y: 100, width: 120, height: 120 };
    const passenger = { x: 420, y: 110, width: 110, height: 110 };
    const before = frameWithFace('cam-driver:1a2b3c4d.1:1', true, driver);
    const passengerFace = frameWithFace('cam-driver:1a2b3c4d.1:2', true, passenger).faces[0]!;
    state().sceneFrameProcessed('cam-driver', { ...before, faces: [{ ...before.faces[0]!, qualityScore: 0.95, bestShot: { mediaType: 'image/jpeg' as const, base64: 'AAAA' } }, passengerFace] });
    // The worker crashed and was restarted: its tracker numbers under a new epoch; the driver sat still (a few pixels).
    const after = frameWithFace('cam-driver:9f8e7d6c.1:1', true, { ...driver, x: driver.x + 12 });
    state().sceneFrameProcessed('cam-driver', { ...after, faces: after.faces.map((f) => ({ ...f, qualityScore: 0.6 })) });
    expect(Object.keys(state().sessionFaces).sort()).toEqual(['cam-driver:1a2b3c4d.1:1', 'cam-driver:1a2b3c4d.1:2']);
    const face = state().sessionFaces['cam-driver:1a2b3c4d.1:1'];
    expect(face).toMatchObject({ ended: false, bestShot: { base64: 'AAAA' } });
    expect(face?.probes.map((p) => p.score)).toEqual([0.95, 0.6]);
    // The passenger's new track is not seen yet: their card waits (ended, as the tracker that saw them is gone).
    expect(state().sessionFaces['cam-driver:1a2b3c4d.1:2']?.ended).toBe(true);
    // Later frames of the new track, and its end, land on the same card; the passenger's new track continues theirs.
    state().sceneFrameProcessed('cam-driver', { ...frameWithFace('cam-driver:9f8e7d6c.1:2', true, passenger), endedTrackIds: ['cam-driver:9f8e7d6c.1:1'] });
    expect(Object.keys(state().sessionFaces).sort()).toEqual(['cam-driver:1a2b3c4d.1:1', 'cam-driver:1a2b3c4d.1:2']);
    expect(state().sessionFaces['cam-driver:1a2b3c4d.1:1']?.ended).toBe(true);
    expect(state().sessionFaces['cam-driver:1a2b3c4d.1:2']).toMatchObject({ ended: false });
    expect(state().sessionFaces['cam-driver:1a2b3c4d.1:2']?.probes).toHaveLength(2);
    // Sightings are the card's: the new tracks' boxes land on the faces they continue (seen again, not seen together).
    expect(state().trackSightings['cam-driver:1a2b3c4d.1:1']).toMatchObject({ lastBox: { ...driver, x: driver.x + 12 }, ended: true });
    expect(state().trackSightings['cam-driver:1a2b3c4d.1:2']).toMatchObject({ lastBox: passenger, ended: false });
  });

  it('after a worker restart a new track elsewhere in the picture (another seat), or after other people came in front of the camera, is a face of its own', () => {
    const store = createBoothStore();
    const state = () => store.getState();
    state().sceneFrameProcessed('cam-driver', frameWithFace('cam-driver:1a2b3c4d.1:1', true, { x: 100, y: 100, width: 120, height: 120 }));
    state().sceneFrameProcessed('cam-driver', frameWithFace('cam-driver:9f8e7d6c.1:1', true, { x: 400, y: 100, width: 120, height: 120 }));
    expect(Object.keys(state().sessionFaces).sort()).toEqual(['cam-driver:1a2b3c4d.1:1', 'cam-driver:9f8e7d6c.1:1']);
    // The same seat but much nearer the camera (twice the width): not the person who sat there.
    state().sceneFrameProcessed('cam-driver', frameWithFace('cam-driver:9f8e7d6c.1:2', true, { x: 80, y: 100, width: 260, height: 260 }));
    expect(Object.keys(state().sessionFaces)).toHaveLength(3);

    const scene = createBoothStore();
    scene.getState().sceneFrameProcessed('cam-traveller', frameWithFace('cam-traveller:1a2b3c4d.1:1'));
    scene.getState().cameraSceneReceived({ cameraId: 'cam-traveller', people: [], version: 2 });
    scene.getState().sceneFrameProcessed('cam-traveller', frameWithFace('cam-traveller:1a2b3c4d.2:1'));
    expect(Object.keys(scene.getState().sessionFaces).sort()).toEqual(['cam-traveller:1a2b3c4d.1:1', 'cam-traveller:1a2b3c4d.2:1']);
  });

  it('forgets a withdrawn scene: the camera shows its own video again', () => {
    const store = createBoothStore();
    const state = () => store.getState();
    state().cameraSceneReceived({ cameraId: 'cam-traveller', people: [], version: 1, note: 'no dataset' });
    expect(state().cameraScenes['cam-traveller']?.note).toBe('no dataset');
    state().sceneFrameProcessed('cam-traveller', frameWithFace('t1'));
    state().cameraSceneReceived({ cameraId: 'cam-traveller', people: [], version: 2, withdrawn: true });
    expect(state().cameraScenes['cam-traveller']).toBeUndefined();
    expect(state().sessionFaces.t1?.ended).toBe(true);
  });

  it('retries and turns the cameras on request', () => {
    const store = createBoothStore();
    store.getState().cameraRetried();
    store.getState().nextCameraSelected();
    store.getState().nextCameraSelected();
    expect(store.getState()).toMatchObject({ cameraAttempt: 1, cameraRotation: 2 });
  });

  it('selecting another occupant closes the reason picker', () => {
    const store = createBoothStore();
    store.getState().infoLoaded(boothInfo('vehicle'));
    store.getState().reasonRequested({ subject: 'vehicle', outcome: 'clear' });
    store.getState().occupantSelected(2);
    expect(store.getState()).toMatchObject({ selectedOccupant: 2, pendingReason: null });
  });
});
