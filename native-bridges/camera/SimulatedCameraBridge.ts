import type { CameraMetadataPort } from '../../app/ports/CameraMetadataPort';
import type { CameraDescriptor } from '../../app/ports/cameraDescriptor';
import type { Clock } from '../../app/ports/Clock';
import { SimulatedDevice } from '../simulator/SimulatedDevice';

/**
 * The simulated camera bridge: it publishes the configured cameras and a connection state. In simulation the
 * video itself comes from the browser's fake capture device (a generated clip), opened by the renderer.
 */
export class SimulatedCameraBridge extends SimulatedDevice<'camera'> implements CameraMetadataPort {
  constructor(
    private readonly configured: readonly CameraDescriptor[],
    clock: Clock,
  ) {
    super({ kind: 'camera', id: 'sim-camera-bridge', name: 'Camera bridge (simulated)', clock });
  }

  cameras(): readonly CameraDescriptor[] {
    return this.configured;
  }
}
