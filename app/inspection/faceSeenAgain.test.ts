import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify, type MatchResult } from '../biometrics/faceMatching';
import { embedderManifestSchema } from '../biometrics/modelManifest';
import { gaussianEmbedding, scriptedVehicleSession } from '../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import { assembleVehicleSession, facesSeenIn } from './assembleVehicleSession';
import { evaluateVehicleSession } from './evaluateVehicleSession';
import { faceSeenAgain, oneAfterTheOther } from './faceSeenAgain';
import type { SeatFace, TrackComparison, TrackSighting, VehicleSessionInput } from './vehicleSessionInput';

/**
 * Real boxes of a real split (the vision worker through the harness, the e2e's slow car: seed simulated-vehicle-5,
 * day, 14 s approach, 60 s standing, every 10th frame): Sarah's face in the second-right seat, half hidden behind the
 * front headrest, was found in fewer than half the frames, lost for 4 s after frame 420 (track 3, last box) and picked
 * up as a new track at frame 480 (track 4, first box). The two tracks' fused faces scored 0.933 against each other
 * (threshold 0.335 at FMR 1e-3); both matched her papers (0.471, 0.472), only one can have them: the other was the
 * sixth card.
 */
const lost = { x: 1183, y: 527, width: 69, height: 69 };
const foundAgain = { x: 1163, y: 534, width: 73, height: 73 };
/** The third-left seat on the same camera, in the same run (another person). */
const thirdLeft = { x: 844, y: 497, width: 60, height: 60 };

const sighting = (firstMs: number, lastMs: number, firstBox = lost, lastBox = firstBox): TrackSighting => ({ firstMs, firstBox, lastMs, lastBox });
const face = (trackId: string, sighted: TrackSighting | undefined, cameraId = 'cam-rear'): SeatFace => ({ trackId, cameraId, cameraPosition: 'rear', bestShotEmbeddingId: `${trackId}#best`, ...(sighted ? { sighted } : {}) });
const result = (decision: MatchResult['decision'], score: number): MatchResult => ({
  modelId: 'm',
  modelVersion: '1',
  calibrationVersion: 'c',
  targetFmr: 1e-3,
  threshold: 0.335,
  decision,
  score,
  falseMatchRate: { fmr: decision === 'match' ? 1e-5 : 0.1, bound: false, text: '' },
  bestReference: 0,
  comparisons: 1,
});
const compared = (trackId: string, otherTrackId: string, decision: MatchResult['decision'] = 'match'): TrackComparison => ({ trackId, otherTrackId, match: result(decision, decision === 'match' ? 0.62 : 0.05) });

