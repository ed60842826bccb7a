import type { DeviceKind, DeviceStatus } from './deviceStatus';

export type Unsubscribe = () => void;

/**
 * What every device and outside service has in common: a connection that comes and goes.
 * Real adapters and simulators both implement it, so the UI cannot tell them apart.
 */
export interface DevicePort {
  readonly kind: DeviceKind;
  readonly id: string;
  /** The current connection state. */
  status(): DeviceStatus;
  /** Called on every connect/disconnect (and detail change); returns a function that stops listening. */
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe;
  /** Opens the device (or starts watching for it); resolves even when the device is absent. */
  start(): Promise<void>;
  /** Releases the device; safe to call twice. */
  stop(): Promise<void>;
}
