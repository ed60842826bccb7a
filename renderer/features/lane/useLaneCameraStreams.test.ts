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

  it("turns to the next device on the officer's N, past the hints, and back round", () => {
    const traveller = [{ id: 'cam-traveller', label: 'Traveller camera', position: 'traveller' as const, deviceLabelHint: 'desk' }];
    const devices = [
      { deviceId: 'a', label: 'Desk camera' },
      { deviceId: 'b', label: 'USB camera' },
    ];
    expect(pickDevices(traveller, devices, 0).get('cam-traveller')).toBe('a');
    expect(pickDevices(traveller, devices, 1).get('cam-traveller')).toBe('b');
    expect(pickDevices(traveller, devices, 2).get('cam-traveller')).toBe('a');
  });
});
