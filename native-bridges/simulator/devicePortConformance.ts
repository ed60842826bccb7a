import { describe, expect, it } from 'vitest';
import type { DevicePort } from '../../app/ports/DevicePort';
import { deviceStatusSchema } from '../../app/ports/deviceStatus';

/**
 * What every DevicePort implementation must do, real or simulated. Each implementation's test file runs it
 * with a factory and a way to unplug and replug the device (a simulator control, or real hardware hooks).
 */
export function describeDevicePortConformance(
  name: string,
  make: () => { device: DevicePort; unplug(): void; replug(): void },
): void {
  describe(`${name} (DevicePort conformance)`, () => {
    it('reports a status that matches the contract schema, connected after start', async () => {
      const { device } = make();
      await device.start();
      const status = device.status();
      expect(deviceStatusSchema.parse(status)).toEqual(status);
      expect(status.kind).toBe(device.kind);
      expect(status.id).toBe(device.id);
      expect(status.connected).toBe(true);
      await device.stop();
    });

    it('tells listeners about unplug and replug, once each, with a reason when disconnected', async () => {
      const { device, unplug, replug } = make();
      await device.start();
      const seen: boolean[] = [];
      const stop = device.onStatus((status) => {
        seen.push(status.connected);
        if (!status.connected) expect(status.detail).toBeTruthy();
      });
      unplug();
      unplug();
      replug();
      expect(seen).toEqual([false, true]);
      stop();
      unplug();
      expect(seen).toEqual([false, true]);
      await device.stop();
    });

    it('can be stopped twice', async () => {
      const { device } = make();
      await device.start();
      await device.stop();
      await device.stop();
      expect(device.status().connected).toBe(false);
    });
  });
}
