import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify, type MatchResult } from '../biometrics/faceMatching';
import { embedderManifestSchema } from '../biometrics/modelManifest';
import { gaussianEmbedding, scriptedVehicleSession } from '../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import { vehicleLaneLayout } from '../scene/laneCameraLayout';
import { INTER_EYE_M, LaneCameraProjection } from '../scene/laneCameraGeometry';
import { SEAT_HEADS, type Seat } from '../scene/vehicleApproach';
import { assembleVehicleSession, facesSeenIn } from './assembleVehicleSession';
import { evaluateVehicleSession } from './evaluateVehicleSession';
import { faceOnAnotherCamera, mayBeOnePersonOnTwoCameras } from './faceOnTwoCameras';
import { DECISIVE_FMR_RATIO, occupantTracks } from './occupantTracks';
import { SeatPaths } from './seatOfTrack';
import type { SeatFace, TrackComparison, TrackSighting, VehicleSessionInput } from './vehicleSessionInput';

/**
 * One person seen by two cameras (issue #15): the lane's default cameras (driver side, rear left, rear right), the
 * faces' boxes where each camera's geometry puts a seat's head (the scene renderer's box for a face there).
 */
const cameras = vehicleLaneLayout('sides', 'cam-');
const cameraOf = (id: string) => cameras.find((c) => c.id === id) ?? (cameras[0] as (typeof cameras)[number]);
const boxOf = (cameraId: string, seat: Seat, travelM: number, laneOffsetM = 0) => {
  const { geometry } = cameraOf(cameraId);
  const projection = new LaneCameraProjection(geometry);
  const head = SEAT_HEADS[seat];
  const p = projection.project({ x: head.x + laneOffsetM, y: head.y, z: head.z + geometry.stopLineDistanceM + travelM });
  const interEye = (projection.focal * INTER_EYE_M) / p.depth;
  return { x: p.u - 1.05 * interEye, y: p.v - 0.9 * interEye, width: 2.1 * interEye, height: 2.3 * interEye };
};
const sightingOf = (cameraId: string, seat: Seat, fromM = 8, toM = 0, laneOffsetM = 0): TrackSighting => ({ firstMs: 0, firstBox: boxOf(cameraId, seat, fromM, laneOffsetM), lastMs: 2_000, lastBox: boxOf(cameraId, seat, toM, laneOffsetM) });
const seatFace = (trackId: string, cameraId: string, sighted: TrackSighting | undefined): SeatFace => ({
  trackId,
  cameraId,
  cameraPosition: cameraOf(cameraId).position,
  bestShotEmbeddingId: `${trackId}#best`,
  ...(sighted ? { sighted, seatFits: [...new SeatPaths(cameraOf(cameraId).geometry).fits(sighted)].sort() } : {}),
});
const result = (decision: MatchResult['decision']): MatchResult => ({
  modelId: 'm',
  modelVersion: '1',
  calibrationVersion: 'c',
  targetFmr: 1e-3,
  threshold: 0.335,
  decision,
  score: decision === 'match' ? 0.7 : 0.05,
  falseMatchRate: { fmr: decision === 'match' ? 1e-5 : 0.1, bound: false, text: '' },
  bestReference: 0,
  comparisons: 1,
});
const compared = (trackId: string, otherTrackId: string, decision: MatchResult['decision'] = 'match'): TrackComparison => ({ trackId, otherTrackId, match: result(decision) });

