import type { DevicePort } from './DevicePort';

/** A lane licence-plate reader. Plate reads arrive with the vehicle-lane issue; today it reports presence. */
export interface PlateReaderPort extends DevicePort {
  readonly kind: 'plateReader';
}
