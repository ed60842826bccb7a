import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import { plateReadSchema, vehiclePlateSchema, type VehiclePlate } from '../../app/ports/plateRead';
import { describeDevicePortConformance } from '../simulator/devicePortConformance';
import { SimulatedPlateReader } from './SimulatedPlateReader.node.ts';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };

describeDevicePortConformance('SimulatedPlateReader', () => {
  const device = new SimulatedPlateReader({ clock, ids: sequentialIds() });
  return { device, unplug: () => device.setConnected(false), replug: () => device.setConnected(true) };
});

describe('SimulatedPlateReader', () => {
  it('plays a scripted vehicle as several OCR-varied reads merged into one vehicle with the best read', async () => {
    const reader = new SimulatedPlateReader({ clock, ids: sequentialIds() });
    await reader.start();
    const vehicles: VehiclePlate[] = [];
    reader.onVehicle((v) => vehicles.push(v));
    const reads = reader.arrive(0);
    expect(reads.map((r) => r.plate)).toEqual(['8TH4821', 'BTH4821', 'BTH482']);
    for (const r of reads) expect(plateReadSchema.parse(r)).toEqual(r);
    expect(vehicles).toHaveLength(2); // first read, then the better one
    const last = vehicles.at(-1);
    expect(vehiclePlateSchema.parse(last)).toEqual(last);
    expect(last).toMatchObject({ best: { plate: 'BTH4821', region: 'US-WA' } });
    expect(last?.best.plateImage?.mediaType).toBe('image/svg+xml');
  });

  it('reads nothing while unplugged', async () => {
    const reader = new SimulatedPlateReader({ clock, ids: sequentialIds() });
    await reader.start();
    reader.setConnected(false);
    expect(reader.arrive()).toEqual([]);
  });
});