describe('which seats a track is in, from its camera\'s geometry', () => {
  it('a face on a seat\'s path fits that seat, at the lane offset the car drives at, on every camera', () => {
    for (const camera of cameras) {
      const paths = new SeatPaths(camera.geometry);
      for (const seat of ['driver', 'front-passenger', 'second-left', 'second-middle', 'second-right', 'third-left', 'third-right'] as const) {
        for (const offset of [-0.2, 0, 0.1]) expect(paths.seatsOf(sightingOf(camera.id, seat, 9, 0, offset)).has(seat)).toBe(true);
      }
    }
  });

  it('a box off every seat\'s path, of a size no seat has there, or empty fits none', () => {
    const paths = new SeatPaths(cameraOf('cam-driver').geometry);
    const corner = { x: 0, y: 0, width: 60, height: 60 };
    expect(paths.fits({ firstBox: corner, lastBox: corner }).size).toBe(0);
    const driver = boxOf('cam-driver', 'driver', 0);
    const huge = { ...driver, x: driver.x - 1.5 * driver.width, y: driver.y - 1.5 * driver.height, width: driver.width * 4, height: driver.height * 4 };
    expect(paths.seatsOf({ firstBox: huge, lastBox: huge }).has('driver')).toBe(false);
    expect(paths.fits({ firstBox: { ...driver, width: 0 }, lastBox: driver }).size).toBe(0);
  });

  it('two cameras\' tracks of one seat share it; of seats in different columns (left, middle, right) they share none', () => {
    const left = seatFace('cam-rear-left:1', 'cam-rear-left', sightingOf('cam-rear-left', 'front-passenger'));
    const right = seatFace('cam-rear-right:1', 'cam-rear-right', sightingOf('cam-rear-right', 'front-passenger', 6, 0));
    expect(mayBeOnePersonOnTwoCameras(left, right)).toBe(true);
    const driverSide = seatFace('cam-driver:1', 'cam-driver', sightingOf('cam-driver', 'driver'));
    expect(mayBeOnePersonOnTwoCameras(driverSide, right)).toBe(false);
    expect(mayBeOnePersonOnTwoCameras(seatFace('cam-rear-left:2', 'cam-rear-left', sightingOf('cam-rear-left', 'second-middle')), seatFace('cam-rear-right:2', 'cam-rear-right', sightingOf('cam-rear-right', 'second-right')))).toBe(false);
    // One camera: never (faceSeenAgain.ts's question); no geometry known: never.
    expect(mayBeOnePersonOnTwoCameras(left, { cameraId: left.cameraId, seatFits: left.seatFits ?? [] })).toBe(false);
    expect(mayBeOnePersonOnTwoCameras(seatFace('x', 'cam-rear-left', undefined), right)).toBe(false);
    expect(mayBeOnePersonOnTwoCameras(right, seatFace('x', 'cam-rear-left', undefined))).toBe(false);
  });

  it('the car drives at one offset for both cameras: seats fitted only at different offsets are not shared', () => {
    const a = { cameraId: 'a', seatFits: ['driver@0'] };
    expect(mayBeOnePersonOnTwoCameras(a, { cameraId: 'b', seatFits: ['driver@6'] })).toBe(false);
    expect(mayBeOnePersonOnTwoCameras(a, { cameraId: 'b', seatFits: ['second-left@0', 'driver@0'] })).toBe(true);
    expect(mayBeOnePersonOnTwoCameras(a, { cameraId: 'b', seatFits: [] })).toBe(false);
  });
});

