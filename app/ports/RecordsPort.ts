import type { DevicePort } from './DevicePort';

/** The records service the booth queries. Queries arrive with the vehicle-lane issue; today it reports reachability. */
export interface RecordsPort extends DevicePort {
  readonly kind: 'recordsService';
}
