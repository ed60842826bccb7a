import type { DevicePort, Unsubscribe } from './DevicePort';
import type { RfidCardRead } from './rfidRead';

/** A UHF RFID card reader for vehicle lanes: reports each card in the vehicle once per read window. */
export interface RfidReaderPort extends DevicePort {
  readonly kind: 'rfidReader';
  /** A card entered the field (first read of its reference within the read window); repeats are absorbed. */
  onCard(listener: (card: RfidCardRead) => void): Unsubscribe;
}