describe('a face seen by two cameras (the rule)', () => {
  const driverOwn = seatFace('cam-driver:1', 'cam-driver', sightingOf('cam-driver', 'driver'));
  const driverFromRear = seatFace('cam-rear-left:4', 'cam-rear-left', sightingOf('cam-rear-left', 'driver', 7, 0));

  it('is the kept face of another camera in the same seat whose face matches it', () => {
    expect(faceOnAnotherCamera(driverFromRear, [driverOwn], [compared('cam-driver:1', 'cam-rear-left:4')])).toBe(driverOwn);
    // Either track may be the probe.
    expect(faceOnAnotherCamera(driverFromRear, [driverOwn], [compared('cam-rear-left:4', 'cam-driver:1')])).toBe(driverOwn);
  });

  it('faces that do not match each other are two people, whatever seat they share', () => {
    expect(faceOnAnotherCamera(driverFromRear, [driverOwn], [compared('cam-driver:1', 'cam-rear-left:4', 'no_match')])).toBeUndefined();
    expect(faceOnAnotherCamera(driverFromRear, [driverOwn], [])).toBeUndefined();
    // A comparison of other tracks does not count.
    expect(faceOnAnotherCamera(driverFromRear, [driverOwn], [compared('cam-driver:1', 'cam-rear-left:9'), compared('cam-rear-left:9', 'cam-rear-left:4')])).toBeUndefined();
  });

  it('matching faces in different seats are two people (look-alikes, twins)', () => {
    const passengerFromRear = seatFace('cam-rear-right:2', 'cam-rear-right', sightingOf('cam-rear-right', 'front-passenger'));
    expect(faceOnAnotherCamera(passengerFromRear, [driverOwn], [compared('cam-driver:1', 'cam-rear-right:2')])).toBeUndefined();
  });

  it('two tracks of one camera are never this rule\'s, nor a track its own', () => {
    const sameCamera = seatFace('cam-driver:2', 'cam-driver', sightingOf('cam-driver', 'driver'));
    expect(faceOnAnotherCamera(sameCamera, [driverOwn], [compared('cam-driver:1', 'cam-driver:2')])).toBeUndefined();
    expect(faceOnAnotherCamera(driverOwn, [driverOwn], [compared('cam-driver:1', 'cam-driver:1')])).toBeUndefined();
  });

  it('two candidates: nothing is assumed', () => {
    const driverFromRight = seatFace('cam-rear-right:5', 'cam-rear-right', sightingOf('cam-rear-right', 'driver'));
    const comparisons = [compared('cam-driver:1', 'cam-rear-left:4'), compared('cam-rear-right:5', 'cam-rear-left:4')];
    expect(faceOnAnotherCamera(driverFromRear, [driverOwn, driverFromRight], comparisons)).toBeUndefined();
    expect(faceOnAnotherCamera(driverFromRear, [driverOwn, driverFromRight], comparisons.slice(0, 1))).toBe(driverOwn);
  });

  it('occupantTracks: a matched face\'s other-camera track is its occupant\'s; among the unmatched, one person on two cameras is one', () => {
    const stranger = seatFace('cam-driver:7', 'cam-driver', sightingOf('cam-driver', 'front-passenger'));
    const strangerFromRear = seatFace('cam-rear-right:7', 'cam-rear-right', sightingOf('cam-rear-right', 'front-passenger'));
    const { kept, seenAgain } = occupantTracks([driverFromRear, stranger, strangerFromRear], [driverOwn], [compared('cam-driver:1', 'cam-rear-left:4'), compared('cam-rear-right:7', 'cam-driver:7')]);
    expect(kept.map((f) => f.trackId)).toEqual(['cam-driver:7']);
    expect(Object.fromEntries([...seenAgain].map(([k, v]) => [k, v.map((f) => f.trackId)]))).toEqual({ 'cam-driver:1': ['cam-rear-left:4'], 'cam-driver:7': ['cam-rear-right:7'] });
    // Without the face-to-face comparisons every track is a person.
    expect(occupantTracks([driverFromRear, stranger, strangerFromRear], [driverOwn], []).kept).toHaveLength(3);
  });

  it('occupantTracks: an occupant is every track joined to them (a face joins through any of them), never a face in view with one of them on its camera', () => {
    // The driver on the right rear camera compares only with their left rear track, which joined them first.
    const driverFromRight = seatFace('cam-rear-right:5', 'cam-rear-right', sightingOf('cam-rear-right', 'driver'));
    const chained = occupantTracks([driverFromRight, driverFromRear], [driverOwn], [compared('cam-driver:1', 'cam-rear-left:4'), compared('cam-rear-left:4', 'cam-rear-right:5')]);
    expect(chained.kept).toEqual([]);
    expect(chained.seenAgain.get('cam-driver:1')?.map((f) => f.trackId)).toEqual(['cam-rear-left:4', 'cam-rear-right:5']);
    // A second face on the left rear camera at the same time as the driver's joined track is someone else, however alike.
    const alongside = seatFace('cam-rear-left:6', 'cam-rear-left', sightingOf('cam-rear-left', 'driver'));
    const together = occupantTracks([driverFromRear, alongside], [driverOwn], [compared('cam-driver:1', 'cam-rear-left:4'), compared('cam-driver:1', 'cam-rear-left:6')]);
    expect(together.kept.map((f) => f.trackId)).toEqual(['cam-rear-left:6']);
    // Two occupants it qualifies with: nothing is assumed.
    const twin = seatFace('cam-driver:8', 'cam-driver', { ...sightingOf('cam-driver', 'driver'), firstMs: 3_000, lastMs: 4_000 });
    const both = occupantTracks([driverFromRear], [driverOwn, twin], [compared('cam-driver:1', 'cam-rear-left:4'), compared('cam-driver:8', 'cam-rear-left:4')]);
    expect(both.kept.map((f) => f.trackId)).toEqual(['cam-rear-left:4']);
    expect(both.seenAgain.size).toBe(0);
  });

  it('occupantTracks: a face that qualifies with two occupants joins the one it matches at least DECISIVE_FMR_RATIO times more surely, never otherwise', () => {
    // Measured on the vehicle eval: the passenger's track on the driver-side camera matched the passenger's tracks at
    // 0.99 (below 1 in 30,000,000) and the second-right occupant's, in the same seat column, at 0.42 (1 in 13,000).
    const passenger = seatFace('cam-rear-right:4', 'cam-rear-right', sightingOf('cam-rear-right', 'front-passenger'));
    const behind = seatFace('cam-rear-right:2', 'cam-rear-right', { ...sightingOf('cam-rear-right', 'second-right'), firstMs: 3_000, lastMs: 4_000 });
    const passengerOnDriverCamera = seatFace('cam-driver:4', 'cam-driver', sightingOf('cam-driver', 'front-passenger'));
    const at = (otherTrackId: string, fmr: number): TrackComparison => ({ trackId: 'cam-driver:4', otherTrackId, match: { ...result('match'), falseMatchRate: { fmr, bound: false, text: '' } } });
    const joinedTo = (toPassenger: number, toBehind: number) => {
      const { kept, seenAgain } = occupantTracks([passengerOnDriverCamera], [passenger, behind], [at('cam-rear-right:4', toPassenger), at('cam-rear-right:2', toBehind)]);
      return kept.length > 0 ? 'nobody' : [...seenAgain.keys()][0];
    };
    expect(joinedTo(3.4e-8, 7.5e-5)).toBe('cam-rear-right:4');
    // Either way round: the more surely matched occupant, whichever it is.
    expect(joinedTo(7.5e-5, 3.4e-8)).toBe('cam-rear-right:2');
    // At the ratio exactly it joins; any less sure (0.99 against 0.48: 260 times) it joins no one.
    expect(joinedTo(1e-8, 1e-8 * DECISIVE_FMR_RATIO)).toBe('cam-rear-right:4');
    expect(joinedTo(1e-8, 0.999e-8 * DECISIVE_FMR_RATIO)).toBe('nobody');
    expect(joinedTo(3.4e-8, 8.8e-6)).toBe('nobody');
    // Both at the calibration's floor: never told apart.
    expect(joinedTo(3.4e-8, 3.4e-8)).toBe('nobody');
    // Two matches whose rate could not be measured (no calibrated rate: infinite) are never told apart either.
    expect(joinedTo(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe('nobody');
    // However decisive, never an occupant with a track of its own camera in view at the same time.
    const alongside = seatFace('cam-driver:9', 'cam-driver', sightingOf('cam-driver', 'front-passenger'));
    const withAlongside = occupantTracks([alongside, passengerOnDriverCamera], [passenger], [at('cam-rear-right:4', 3.4e-8), { trackId: 'cam-driver:9', otherTrackId: 'cam-rear-right:4', match: { ...result('match'), falseMatchRate: { fmr: 3.4e-8, bound: true, text: '' } } }]);
    // The first face seen joins; the second, in view with it on the driver-side camera, is someone else.
    expect(withAlongside.kept.map((f) => f.trackId)).toEqual(['cam-driver:4']);
  });
});

describe('a face seen by two cameras in the assembled vehicle', () => {
  const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
  const now = new Date('2026-11-23T10:00:00Z');
  const clock = { now: () => now };
  const policy = { targetFmr: 1e-3 };
  const sameFace = verify([gaussianEmbedding(41, model.outputSize)], [gaussianEmbedding(41, model.outputSize)], model, policy);
  const otherFace = verify([gaussianEmbedding(41, model.outputSize)], [gaussianEmbedding(42, model.outputSize)], model, policy);

  /**
   * Three people aboard with papers, the third hidden for the whole approach (no face); the second occupant (track-2,
   * matched, on the driver-side camera in the front passenger's seat) is also seen by the right rear camera through the
   * windshield as track-3, whose face matches no papers here (the scripted impostor's face).
   */
  function seenByTwoCameras(faceToFace: MatchResult | undefined, seatOfExtra: Seat = 'front-passenger', impostors: readonly number[] = [2]): VehicleSessionInput {
    const input = scriptedVehicleSession({ now, model, impostors: [...impostors] });
    const faces = input.faces.map((f) =>
      f.trackId === 'track-2' ? { ...seatFace('track-2', 'cam-driver', sightingOf('cam-driver', 'front-passenger')), trackId: 'track-2', bestShotEmbeddingId: f.bestShotEmbeddingId }
        : f.trackId === 'track-3' ? { ...seatFace('track-3', 'cam-rear-right', sightingOf('cam-rear-right', seatOfExtra)), bestShotEmbeddingId: f.bestShotEmbeddingId }
          : f,
    );
    return { ...input, faces, ...(faceToFace ? { trackComparisons: [{ trackId: 'track-3', otherTrackId: 'track-2', match: faceToFace }] } : {}) };
  }

  it('is one occupant: the hidden traveller\'s papers stay "no face seen", and the record names both tracks', () => {
    const session = assembleVehicleSession(seenByTwoCameras(sameFace), clock);
    expect(session.occupants.map((o) => o.status)).toEqual(['matched', 'matched', 'identity_without_face']);
    const second = session.occupants.find((o) => o.face?.trackId === 'track-2');
    expect(second?.seenAgain?.map((f) => [f.trackId, f.cameraId])).toEqual([['track-3', 'cam-rear-right']]);
    expect(facesSeenIn(session)).toBe(2);
    const reason = evaluateVehicleSession(session, clock).occupants.find((o) => o.subject.kind === 'occupant' && o.subject.occupantId === 'track-2')?.reasons.find((r) => r.code === 'face_matched');
    expect(reason?.evidence[1]).toEqual({ kind: 'faces_seen', trackIds: ['track-2', 'track-3'] });
  });

  it('without a face match, or in another seat, it stays a person of its own (a mismatch on the papers left)', () => {
    for (const input of [seenByTwoCameras(otherFace), seenByTwoCameras(undefined), seenByTwoCameras(sameFace, 'driver')]) {
      const session = assembleVehicleSession(input, clock);
      expect(session.occupants.map((o) => o.status).sort()).toEqual(['face_mismatch', 'matched', 'matched']);
      expect(session.occupants.some((o) => o.seenAgain)).toBe(false);
    }
  });

  it('a face matching the papers of the occupant in its seat (another camera, no face-to-face comparison) is that occupant\'s too', () => {
    const input = seenByTwoCameras(undefined);
    const papers = assembleVehicleSession(input, clock).occupants.find((o) => o.face?.trackId === 'track-2')?.identity?.key;
    const matchesTheirPapers = { ...input, comparisons: input.comparisons.map((c) => (c.trackId === 'track-3' && c.identityKey === papers ? { ...c, match: sameFace } : c)) };
    const session = assembleVehicleSession(matchesTheirPapers, clock);
    expect(session.occupants.map((o) => o.status)).toEqual(['matched', 'matched', 'identity_without_face']);
    const tracks = session.occupants.map((o) => [o.face?.trackId, ...(o.seenAgain ?? []).map((f) => f.trackId)].filter(Boolean).sort().join('+'));
    expect(tracks).toContain('track-2+track-3');
    // In another seat it stays a person of its own.
    const elsewhere = { ...matchesTheirPapers, faces: seenByTwoCameras(undefined, 'driver').faces };
    expect(assembleVehicleSession(elsewhere, clock).occupants.some((o) => o.seenAgain)).toBe(false);
  });

  it('an impostor seen by two cameras is one mismatch, never a match', () => {
    // track-2 (impostor 1: matches no papers) and track-3 (impostor 2) are one person on two cameras.
    const session = assembleVehicleSession(seenByTwoCameras(sameFace, 'front-passenger', [1, 2]), clock);
    expect(session.occupants.map((o) => o.status).sort()).toEqual(['face_mismatch', 'identity_without_face', 'matched']);
    const mismatch = session.occupants.find((o) => o.status === 'face_mismatch');
    expect([mismatch?.face?.trackId, ...(mismatch?.seenAgain ?? []).map((f) => f.trackId)].sort()).toEqual(['track-2', 'track-3']);
    expect(session.flags.find((f) => f.code === 'face_mismatch')?.evidence[0]).toEqual({ kind: 'faces_seen', trackIds: [mismatch?.face?.trackId, ...(mismatch?.seenAgain ?? []).map((f) => f.trackId)] });
  });

  it('at a one-traveller booth no track is joined', () => {
    const air = assembleVehicleSession({ ...seenByTwoCameras(sameFace), laneType: 'air' }, clock);
    expect(air.occupants.some((o) => o.seenAgain)).toBe(false);
  });
});
