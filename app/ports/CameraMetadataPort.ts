import type { DevicePort } from './DevicePort';
import type { CameraDescriptor } from './cameraDescriptor';

/** The booth's configured cameras; its status says whether the camera bridge is up. */
export interface CameraMetadataPort extends DevicePort {
  readonly kind: 'camera';
  cameras(): readonly CameraDescriptor[];
}
