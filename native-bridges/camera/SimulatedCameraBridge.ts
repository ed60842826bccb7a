import type { CameraMetadataPort } from '../../app/ports/CameraMetadataPort';
import type { CameraDescriptor } from '../../app/ports/cameraDescriptor';
import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { DeviceStatus } from '../../app/ports/deviceStatus';
import { SimulatedDevice } from '../simulator/SimulatedDevice';

/**
 * The simulated camera bridge: it publishes the configured cameras and a connection state. In simulation the
 * video itself comes from the browser's fake capture device (a generated clip), opened by the renderer.
 */
export class SimulatedCameraBridge implements CameraMetadataPort {
  readonly kind = 'camera' as const;
  readonly id = 'sim-camera-bridge';
  private readonly device: SimulatedDevice<'camera'>;

  constructor(
    private readonly configured: readonly CameraDescriptor[],
    clock: Clock,
  ) {
    this.device = new SimulatedDevice({ kind: 'camera', id: this.id, name: 'Camera bridge (simulated)', clock });
  }

  cameras(): readonly CameraDescriptor[] {
    return this.configured;
  }

  status(): DeviceStatus {
    return this.device.status();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.device.onStatus(listener);
  }

  start(): Promise<void> {
    return this.device.start();
  }

  stop(): Promise<void> {
    return this.device.stop();
  }

  setConnected(connected: boolean): DeviceStatus {
    return this.device.setConnected(connected);
  }
}
