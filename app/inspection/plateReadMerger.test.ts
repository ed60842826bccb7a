import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../ports/Ids';
import type { PlateRead } from '../ports/plateRead';
import { PlateReadMerger } from './plateReadMerger';
import { isSamePlate, plateDistance } from './plateSimilarity';

let n = 0;
const read = (plate: string, confidence: number, second: number, laneId = 'lane-1'): PlateRead => ({
  plate,
  region: 'US-WA',
  confidence,
  timestamp: new Date(Date.UTC(2026, 10, 23, 10, 0, second)).toISOString(),
  laneId,
  readId: `r${++n}`,
  readerId: 'lpr',
  source: 'tcp',
});

describe('plate similarity', () => {
  it('treats OCR confusions as near-free and real edits as whole ones', () => {
    expect(plateDistance('BTH4821', 'BTH4821')).toBe(0);
    expect(plateDistance('BTH4821', '8TH4821')).toBe(0.25);
    expect(plateDistance('BTH4821', '8TH4B21')).toBe(0.5);
    expect(plateDistance('BTH4821', 'BTH482')).toBe(1);
    expect(plateDistance('BTH4821', 'BTH4822')).toBe(1);
    expect(isSamePlate('KX72QPL', 'KX7ZQPL')).toBe(true);
    expect(isSamePlate('SO1BZ', '5018Z')).toBe(true);
    expect(isSamePlate('BTH4821', 'BTX4822')).toBe(false);
    expect(isSamePlate('ABC123', 'XYZ789')).toBe(false);
  });
});

describe('PlateReadMerger', () => {
  it('merges repeated reads of one vehicle and keeps the most confident', () => {
    const merger = new PlateReadMerger(sequentialIds());
    const first = merger.add(read('8TH4821', 0.71, 0));
    expect(first.changed).toBe(true);
    const better = merger.add(read('BTH4821', 0.94, 1));
    expect(better.changed).toBe(true);
    expect(better.vehicle.vehicleId).toBe(first.vehicle.vehicleId);
    const worse = merger.add(read('BTH482', 0.52, 2));
    expect(worse.changed).toBe(false);
    expect(worse.vehicle).toMatchObject({ readCount: 3, best: { plate: 'BTH4821', confidence: 0.94 }, firstReadAt: '2026-11-23T10:00:00.000Z', lastReadAt: '2026-11-23T10:00:02.000Z' });
    expect(worse.vehicle.alternatives).toEqual([
      { plate: '8TH4821', confidence: 0.71 },
      { plate: 'BTH482', confidence: 0.52 },
    ]);
    expect(merger.vehicles()).toHaveLength(1);
  });

  it('keeps different lanes, different plates and reads outside the window apart', () => {
    const merger = new PlateReadMerger(sequentialIds(), { windowMs: 10_000 });
    const a = merger.add(read('BTH4821', 0.9, 0)).vehicle.vehicleId;
    expect(merger.add(read('BTH4821', 0.9, 1, 'lane-2')).vehicle.vehicleId).not.toBe(a);
    expect(merger.add(read('KX72QPL', 0.9, 2)).vehicle.vehicleId).not.toBe(a);
    // The window runs from the vehicle's last read: a read 9 s later still merges, then 11 s after that starts a new vehicle.
    expect(merger.add(read('BTH4821', 0.8, 9)).vehicle.vehicleId).toBe(a);
    expect(merger.add(read('BTH4821', 0.8, 20)).vehicle.vehicleId).not.toBe(a);
  });
});
