import type { StateCreator } from 'zustand/vanilla';
import type { DeviceStatus } from '../../app/ports/deviceStatus';

/** The status of every device, by device id, as the host last reported it. */
export interface DevicesSlice {
  readonly devices: Readonly<Record<string, DeviceStatus>>;
  devicesLoaded(statuses: readonly DeviceStatus[]): void;
  deviceChanged(status: DeviceStatus): void;
}

export const createDevicesSlice: StateCreator<DevicesSlice, [], [], DevicesSlice> = (set) => ({
  devices: {},
  devicesLoaded: (statuses) => set({ devices: Object.fromEntries(statuses.map((status) => [status.id, status])) }),
  deviceChanged: (status) => set((state) => ({ devices: { ...state.devices, [status.id]: status } })),
});
