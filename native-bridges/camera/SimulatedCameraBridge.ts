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

  /** Puts these people in front of a configured camera (an empty list empties its view; `note` says why, if it needs saying). */
  setScene(cameraId: string, people: readonly EncodedImage[], note?: string, approach?: CameraScene['approach']): CameraScene {
    return this.publish({ cameraId: this.configuredId(cameraId), people: [...people], version: ++this.version, ...(note ? { note } : {}), ...(approach ? { approach } : {}) });
  }

  /** Takes a camera's scene away: it shows its own video again (whoever stands in front of the real camera). */
  withdrawScene(cameraId: string): CameraScene {
    this.sceneByCamera.delete(this.configuredId(cameraId));
    return this.publish({ cameraId, people: [], version: ++this.version, withdrawn: true });
  }

  private configuredId(cameraId: string): string {
    if (!this.configured.some((c) => c.id === cameraId)) throw new RangeError(`no configured camera "${cameraId}"`);
    return cameraId;
  }

  private publish(scene: CameraScene): CameraScene {
    if (!scene.withdrawn) this.sceneByCamera.set(scene.cameraId, scene);
    this.sceneChanges.fire(scene);
    return scene;
  }
}
