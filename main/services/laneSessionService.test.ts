import { describe, expect, it } from 'vitest';
import { laneSessionSchema, maxSessionCards, maxSessionDocuments, type LaneSession } from '../../app/inspection/laneSession';
import { sequentialIds } from '../../app/ports/Ids';
import type { VehiclePlate } from '../../app/ports/plateRead';
import type { RecordsPort } from '../../app/ports/RecordsPort';
import type { RfidCardRead } from '../../app/ports/rfidRead';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { LaneSessionService } from './laneSessionService';

/** Every lookup answers "no record" at once: the records are not what these tests are about. */
const noRecords: Pick<RecordsPort, 'findTravellersByDocument' | 'findTravellersByRfid' | 'findVehiclesByPlate'> = {
  findTravellersByDocument: async () => ({ ok: true, value: [], durationMs: 1 }),
  findTravellersByRfid: async () => ({ ok: true, value: [], durationMs: 1 }),
  findVehiclesByPlate: async () => ({ ok: true, value: [], durationMs: 1 }),
};

const start = Date.parse('2026-11-23T10:00:00Z');
const at = (ms: number) => new Date(start + ms).toISOString();

function lane() {
  let now = start;
  const warnings: string[] = [];
  const published: LaneSession[] = [];
  const service = new LaneSessionService({ laneId: 'lane-1', laneType: 'vehicle', direction: 'entry', records: noRecords, clock: { now: () => new Date(now) }, ids: sequentialIds(), onChange: (s) => published.push(s), warn: (m) => warnings.push(m) });
  return { service, warnings, published, advance: (ms: number) => (now += ms), now: () => now };
}

const card = (n: number, readAtMs: number): RfidCardRead => ({ readId: `card-${n}`, readerId: 'uhf', reference: `REF${String(n).padStart(5, '0')}`, cardType: 'passport_card', laneId: 'lane-1', readAt: at(readAtMs), firstReadAt: at(readAtMs), tagReads: 1 });

function plate(vehicleId: string, readAtMs: number): VehiclePlate {
  const best = { readId: `plate-${vehicleId}`, readerId: 'lpr', source: 'simulated' as const, plate: 'BTH4821', region: 'US-WA', confidence: 0.9, timestamp: at(readAtMs), laneId: 'lane-1' };
  return { vehicleId, laneId: 'lane-1', best, readCount: 1, firstReadAt: at(readAtMs), lastReadAt: at(readAtMs), alternatives: [] };
}

const mrz = [...simulatedTravellers[0]!.mrz];
const documentRead = (n: number) => ({ readId: `doc-${n}`, readerId: 'sim', source: 'simulated' as const, readAt: at(0), mrz });

describe('LaneSessionService: what one session may hold', () => {
  it('keeps at most the contract limits of cards and documents, so the published session stays valid, and warns once per kind', async () => {
    const { service, warnings, published, advance } = lane();
    service.plateRead(plate('v1', 0));
    for (let n = 0; n < maxSessionCards + 8; n++) service.cardRead(card(n, 1000));
    for (let n = 0; n < maxSessionDocuments + 4; n++) service.documentRead(documentRead(n));
    advance(2000);
    await service.settled();

    const session = service.current();
    expect(session?.rfidCards).toHaveLength(maxSessionCards);
    expect(session?.documents).toHaveLength(maxSessionDocuments);
    // The first reads are kept (a chip report for one of them still finds its document).
    expect(session?.documents.at(-1)?.read.readId).toBe(`doc-${maxSessionDocuments - 1}`);
    expect(laneSessionSchema.safeParse(session).success).toBe(true);
    expect(published.every((s) => laneSessionSchema.safeParse(s).success)).toBe(true);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain(`at most ${maxSessionCards} card reads`);
    expect(warnings[1]).toContain(`at most ${maxSessionDocuments} documents`);
  });

  it('gives a new vehicle at most the card limit of the reads waiting for it', async () => {
    const { service, warnings } = lane();
    for (let n = 0; n < maxSessionCards + 5; n++) service.cardRead(card(n, 0));
    service.plateRead(plate('v1', 1000));
    await service.settled();
    expect(service.current()?.rfidCards.map((c) => c.readId)).toEqual(Array.from({ length: maxSessionCards }, (_, n) => `card-${n}`));
    expect(laneSessionSchema.safeParse(service.current()).success).toBe(true);
    expect(warnings).toEqual([expect.stringContaining('5 of its 37 card reads')]);
  });

  // How many reads are kept meanwhile (bounded by age and count) is RecentCardReads' own test.
  it('after an hour of card reads with the plate reader down, a vehicle gets only the reads of its own time', async () => {
    const { service, advance, now } = lane();
    // An hour of cards at one a second, and no plate.
    for (let n = 0; n < 3600; n++) {
      service.cardRead(card(n, now() - start));
      advance(1000);
    }
    service.plateRead(plate('v1', now() - start));
    await service.settled();
    // Only the cards read within the vehicle's window (20 s before its plate) join it; none from an hour ago.
    expect(service.current()?.rfidCards.map((c) => c.readId)).toEqual(Array.from({ length: 20 }, (_, i) => `card-${3580 + i}`));
  });
});

describe('LaneSessionService at a pedestrian or air exit: one session per traveller', () => {
  function exitLane(laneType: 'pedestrian' | 'air' | 'vehicle') {
    const published: LaneSession[] = [];
    const service = new LaneSessionService({ laneId: 'lane-1', laneType, direction: 'exit', records: noRecords, clock: { now: () => new Date(start) }, ids: sequentialIds(), onChange: (s) => published.push(s) });
    return { service, published, current: () => service.current() };
  }

  it('each traveller who steps up gets a fresh session; a document they present joins it; the next document-less traveller starts afresh', async () => {
    for (const laneType of ['pedestrian', 'air'] as const) {
      const { service, current } = exitLane(laneType);
      service.travellerArrived();
      const first = current();
      expect(first).toMatchObject({ laneType, direction: 'exit', documents: [], rfidCards: [] });
      service.documentRead(documentRead(1));
      expect(current()?.sessionId).toBe(first?.sessionId);
      expect(current()?.documents.map((d) => d.read.readId)).toEqual(['doc-1']);
      // A second document is another traveller's (as at entry).
      service.documentRead(documentRead(2));
      expect(current()?.sessionId).not.toBe(first?.sessionId);
      service.travellerArrived();
      const next = current();
      expect(next?.sessionId).not.toBe(first?.sessionId);
      expect(next?.documents).toEqual([]);
      await service.settled();
      expect(laneSessionSchema.safeParse(current()).success).toBe(true);
    }
  });

  it('a vehicle lane opens sessions on plates only', () => {
    const { service, published } = exitLane('vehicle');
    service.travellerArrived();
    expect(published).toEqual([]);
  });
});
