import type { DevicePort, Unsubscribe } from './DevicePort';
import type { CameraDescriptor } from './cameraDescriptor';
import type { CameraScene } from './cameraScene';

/** The booth's configured cameras; its status says whether the camera bridge is up. */
export interface CameraMetadataPort extends DevicePort {
  readonly kind: 'camera';
  cameras(): readonly CameraDescriptor[];
  /** What simulated cameras are shown (trainer scenes); always empty for real cameras. */
  scenes(): readonly CameraScene[];
  onScene(listener: (scene: CameraScene) => void): Unsubscribe;
}
