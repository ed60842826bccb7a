import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { DeviceKind, DeviceStatus } from '../../app/ports/deviceStatus';
import { Emitter } from '../../app/shared/event';

/**
 * The status half of every DevicePort, real or simulated: holds the current status and tells listeners only
 * about real changes. `since` moves only when the connection changes, not when the detail does.
 */
export class DeviceStatusCell {
  private current: DeviceStatus;
  private readonly changes = new Emitter<DeviceStatus>('device status');

  constructor(
    kind: DeviceKind,
    id: string,
    name: string,
    private readonly clock: Clock,
  ) {
    this.current = { kind, id, name, connected: false, detail: 'not started', since: clock.now().toISOString() };
  }

  get(): DeviceStatus {
    return this.current;
  }

  onChange(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.changes.event(listener);
  }

  set(connected: boolean, detail: string): DeviceStatus {
    if (this.current.connected === connected && this.current.detail === detail) return this.current;
    const since = this.current.connected === connected ? this.current.since : this.clock.now().toISOString();
    this.current = { ...this.current, connected, detail: detail.slice(0, 500), since };
    this.changes.fire(this.current);
    return this.current;
  }
}
