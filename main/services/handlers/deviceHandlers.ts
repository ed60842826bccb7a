import type { HandlersOf } from '../../../app/host/dispatch';
import { allDevices, type BoothDevices } from '../BoothDevices';

/** `devices:*` and `cameras:*`: the booth's devices and services as they are now. */
export function deviceHandlers(devices: BoothDevices): HandlersOf<'devices' | 'cameras'> {
  return {
    'devices:list': () => allDevices(devices).map((device) => device.status()),
    'cameras:list': () => [...devices.camera.cameras()],
    'cameras:scenes': () => [...devices.camera.scenes()],
  };
}
