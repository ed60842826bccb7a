import type { DepartureContext } from '../departureOf';

/** Where and under what a departure is confirmed in the exit rules' tests: the Blaine vehicle exit, lane 1, plate BTH4821. */
export const vehicleExitDeparture: DepartureContext = {
  departedAt: '2026-12-07T18:00:00Z',
  boothId: 'BOOTH-01',
  port: 'Blaine, WA',
  lane: { laneId: 'lane-1', laneType: 'vehicle' },
  plate: 'BTH4821',
  sessionId: 'exit-session-1',
  officer: 'officer-1',
  versions: { rules: 'exit-rules-1', policy: 'us-90fr48604', faceModel: { modelId: 'fr', modelVersion: '1', calibrationVersion: 'c1' } },
};
