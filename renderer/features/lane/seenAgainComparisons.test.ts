import { describe, expect, it } from 'vitest';
import { policyInForce } from '../../../app/policy/policySet';
import { shippedPolicies } from '../../../app/policy/testSupport/shippedPolicies';
import { createBoothStore } from '../../state/createBoothStore';
import { boothInfo, frameWithFace, laneSession } from '../../state/testSupport/laneFixtures';
import { decidingEmbedder, sessionInput } from './useLaneAssessment';
import { vehicleLaneCameras } from '../../../app/settings/boothSettings';
import { INTER_EYE_M, LaneCameraProjection } from '../../../app/scene/laneCameraGeometry';
import { SEAT_HEADS } from '../../../app/scene/vehicleApproach';

/**
 * The lane compares one track's face with another's only where the two may be one occupant seen again: one camera,
 * never seen in the same frame, the later picked up where the earlier was lost (app/inspection/faceSeenAgain.ts).
 */
describe('face-to-face comparisons of a vehicle\'s tracks', () => {
  const seat = { x: 1190, y: 520, width: 62, height: 62 };
  const elsewhere = { x: 840, y: 495, width: 60, height: 60 };
  const face = (values: number[]) => new Float32Array(values);

  function lane(laneType: 'vehicle' | 'air' = 'vehicle') {
    const store = createBoothStore();
    const state = () => store.getState();
    state().infoLoaded(boothInfo(laneType));
    state().laneSessionReceived(laneSession('s1', laneType));
    const seen = (cameraId: string, trackId: string, box: typeof seat, atMs: number, embedding: Float32Array) => {
      const frame = frameWithFace(trackId, true, box, atMs);
      state().sceneFrameProcessed(cameraId, { ...frame, faces: frame.faces.map((f) => ({ ...f, embedding })) });
    };
    const input = () => {
      const s = state();
      const policy = policyInForce(shippedPolicies, new Date());
      if (!s.laneSession || !policy) throw new Error('no session or no policy in force');
      return sessionInput(s.laneSession, s.sessionFaces, {}, [], [], 1e-3, policy, decidingEmbedder(s), undefined, s.trackSightings);
    };
    return { seen, input };
  }

  it('compares a track lost and one picked up in its seat (match or not), never two seen together, nor across cameras or seats', () => {
    const { seen, input } = lane();
    seen('cam-rear', 'lost', seat, 1_000, face([1, 0, 0]));
    seen('cam-rear', 'lost', seat, 2_000, face([1, 0.1, 0]));
    seen('cam-rear', 'again', { ...seat, x: seat.x - 30 }, 5_000, face([1, 0.05, 0]));
    // In view together with 'again' (another seat), and on the other camera at the same place.
    seen('cam-rear', 'behind', elsewhere, 5_000, face([0, 1, 0]));
    seen('cam-driver', 'front', seat, 3_000, face([1, 0, 0]));
    // Picked up where 'lost' was, but a different face: compared, and not a match.
    seen('cam-rear', 'stranger', seat, 9_000, face([0, 0, 1]));
    const comparisons = input().trackComparisons ?? [];
    const pairs = comparisons.map((c) => `${c.trackId}~${c.otherTrackId}:${c.match.decision}`).sort();
    expect(pairs).toEqual(['again~stranger:no_match', 'lost~again:match', 'lost~stranger:no_match']);
    // Each face carries its sightings into the session input.
    expect(input().faces.find((f) => f.trackId === 'lost')?.sighted).toEqual({ firstMs: 1_000, firstBox: seat, lastMs: 2_000, lastBox: seat });
  });

  it('compares two cameras\' tracks their geometry puts in one seat (the lane\'s cameras), not those in seats apart', () => {
    const store = createBoothStore();
    const state = () => store.getState();
    state().infoLoaded(boothInfo('vehicle'));
    state().laneSessionReceived(laneSession('s1', 'vehicle'));
    const cameras = vehicleLaneCameras;
    const headBox = (cameraId: string, seat: 'driver' | 'front-passenger', travelM: number) => {
      const geometry = cameras.find((c) => c.id === cameraId)?.geometry;
      if (!geometry) throw new Error(cameraId);
      const projection = new LaneCameraProjection(geometry);
      const head = SEAT_HEADS[seat];
      const p = projection.project({ x: head.x, y: head.y, z: head.z + geometry.stopLineDistanceM + travelM });
      const interEye = (projection.focal * INTER_EYE_M) / p.depth;
      return { x: p.u - 1.05 * interEye, y: p.v - 0.9 * interEye, width: 2.1 * interEye, height: 2.3 * interEye };
    };
    const seenOn = (cameraId: string, trackId: string, seat: 'driver' | 'front-passenger', embedding: Float32Array) => {
      for (const [atMs, travelM] of [[0, 8], [2_000, 0]] as const) {
        const frame = frameWithFace(trackId, true, headBox(cameraId, seat, travelM), atMs);
        state().sceneFrameProcessed(cameraId, { ...frame, faces: frame.faces.map((f) => ({ ...f, embedding })) });
      }
    };
    seenOn('cam-driver', 'driver-own', 'driver', face([1, 0, 0]));
    seenOn('cam-rear-left', 'driver-rear', 'driver', face([1, 0.05, 0]));
    seenOn('cam-rear-right', 'passenger-rear', 'front-passenger', face([1, 0, 0]));
    const s = state();
    const policy = policyInForce(shippedPolicies, new Date());
    if (!s.laneSession || !policy) throw new Error('no session or no policy in force');
    const input = sessionInput(s.laneSession, s.sessionFaces, {}, cameras, [], 1e-3, policy, decidingEmbedder(s), undefined, s.trackSightings);
    expect((input.trackComparisons ?? []).map((c) => `${c.trackId}~${c.otherTrackId}:${c.match.decision}`)).toEqual(['driver-own~driver-rear:match']);
    expect(input.faces.find((f) => f.trackId === 'driver-own')?.seatFits?.some((k) => k.startsWith('driver@'))).toBe(true);
  });

  it('makes none at a one-traveller booth', () => {
    const { seen, input } = lane('air');
    seen('cam-traveller', 'lost', seat, 1_000, face([1, 0, 0]));
    seen('cam-traveller', 'again', seat, 5_000, face([1, 0, 0]));
    expect(input().trackComparisons).toBeUndefined();
  });
});
