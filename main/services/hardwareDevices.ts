import type { BoothSettings } from '../../app/settings/boothSettings';
import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { DeviceKind, DeviceStatus } from '../../app/ports/deviceStatus';
import type { BoothDevices } from './BoothDevices';

/**
 * Stands where a hardware driver is not configured: always disconnected, saying why, so the officer
 * sees a red light with a reason instead of a silent gap. Real drivers replace these one by one.
 */
class UnconfiguredDevice<K extends DeviceKind> {
  private readonly current: DeviceStatus;

  constructor(
    readonly kind: K,
    readonly id: string,
    name: string,
    clock: Clock,
  ) {
    this.current = { kind, id, name, connected: false, detail: 'no hardware driver configured for this device', since: clock.now().toISOString() };
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

/** The booth's real devices. Until each driver lands, its slot is an UnconfiguredDevice. */
export function createHardwareDevices(settings: BoothSettings, clock: Clock): BoothDevices {
  const camera = Object.assign(new UnconfiguredDevice('camera', 'camera-bridge', 'Camera bridge', clock), { cameras: () => settings.cameras });
  const documentReader = Object.assign(new UnconfiguredDevice('documentReader', 'document-reader', 'Document reader', clock), { onRead: (): Unsubscribe => () => undefined });
  return {
    camera,
    documentReader,
    chipReader: new UnconfiguredDevice('chipReader', 'chip-reader', 'Chip reader', clock),
    plateReader: new UnconfiguredDevice('plateReader', 'plate-reader', 'Plate reader', clock),
    rfidReader: new UnconfiguredDevice('rfidReader', 'rfid-reader', 'RFID reader', clock),
    records: new UnconfiguredDevice('recordsService', 'records-service', 'Records service', clock),
  };
}
