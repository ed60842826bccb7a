import type { BoothInfo } from '../../../app/host/boothInfo';
import type { LaneSession } from '../../../app/inspection/laneSession';
import { shippedPolicies } from '../../../app/policy/testSupport/shippedPolicies';
import type { LaneType } from '../../../app/settings/boothSettings';
import type { SceneFrameResult } from '../laneSlice';

/** A lane session as the host publishes it: one scripted passport read (Eriksson). */
export function laneSession(sessionId: string, laneType: LaneType = 'pedestrian'): LaneSession {
  const read = { readId: `read-${sessionId}`, readerId: 'sim', source: 'simulated', readAt: '2026-11-23T10:00:00.000Z', mrz: ['P<SWEERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36SWE7408122F3404159ZE184226B<<<<<16'] } as const;
  return { sessionId, laneId: 'lane-1', laneType, direction: 'entry', arrivedAt: read.readAt, rfidCards: [], documents: [{ read: { ...read, mrz: [...read.mrz] } }], records: { travellers: [] }, recordsPending: false };
}

export function boothInfo(laneType: LaneType): BoothInfo {
  return { boothId: 'B1', laneType, deviceMode: 'sim', faceMatchTargetFmr: 1e-3, version: 't', screenLockMinutes: 5, retentionDays: 30, settingsProblems: [], direction: 'entry', policies: shippedPolicies };
}

/** One processed frame (at `timestampMs`) with one face (track `trackId`), embedded when `embedded`. */
export function frameWithFace(trackId: string, embedded = true, box = { x: 100, y: 100, width: 200, height: 200 }, timestampMs = 0): SceneFrameResult {
  return { width: 640, height: 480, timestampMs, endedTrackIds: [], faces: [{ trackId, box, qualityReasons: [], qualityScore: 0.9, ...(embedded ? { embedding: new Float32Array([1, 0, 0]) } : {}) }] };
}
