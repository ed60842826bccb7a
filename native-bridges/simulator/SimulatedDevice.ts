import type { Clock } from '../../app/ports/Clock';
import type { DevicePort, Unsubscribe } from '../../app/ports/DevicePort';
import type { DeviceKind, DeviceStatus } from '../../app/ports/deviceStatus';

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
  #current: DeviceStatus;
  readonly #listeners = new Set<(status: DeviceStatus) => void>();

  readonly #clock: Clock;

  constructor(options: SimulatedDeviceOptions<K>) {
    this.#clock = options.clock;
    this.kind = options.kind;
    this.id = options.id;
    this.#current = { kind: options.kind, id: options.id, name: options.name, connected: false, detail: 'not started', since: options.clock.now().toISOString() };
  }

  status(): DeviceStatus {
    return this.#current;
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.setConnected(true);
  }

  async stop(): Promise<void> {
    this.setConnected(false, 'stopped');
  }

  /** Plugs (true) or unplugs (false) the simulated device. */
  setConnected(connected: boolean, detail = connected ? 'simulated' : 'unplugged (simulated)'): DeviceStatus {
    if (this.#current.connected === connected && this.#current.detail === detail) return this.#current;
    this.#current = { ...this.#current, connected, detail, since: this.#clock.now().toISOString() };
    for (const listener of this.#listeners) listener(this.#current);
    return this.#current;
  }

  get connected(): boolean {
    return this.#current.connected;
  }
}
