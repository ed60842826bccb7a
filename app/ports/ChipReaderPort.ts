import type { DevicePort } from './DevicePort';

/** An e-passport chip reader (PC/SC). Reading and authentication arrive with the chip issue; today it reports presence. */
export interface ChipReaderPort extends DevicePort {
  readonly kind: 'chipReader';
}