describe('a face track seen again (one occupant, two tracks)', () => {
  const matched = face('rear:1', sighting(12_000, 28_000, lost, lost));
  const again = face('rear:2', sighting(32_000, 50_000, foundAgain, foundAgain));

  it('is the matched occupant when it was picked up where they were lost, never seen with them, and its face matches theirs', () => {
    expect(faceSeenAgain(again, [matched], [compared('rear:1', 'rear:2')])).toBe(matched);
    // Either track may be the probe of the comparison; either may come first.
    expect(faceSeenAgain(again, [matched], [compared('rear:2', 'rear:1')])).toBe(matched);
    const before = face('rear:0', sighting(5_000, 9_000, foundAgain, foundAgain));
    expect(faceSeenAgain(before, [matched], [compared('rear:1', 'rear:0')])).toBe(matched);
  });

  it('two tracks seen in the same frame are two people, however alike their faces', () => {
    const together = face('rear:2', sighting(28_000, 50_000, foundAgain));
    expect(faceSeenAgain(together, [matched], [compared('rear:1', 'rear:2')])).toBeUndefined();
    expect(oneAfterTheOther(sighting(0, 100), sighting(50, 200))).toBe(false);
    expect(oneAfterTheOther(sighting(0, 100), sighting(100, 200))).toBe(false);
    expect(oneAfterTheOther(sighting(0, 100), sighting(101, 200))).toBe(true);
  });

  it('a face that does not match the matched face is a person of their own (someone else in that seat, an impostor)', () => {
    expect(faceSeenAgain(again, [matched], [compared('rear:1', 'rear:2', 'no_match')])).toBeUndefined();
    // Not compared at all: nothing is assumed.
    expect(faceSeenAgain(again, [matched], [])).toBeUndefined();
  });

  it('a face found elsewhere (another seat, another camera, another size) is not the one lost', () => {
    expect(faceSeenAgain(face('rear:2', sighting(32_000, 50_000, thirdLeft)), [matched], [compared('rear:1', 'rear:2')])).toBeUndefined();
    expect(faceSeenAgain(face('driver:2', sighting(32_000, 50_000, foundAgain), 'cam-driver'), [matched], [compared('rear:1', 'driver:2')])).toBeUndefined();
    const twiceTheSize = { ...foundAgain, width: 140, height: 140 };
    expect(faceSeenAgain(face('rear:2', sighting(32_000, 50_000, twiceTheSize)), [matched], [compared('rear:1', 'rear:2')])).toBeUndefined();
    // No sightings known: nothing is assumed.
    expect(faceSeenAgain(face('rear:2', undefined), [matched], [compared('rear:1', 'rear:2')])).toBeUndefined();
  });

  it('two matched occupants it could continue: it is taken for neither', () => {
    const other = face('rear:3', sighting(5_000, 9_000, { ...lost, x: lost.x + 20 }));
    expect(faceSeenAgain(again, [matched, other], [compared('rear:1', 'rear:2'), compared('rear:3', 'rear:2')])).toBeUndefined();
    expect(faceSeenAgain(again, [matched, other], [compared('rear:1', 'rear:2'), compared('rear:3', 'rear:2', 'no_match')])).toBe(matched);
  });

  it('"where it was lost" is within 1.5 face widths, centre to centre, in any direction, measured with the larger face', () => {
    const at = (x: number, y: number, width = 40, height = width) => ({ x, y, width, height });
    const picked = (lostBox: ReturnType<typeof at>, foundBox: ReturnType<typeof at>) => oneAfterTheOther(sighting(0, 100, lostBox, lostBox), sighting(200, 300, foundBox, foundBox));
    // 1.5 widths of a 40 px face: 60 px, to the right, left, below, above, diagonally (36, 48).
    expect(picked(at(100, 100), at(160, 100))).toBe(true);
    expect(picked(at(100, 100), at(161, 100))).toBe(false);
    expect(picked(at(100, 100), at(40, 100))).toBe(true);
    expect(picked(at(100, 100), at(39, 100))).toBe(false);
    expect(picked(at(100, 100), at(100, 160))).toBe(true);
    expect(picked(at(100, 100), at(100, 161))).toBe(false);
    expect(picked(at(100, 100), at(100, 39))).toBe(false);
    expect(picked(at(100, 100), at(136, 148))).toBe(true);
    expect(picked(at(100, 100), at(137, 148))).toBe(false);
    // Centres, not corners: a face twice as wide whose box starts 40 px to the left has the same centre.
    expect(picked(at(100, 100), at(80, 80, 80))).toBe(true);
    expect(picked(at(80, 80, 80), at(100, 100))).toBe(true);
    // The larger face's width: 80 px found 120 px from a 40 px face lost (centres) is still the seat (1.5 × 80).
    expect(picked(at(100, 100), at(200, 80, 80))).toBe(true);
    expect(picked(at(100, 100), at(201, 80, 80))).toBe(false);
    expect(picked(at(200, 80, 80), at(100, 100))).toBe(true);
    // Heights place the centres too (a taller box found at the same top is lower).
    expect(picked(at(100, 100, 40, 40), at(100, 40, 40, 160))).toBe(true);
    expect(picked(at(100, 100, 40, 120), at(100, 140, 40, 40))).toBe(true);
    expect(picked(at(100, 100, 40, 40), at(100, 0, 40, 40))).toBe(false);
    // Which box is the earlier one's last and which the later one's first.
    const moved = oneAfterTheOther(sighting(0, 100, at(0, 0), at(100, 100)), sighting(200, 300, at(150, 100), at(900, 900)));
    expect(moved).toBe(true);
    expect(oneAfterTheOther(sighting(200, 300, at(150, 100), at(900, 900)), sighting(0, 100, at(0, 0), at(100, 100)))).toBe(true);
    expect(oneAfterTheOther(sighting(0, 100, at(100, 100), at(0, 0)), sighting(200, 300, at(900, 900), at(150, 100)))).toBe(false);
  });

  it('"about the same size" is up to twice the width either way; a box without width is no face', () => {
    const box = (width: number) => ({ x: 100, y: 100, width, height: width });
    const sized = (a: number, b: number) => oneAfterTheOther(sighting(0, 100, box(a), box(a)), sighting(200, 300, box(b), box(b)));
    expect(sized(40, 80)).toBe(true);
    expect(sized(40, 81)).toBe(false);
    expect(sized(80, 40)).toBe(true);
    expect(sized(81, 40)).toBe(false);
    expect(sized(40, 40)).toBe(true);
    expect(sized(0, 0)).toBe(false);
    expect(sized(40, 0)).toBe(false);
    expect(sized(Number.NaN, 40)).toBe(false);
  });

  it('the rules are the policy given: other distances and sizes', () => {
    const box = (x: number, width = 40) => ({ x, y: 100, width, height: width });
    const strict = { maxShiftWidths: 0.5, maxSizeRatio: 1.25 };
    expect(oneAfterTheOther(sighting(0, 100, box(100)), sighting(200, 300, box(120)), strict)).toBe(true);
    expect(oneAfterTheOther(sighting(0, 100, box(100)), sighting(200, 300, box(121)), strict)).toBe(false);
    expect(oneAfterTheOther(sighting(0, 100, box(100)), sighting(200, 300, box(100, 50)), strict)).toBe(true);
    expect(oneAfterTheOther(sighting(0, 100, box(100)), sighting(200, 300, box(100, 51)), strict)).toBe(false);
    const strictPair = [face('rear:1', sighting(0, 100, box(100))), face('rear:2', sighting(200, 300, box(121)))] as const;
    expect(faceSeenAgain(strictPair[1], [strictPair[0]], [compared('rear:1', 'rear:2')])).toBe(strictPair[0]);
    expect(faceSeenAgain(strictPair[1], [strictPair[0]], [compared('rear:1', 'rear:2')], strict)).toBeUndefined();
  });

  it('only a comparison of these two tracks counts, and only a match', () => {
    const third = 'rear:9';
    expect(faceSeenAgain(again, [matched], [compared('rear:1', third), compared(third, 'rear:2')])).toBeUndefined();
    expect(faceSeenAgain(again, [matched], [compared('rear:2', third), compared(third, 'rear:1')])).toBeUndefined();
    expect(faceSeenAgain(again, [matched], [compared('rear:1', 'rear:2', 'no_match'), compared('rear:2', 'rear:1', 'no_match')])).toBeUndefined();
    expect(faceSeenAgain(again, [matched], [compared(third, third), compared('rear:1', 'rear:2')])).toBe(matched);
    // No matched face at all.
    expect(faceSeenAgain(again, [], [compared('rear:1', 'rear:2')])).toBeUndefined();
    // The matched face with no sightings known.
    expect(faceSeenAgain(again, [face('rear:1', undefined)], [compared('rear:1', 'rear:2')])).toBeUndefined();
  });

  it('a track is never its own continuation', () => {
    expect(faceSeenAgain(matched, [matched], [compared('rear:1', 'rear:1')])).toBeUndefined();
  });
});

