import { describe, expect, it } from 'vitest';
import { pickDevices } from './useLaneCameraStreams';

const cameras = [
  { id: 'cam-driver', label: 'Driver side', position: 'driver' as const },
  { id: 'cam-rear', label: 'Rear seats', position: 'rear' as const, deviceLabelHint: 'REAR' },
];

describe('which device each vehicle camera opens', () => {
  it('takes the device named by the hint, and gives the others the remaining devices in order', () => {
    const devices = [
      { deviceId: 'a', label: 'USB Camera (rear door)' },
      { deviceId: 'b', label: 'USB Camera (cab)' },
    ];
    expect(Object.fromEntries(pickDevices(cameras, devices))).toEqual({ 'cam-driver': 'b', 'cam-rear': 'a' });
  });

  it('shares the only device when there is one, and has none to give when there are none', () => {
    expect(Object.fromEntries(pickDevices(cameras, [{ deviceId: 'x', label: 'fake_device_0' }]))).toEqual({ 'cam-driver': 'x', 'cam-rear': 'x' });
    expect(Object.fromEntries(pickDevices(cameras, []))).toEqual({ 'cam-driver': undefined, 'cam-rear': undefined });
  });
});
