import type { BoothAuditAnchor } from '../audit/auditAnchor';
import type { SubmitItemResult } from '../outbox/DecisionSyncPort';
import type { DecisionSubmission } from './decisionSubmission';
import type { DepartureGallery, DepartureGalleryQuery } from './departureGallery';
import type { DepartureSubmission } from './departureSubmission';
import type { DevicePort } from './DevicePort';
import type { DocumentQuery, PlateQuery, RecordsResult } from './recordsLookup';
import type { TravellerRecord, VehicleRecord } from './travellerRecord';

/** The records service the booth queries (TVS-like). Status: connected = reachable at the last request or probe. */
export interface RecordsPort extends DevicePort {
  readonly kind: 'recordsService';
  /** Travellers holding this document (normally zero or one). */
  findTravellersByDocument(query: DocumentQuery): Promise<RecordsResult<readonly TravellerRecord[]>>;
  /** Travellers an RFID card reference (passport card, EDL, trusted-traveller card) is registered to. */
  findTravellersByRfid(reference: string): Promise<RecordsResult<readonly TravellerRecord[]>>;
  /** Vehicles registered under this plate. */
  findVehiclesByPlate(query: PlateQuery): Promise<RecordsResult<readonly VehicleRecord[]>>;
  /**
   * Sends officer decisions to the service's intake (deduplicated on each item's idempotency key) and answers per
   * item, in the batch's order. Never throws: a timeout, an unreachable or failing service, or an answer out of
   * contract makes every unanswered item `retry` (resending is safe); only a refusal of the item itself is `rejected`.
   */
  submitDecisions(batch: readonly DecisionSubmission[]): Promise<readonly SubmitItemResult[]>;
  /**
   * The latest audit head this booth's accepted decisions carried (null when none carried one): what the booth's
   * audit log is known to have reached, held outside the booth. Never throws.
   */
  latestAuditAnchor(): Promise<RecordsResult<BoothAuditAnchor | null>>;
  /** Exit lanes: the travellers expected to leave through this port and lane, with the photos to identify them by. */
  departureGallery(query: DepartureGalleryQuery): Promise<RecordsResult<DepartureGallery>>;
  /**
   * Sends departure records to the service's departure intake, as submitDecisions does decisions (deduplicated on
   * each item's idempotency key, answered per item in the batch's order, never throws).
   */
  submitDepartures(batch: readonly DepartureSubmission[]): Promise<readonly SubmitItemResult[]>;
}
