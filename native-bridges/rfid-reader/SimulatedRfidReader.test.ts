import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import { rfidCardReadSchema, type RfidCardRead } from '../../app/ports/rfidRead';
import { simulatedVehicles } from '../plate-reader/simulatedVehicles.node.ts';
import { describeDevicePortConformance } from '../simulator/devicePortConformance';
import { SimulatedRfidReader } from './SimulatedRfidReader';

let now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };

describeDevicePortConformance('SimulatedRfidReader', () => {
  const device = new SimulatedRfidReader({ clock, ids: sequentialIds() });
  return { device, unplug: () => device.setConnected(false), replug: () => device.setConnected(true) };
});

describe('SimulatedRfidReader', () => {
  it('reports each card of the vehicle once, though the reader repeats every tag', async () => {
    const reader = new SimulatedRfidReader({ clock, ids: sequentialIds(), repeats: 6 });
    await reader.start();
    const cards: RfidCardRead[] = [];
    reader.onCard((c) => cards.push(c));
    const vehicle = simulatedVehicles[0]!;
    reader.present(vehicle.cards);
    reader.present(vehicle.cards); // still in the field
    expect(cards.map((c) => c.reference)).toEqual(vehicle.cards.map((c) => c.reference));
    for (const c of cards) expect(rfidCardReadSchema.parse(c)).toEqual(c);
    now = new Date('2026-11-23T10:01:00Z'); // the next vehicle, a minute later, carries the same card
    expect(reader.present(vehicle.cards.slice(0, 1))).toHaveLength(1);
  });

  it('rejects a malformed reference at the boundary', async () => {
    const reader = new SimulatedRfidReader({ clock, ids: sequentialIds() });
    await reader.start();
    expect(() => reader.present([{ reference: 'no spaces!', cardType: 'unknown' }])).toThrow(/only letters and digits/);
  });
});
