import type { CameraMetadataPort } from '../../app/ports/CameraMetadataPort';
import type { CameraDescriptor } from '../../app/ports/cameraDescriptor';
import type { CameraScene } from '../../app/ports/cameraScene';
import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { EncodedImage } from '../../app/ports/documentRead';
import { SimulatedDevice } from '../simulator/SimulatedDevice';
import { Emitter } from '../../app/shared/event';

/**
 * The simulated camera bridge: it publishes the configured cameras and a connection state, and what each
 * simulated camera sees (a scene of stills the renderer replays as video). A camera with no scene falls
 * back to the browser's fake capture device (a generated clip), as in the booth lanes.
 */
export class SimulatedCameraBridge extends SimulatedDevice<'camera'> implements CameraMetadataPort {
  private readonly sceneByCamera = new Map<string, CameraScene>();
  private readonly sceneChanges = new Emitter<CameraScene>('camera scenes');
  private version = 0;

  constructor(
    private readonly configured: readonly CameraDescriptor[],
    clock: Clock,
  ) {
    super({ kind: 'camera', id: 'sim-camera-bridge', name: 'Camera bridge (simulated)', clock });
  }

  cameras(): readonly CameraDescriptor[] {
    return this.configured;
  }

  scenes(): readonly CameraScene[] {
    return [...this.sceneByCamera.values()];
  }

  onScene(listener: (scene: CameraScene) => void): Unsubscribe {
    return this.sceneChanges.event(listener);
  }

  /** Puts these people in front of a configured camera (an empty list empties its view). */
  setScene(cameraId: string, people: readonly EncodedImage[]): CameraScene {
    if (!this.configured.some((c) => c.id === cameraId)) throw new RangeError(`no configured camera "${cameraId}"`);
    const scene: CameraScene = { cameraId, people: [...people], version: ++this.version };
    this.sceneByCamera.set(cameraId, scene);
    this.sceneChanges.fire(scene);
    return scene;
  }
}
