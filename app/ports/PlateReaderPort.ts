import type { DevicePort, Unsubscribe } from './DevicePort';
import type { PlateRead, VehiclePlate } from './plateRead';

/** Why lane-camera input did not become a read; it never reaches `onRead`. */
export interface PlateReadError {
  readonly code: 'malformed' | 'too_large' | 'unknown_command' | 'paused';
  /** Names the bad field or the limit that was crossed. */
  readonly message: string;
  readonly source: 'http' | 'tcp' | 'simulated';
}

/** A lane licence-plate reader (LPR camera): network adapter or simulator. */
export interface PlateReaderPort extends DevicePort {
  readonly kind: 'plateReader';
  /** Every parsed read, as received (a camera reads the same car several times). */
  onRead(listener: (read: PlateRead) => void): Unsubscribe;
  /** A vehicle's merged plate: once when it is first read, again whenever a better read replaces the best. */
  onVehicle(listener: (vehicle: VehiclePlate) => void): Unsubscribe;
  /** Input that was rejected (malformed, oversized), so the device list can show a misbehaving camera. */
  onReadError(listener: (error: PlateReadError) => void): Unsubscribe;
}