describe('a face seen again in the assembled vehicle', () => {
  const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
  const now = new Date('2026-11-23T10:00:00Z');
  const clock = { now: () => now };
  const policy = { targetFmr: 1e-3 };
  // The real matcher on synthetic faces: one person's two tracks (two shots of one face), and two different people.
  const sameFace = verify([gaussianEmbedding(41, model.outputSize)], [gaussianEmbedding(41, model.outputSize)], model, policy);
  const otherFace = verify([gaussianEmbedding(41, model.outputSize)], [gaussianEmbedding(42, model.outputSize)], model, policy);

  /**
   * The e2e's third-row case: three people aboard with papers, the third hidden for the whole approach, so their
   * papers have no face; the second occupant's face (track-2, matched) is lost behind the seat ahead and picked up
   * again as track-3, a half face that matches no papers (the scripted impostor's face: no_match with everyone).
   */
  function secondOccupantSeenAgain(faceToFace: MatchResult | undefined, secondSeen: TrackSighting, againSeen: TrackSighting): VehicleSessionInput {
    const input = scriptedVehicleSession({ now, model, impostors: [2] });
    const camera = input.faces[1]?.cameraId ?? '';
    const faces = input.faces.map((f) => (f.trackId === 'track-2' ? { ...f, sighted: secondSeen } : f.trackId === 'track-3' ? { ...f, cameraId: camera, cameraPosition: 'driver' as const, sighted: againSeen } : f));
    return { ...input, faces, ...(faceToFace ? { trackComparisons: [{ trackId: 'track-3', otherTrackId: 'track-2', match: faceToFace }] } : {}) };
  }
  const secondSeen = sighting(1_000, 4_000, lost, lost);
  const againSeen = sighting(6_500, 9_000, foundAgain, foundAgain);

  it('is no one else: the hidden traveller\'s papers stay "no face seen", never a face mismatch, and the occupant keeps it as evidence', () => {
    const session = assembleVehicleSession(secondOccupantSeenAgain(sameFace, secondSeen, againSeen), clock);
    expect(session.occupants.map((o) => o.status)).toEqual(['matched', 'matched', 'identity_without_face']);
    const second = session.occupants.find((o) => o.face?.trackId === 'track-2');
    expect(second?.status).toBe('matched');
    expect(second?.seenAgain?.map((f) => f.trackId)).toEqual(['track-3']);
    // Still matched on its own comparison only: the track seen again made no match.
    expect(second?.match?.decision).toBe('match');
    // Three cards and two people seen (the hidden traveller's face is not the second occupant's seen again).
    expect(session.flags.map((f) => f.code)).toEqual(['rfid_count_mismatch', 'unmatched_document']);
    expect(session.flags[0]?.message).toBe('3 RFID card(s) read, 2 face(s) seen');
    expect(facesSeenIn(session)).toBe(2);
    // The decision's record names both tracks of the occupant's face, beside the comparison that matched.
    const matchedReason = evaluateVehicleSession(session, clock).occupants.find((o) => o.subject.kind === 'occupant' && o.subject.occupantId === 'track-2')?.reasons.find((r) => r.code === 'face_matched');
    expect(matchedReason?.evidence.map((e) => e.kind)).toEqual(['face_match', 'faces_seen']);
    expect(matchedReason?.evidence[1]).toEqual({ kind: 'faces_seen', trackIds: ['track-2', 'track-3'] });
  });

  it('without the rule\'s conditions the extra face stays a person of its own (the conservative outcome: a mismatch on the papers left)', () => {
    const mismatchOnHiddenPapers = (input: VehicleSessionInput) => {
      const session = assembleVehicleSession(input, clock);
      expect(session.occupants.map((o) => o.status).sort()).toEqual(['face_mismatch', 'matched', 'matched']);
      expect(session.occupants.some((o) => o.seenAgain)).toBe(false);
      expect(session.flags.map((f) => f.code)).toContain('face_mismatch');
      // The policy's non-match handling applies to the papers as before: nothing is cleared that was referred.
      expect(evaluateVehicleSession(session, clock).vehicle.outcome).toBe('refer');
    };
    // A different face in that seat (someone who shows only when the occupant in front hides; an impostor).
    mismatchOnHiddenPapers(secondOccupantSeenAgain(otherFace, secondSeen, againSeen));
    // Faces not compared with each other.
    mismatchOnHiddenPapers(secondOccupantSeenAgain(undefined, secondSeen, againSeen));
    // Seen in the same frames as the matched face: two people.
    mismatchOnHiddenPapers(secondOccupantSeenAgain(sameFace, secondSeen, sighting(3_000, 9_000, foundAgain)));
    // Found somewhere else in the picture.
    mismatchOnHiddenPapers(secondOccupantSeenAgain(sameFace, secondSeen, sighting(6_500, 9_000, thirdLeft)));
    // At a one-traveller booth there is no such rule (one traveller, the largest face).
    const air = assembleVehicleSession({ ...secondOccupantSeenAgain(sameFace, secondSeen, againSeen), laneType: 'air' }, clock);
    expect(air.occupants.some((o) => o.seenAgain)).toBe(false);
  });

  it('an impostor whose face matches no papers is still a face mismatch when everyone else is matched', () => {
    const input = scriptedVehicleSession({ now, model, impostors: [1] });
    // Sighted one after the other with a matched face on its camera, but their faces differ.
    const faces = input.faces.map((f) => (f.trackId === 'track-1' ? { ...f, sighted: secondSeen } : f.trackId === 'track-2' ? { ...f, sighted: againSeen } : f));
    const session = assembleVehicleSession({ ...input, faces, trackComparisons: [{ trackId: 'track-1', otherTrackId: 'track-2', match: otherFace }] }, clock);
    expect(session.occupants.find((o) => o.face?.trackId === 'track-2')?.status).toBe('face_mismatch');
    expect(session.flags.map((f) => f.code)).toEqual(['face_mismatch']);
  });
});
