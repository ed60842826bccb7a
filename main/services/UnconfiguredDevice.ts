import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { DeviceKind, DeviceStatus } from '../../app/ports/deviceStatus';

/**
 * Stands where a hardware driver is not configured: always disconnected, saying why, so the officer
 * sees a red light with a reason instead of a silent gap. Real drivers replace these one by one.
 */
export class UnconfiguredDevice<K extends DeviceKind> {
  private readonly current: DeviceStatus;

  constructor(
    readonly kind: K,
    readonly id: string,
    name: string,
    clock: Clock,
    state: { readonly connected: boolean; readonly detail: string } = { connected: false, detail: 'no hardware driver configured for this device' },
  ) {
    this.current = { kind, id, name, since: clock.now().toISOString(), ...state };
  }

  status(): DeviceStatus {
    return this.current;
  }

  onStatus(): Unsubscribe {
    return () => undefined;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

