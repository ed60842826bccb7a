import { describe, expect, it } from 'vitest';
import { SimulatedDevice } from './SimulatedDevice';
import { describeDevicePortConformance } from './devicePortConformance';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };

describeDevicePortConformance('SimulatedDevice', () => {
  const device = new SimulatedDevice({ kind: 'plateReader', id: 'sim-plate', name: 'Plate reader (simulated)', clock });
  return { device, unplug: () => device.setConnected(false), replug: () => device.setConnected(true) };
});

describe('SimulatedDevice', () => {
  it('stamps each change with the injected clock', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const device = new SimulatedDevice({ kind: 'rfidReader', id: 'r', name: 'RFID', clock: { now: () => now } });
    await device.start();
    now = new Date('2026-11-23T10:05:00Z');
    expect(device.setConnected(false).since).toBe('2026-11-23T10:05:00.000Z');
  });
});
