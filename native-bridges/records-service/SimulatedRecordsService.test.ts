import { describe, expect, it } from 'vitest';
import { describeDevicePortConformance } from '../simulator/devicePortConformance';
import { SimulatedRecordsService } from './SimulatedRecordsService.node.ts';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };

describeDevicePortConformance('SimulatedRecordsService', () => {
  const device = new SimulatedRecordsService({ clock });
  return { device, unplug: () => device.setConnected(false), replug: () => device.setConnected(true) };
});

describe('SimulatedRecordsService', () => {
  it('answers over real HTTP, goes down when unplugged and comes back', async () => {
    const service = new SimulatedRecordsService({ clock, timeoutMs: 300 });
    await service.start();
    expect(await service.findVehiclesByPlate({ plate: 'BTH4821' })).toMatchObject({ ok: true, value: [{ vehicleId: 'VH-0001' }] });
    service.setConnected(false);
    expect(await service.findVehiclesByPlate({ plate: 'BTH4821' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(service.status().connected).toBe(false);
    service.setConnected(true);
    expect(await service.findVehiclesByPlate({ plate: 'BTH4821' })).toMatchObject({ ok: true });
    service.setFaults({ hang: true });
    expect(await service.findVehiclesByPlate({ plate: 'BTH4821' })).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect((await fetch(`${service.url}/openapi.json`)).status).toBe(200);
    await service.stop();
  });
});
