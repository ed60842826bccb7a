import { describe, expect, it } from 'vitest';
import type { RfidCardRead } from '../ports/rfidRead';
import type { VehiclePlate } from '../ports/plateRead';
import { cardsForVehicle } from './laneSessionWindow';

const t = (s: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, s)).toISOString();
const vehicle = (id: string, first: number, last: number, laneId = 'lane-1'): VehiclePlate => ({
  vehicleId: id,
  laneId,
  best: { plate: id, region: '', confidence: 0.9, timestamp: t(first), laneId, readId: `r-${id}`, readerId: 'lpr', source: 'tcp' },
  readCount: 1,
  firstReadAt: t(first),
  lastReadAt: t(last),
  alternatives: [],
});
const card = (reference: string, s: number, laneId = 'lane-1'): RfidCardRead => ({ reference, cardType: 'passport_card', laneId, readAt: t(s), firstReadAt: t(s), tagReads: 1, readId: reference, readerId: 'rfid' });

describe('cardsForVehicle', () => {
  it('ties cards to the vehicle by lane and time', () => {
    const v = vehicle('A', 10, 12);
    const cards = [card('IN', 11), card('BEFORE', 0), card('AFTER', 30), card('LATE', 40), card('OTHERLANE', 11, 'lane-2')];
    expect(cardsForVehicle(v, cards).map((c) => c.reference)).toEqual(['IN', 'BEFORE', 'AFTER']);
  });

  it('gives a card between two queued vehicles to the closer one', () => {
    const a = vehicle('A', 0, 2);
    const b = vehicle('B', 20, 22);
    const cards = [card('NEAR-A', 5), card('NEAR-B', 15)];
    expect(cardsForVehicle(a, cards, [a, b]).map((c) => c.reference)).toEqual(['NEAR-A']);
    expect(cardsForVehicle(b, cards, [a, b]).map((c) => c.reference)).toEqual(['NEAR-B']);
  });
});
