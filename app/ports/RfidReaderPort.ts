import type { DevicePort } from './DevicePort';

/** A UHF RFID card reader for vehicle lanes. Card reads arrive with the vehicle-lane issue; today it reports presence. */
export interface RfidReaderPort extends DevicePort {
  readonly kind: 'rfidReader';
}
