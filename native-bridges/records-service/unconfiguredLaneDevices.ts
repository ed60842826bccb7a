import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { SubmitItemResult } from '../../app/outbox/DecisionSyncPort';
import type { RecordsPort } from '../../app/ports/RecordsPort';
import type { RecordsResult } from '../../app/ports/recordsLookup';

/**
 * The members a device slot without a configured driver needs to satisfy the extended ports: no plate reads,
 * no cards, records lookups that answer "unavailable" (so the booth goes on with what it knows), and decision
 * submissions that answer `retry` (the decisions stay queued in the outbox until a records service is configured).
 * `Object.assign(new UnconfiguredDevice(...), noPlateReads)`, as hardwareDevices does for document readers.
 */
const never = (): Unsubscribe => () => undefined;

export const noPlateReads = { onRead: never, onVehicle: never, onReadError: never };

export const noRfidCards = { onCard: never };

const unconfigured = async (): Promise<RecordsResult<never>> => ({ ok: false, error: { code: 'unavailable', message: 'no records service is configured' }, durationMs: 0 });

export const noRecordsServiceReason = 'no records service is configured: the decision stays queued in the outbox';

const notSent = async (batch: readonly { readonly idempotencyKey: string }[]): Promise<readonly SubmitItemResult[]> => batch.map(({ idempotencyKey }) => ({ idempotencyKey, outcome: 'retry', reason: noRecordsServiceReason }));

export const noRecords: Pick<RecordsPort, 'findTravellersByDocument' | 'findTravellersByRfid' | 'findVehiclesByPlate' | 'submitDecisions' | 'latestAuditAnchor' | 'departureGallery' | 'submitDepartures'> = {
  findTravellersByDocument: unconfigured,
  findTravellersByRfid: unconfigured,
  findVehiclesByPlate: unconfigured,
  submitDecisions: notSent,
  latestAuditAnchor: unconfigured,
  departureGallery: unconfigured,
  submitDepartures: notSent,
};
