import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { RecordsPort, RecordsResult } from '../../app/ports/RecordsPort';

/**
 * The members a device slot without a configured driver needs to satisfy the extended ports: no plate reads,
 * no cards, and records lookups that answer "unavailable" (so the booth goes on with what it knows).
 * `Object.assign(new UnconfiguredDevice(...), noPlateReads)`, as hardwareDevices does for document readers.
 */
const never = (): Unsubscribe => () => undefined;

export const noPlateReads = { onRead: never, onVehicle: never, onReadError: never };

export const noRfidCards = { onCard: never };

const unconfigured = async (): Promise<RecordsResult<never[]>> => ({ ok: false, error: { code: 'unavailable', message: 'no records service is configured' }, durationMs: 0 });

export const noRecords: Pick<RecordsPort, 'findTravellersByDocument' | 'findTravellersByRfid' | 'findVehiclesByPlate'> = {
  findTravellersByDocument: unconfigured,
  findTravellersByRfid: unconfigured,
  findVehiclesByPlate: unconfigured,
};
