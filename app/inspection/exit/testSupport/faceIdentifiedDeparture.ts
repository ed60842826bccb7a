import type { DepartureRecord } from '../departureRecord';

/**
 * Departure `n` of a traveller identified by face at the Blaine vehicle exit (score 0.6 against 0.4, 1 in 10,000),
 * for the tests that store, sync and review departures; `fields` changes what a test is about.
 */
export const faceIdentifiedDeparture = (n: number, travellerId: string, fields: Partial<DepartureRecord> = {}): DepartureRecord => ({
  departureId: `departure-${n}`,
  travellerId,
  departedAt: '2026-12-07T18:00:00.000Z',
  boothId: 'BOOTH-01',
  port: 'Blaine, WA',
  lane: { laneId: 'lane-1', laneType: 'vehicle' },
  direction: 'exit',
  plate: 'BTH4821',
  sessionId: 'session-1',
  officer: 'officer-1',
  evidence: { method: 'face_identification', trackId: `t${n}`, candidateId: travellerId, score: 0.6, threshold: 0.4, calibratedFpir: { fpir: 1e-4, bound: false, text: '1 in 10,000' }, gallerySize: 6 },
  overstayDays: 0,
  alerts: [],
  versions: { rules: 'exit-rules-1', policy: 'policy-1', faceModel: null },
  ...fields,
});
