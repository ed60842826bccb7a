import type { Clock } from '../../app/ports/Clock';
import type { DevicePort, Unsubscribe } from '../../app/ports/DevicePort';
import type { DeviceKind, DeviceStatus } from '../../app/ports/deviceStatus';
import { DeviceStatusCell } from '../device/DeviceStatusCell';

export interface SimulatedDeviceOptions<K extends DeviceKind> {
  readonly kind: K;
  readonly id: string;
  readonly name: string;
  readonly clock: Clock;
}

/**
 * The connection behaviour every simulator shares: it starts connected and can be unplugged and plugged
 * back in by a trainer or a test (the `sim:setDeviceConnected` channel). Listeners hear every change at once.
 * Simulators extend it; its state is in #private fields so that subclasses keep their own names free.
 */
export class SimulatedDevice<K extends DeviceKind = DeviceKind> implements DevicePort {
  readonly kind: K;
  readonly id: string;
  readonly #status: DeviceStatusCell;

  constructor(options: SimulatedDeviceOptions<K>) {
    this.kind = options.kind;
    this.id = options.id;
    this.#status = new DeviceStatusCell(options.kind, options.id, options.name, options.clock);
  }

  status(): DeviceStatus {
    return this.#status.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.#status.onChange(listener);
  }

  async start(): Promise<void> {
    this.setConnected(true);
  }

  async stop(): Promise<void> {
    this.setConnected(false, 'stopped');
  }

  /** Plugs (true) or unplugs (false) the simulated device. */
  setConnected(connected: boolean, detail = connected ? 'simulated' : 'unplugged (simulated)'): DeviceStatus {
    return this.#status.set(connected, detail);
  }

  get connected(): boolean {
    return this.#status.get().connected;
  }
}
