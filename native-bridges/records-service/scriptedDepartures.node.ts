import type { DepartureRecord } from '../../app/inspection/exit/departureRecord';
import { departureIdempotencyKey } from '../../app/inspection/exit/departureRecord';
import type { DepartureSubmission } from '../../app/ports/departureSubmission';
import { scriptedDepartureGallery, simulatedExitPort } from './scriptedDepartureGallery.node.ts';

/** Departure records of every non-citizen of the scripted exit gallery, as a booth sends them (tests and benchmarks). */
export function scriptedDepartureSubmissions(at: Date): DepartureSubmission[] {
  const departedAt = at.toISOString();
  return scriptedDepartureGallery()
    .entries.filter((e) => !e.usCitizen)
    .map((entry, i): DepartureSubmission => {
      const departure: DepartureRecord = {
        departureId: `departure-${i + 1}`,
        travellerId: entry.travellerId,
        departedAt,
        boothId: 'BOOTH-01',
        port: simulatedExitPort,
        lane: { laneId: 'lane-1', laneType: 'vehicle' },
        direction: 'exit',
        plate: 'BTH4821',
        sessionId: 'session-1',
        officer: 'officer',
        evidence: { method: 'face_identification', trackId: `track-${i + 1}`, candidateId: entry.travellerId, score: 0.62, threshold: 0.41, calibratedFpir: { fpir: 0.0001, bound: false, text: '1 in 10,000' }, gallerySize: 6 },
        overstayDays: entry.admitUntil === null ? null : 0,
        alerts: entry.alerts.map(({ alertId, kind }) => ({ alertId, kind })),
        versions: { rules: 'exit-rules-test', policy: 'policy-test', faceModel: { modelId: 'fr_feature', modelVersion: '1', calibrationVersion: 'c1' } },
      };
      return { idempotencyKey: departureIdempotencyKey(departure.departureId), payload: { departure, offline: false, recordedAt: departedAt } };
    });
}
