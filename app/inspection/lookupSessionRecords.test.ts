import { afterEach, describe, expect, it } from 'vitest';
import { sequentialIds } from '../ports/Ids';
import type { RfidCardRead } from '../ports/rfidRead';
import type { VehiclePlate } from '../ports/plateRead';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { SimulatedPlateReader } from '../../native-bridges/plate-reader/SimulatedPlateReader.node.ts';
import { simulatedVehicles } from '../../native-bridges/plate-reader/simulatedVehicles.node.ts';
import { SimulatedRecordsService } from '../../native-bridges/records-service/SimulatedRecordsService.node.ts';
import { SimulatedRfidReader } from '../../native-bridges/rfid-reader/SimulatedRfidReader';
import { assembleVehicleSession } from './assembleVehicleSession';
import { lookupSessionRecords } from './lookupSessionRecords';
import type { VehicleSessionInput } from './vehicleSessionInput';
import { finalRulePolicy } from '../policy/testSupport/shippedPolicies';

const now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };
// A generous timeout: this test is of the joins, not of the timeout (300 ms answered 'timed out' under a loaded full run).
const records = new SimulatedRecordsService({ clock, timeoutMs: 10_000 });
afterEach(() => records.stop());

/** The lane as the lead wires it: simulated devices -> host events -> lookups -> assembled session. */
async function laneSession(): Promise<VehicleSessionInput> {
  const ids = sequentialIds();
  const plates = new SimulatedPlateReader({ clock, ids });
  const rfid = new SimulatedRfidReader({ clock, ids });
  await Promise.all([plates.start(), rfid.start(), records.start()]);
  let plate: VehiclePlate | undefined;
  const cards: RfidCardRead[] = [];
  plates.onVehicle((v) => (plate = v));
  rfid.onCard((c) => cards.push(c));
  const vehicle = simulatedVehicles[0]!;
  plates.arrive(0);
  rfid.present(vehicle.cards);
  const documents = vehicle.occupants.map((t, i) => ({ read: { readId: `doc-${i}`, readerId: 'sim', source: 'simulated' as const, readAt: now.toISOString(), mrz: [...simulatedTravellers[t]!.mrz] } }));
  const partial = { plate, rfidCards: cards, documents };
  return {
    sessionId: 's1',
    laneId: 'lane-1',
    laneType: 'vehicle',
    direction: 'entry',
    policy: finalRulePolicy,
    arrivedAt: now.toISOString(),
    ...partial,
    faces: [],
    comparisons: [],
    records: await lookupSessionRecords(records, partial, now),
    matchPolicy: { modelId: 'm', modelVersion: '1', calibrationVersion: 'c', targetFmr: 1e-4, threshold: 0.41 },
    photographyOptOuts: [],
  };
}

describe('lookupSessionRecords', () => {
  it('looks up the plate, every card and every document against the records service, in one go', async () => {
    const input = await laneSession();
    expect(input.records.vehicle).toMatchObject({ ok: true, value: [{ vehicleId: 'VH-0001' }] });
    expect(input.records.travellers.map((l) => (l.by.kind === 'rfid' ? `rfid:${l.by.reference}` : `doc:${l.by.query.nationality}:${l.by.query.documentNumber}`))).toEqual([
      'rfid:E28011606000A12345678',
      'rfid:TT5E0000184226',
      'rfid:EDL9107049CAN0001',
      'doc:USA:A12345678',
      'doc:SWE:L898902C3',
      'doc:CAN:GA3021987',
    ]);
    const session = assembleVehicleSession(input, clock);
    expect(session.identities.map((i) => i.key)).toEqual(['record:TR-0002', 'record:TR-0001', 'record:TR-0005']);
    expect(session.identities.every((i) => i.document && i.rfidCards.length === 1 && i.references.some((r) => r.source === 'gallery'))).toBe(true);
  });

  it('brings the outage into the session instead of failing when the service is down', async () => {
    await records.start();
    records.setConnected(false);
    const session = assembleVehicleSession(await laneSession(), clock);
    expect(session.vehicleRecordStatus).toBe('unavailable');
    expect(session.recordsOutages.every((e) => e.code === 'unavailable')).toBe(true);
    expect(session.identities).toHaveLength(6); // 3 documents + 3 cards that cannot be joined without records
    expect(session.flags.map((f) => f.code)).toContain('records_unavailable');
  });
});
