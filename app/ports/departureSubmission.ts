import { z } from 'zod';
import { departureRecordSchema, departureSyncPayloadSchema, type DepartureSyncPayload } from '../inspection/exit/departureRecord';
import type { SyncSubmission } from '../outbox/DecisionSyncPort';
import { boothIdSchema, decisionBatchResponseSchema, idempotencyKeySchema, maxDecisionBatch } from './decisionSubmission';

/**
 * The records service's departure intake (POST /v1/departures): the same shape as the decision intake (a batch,
 * each item with the idempotency key the service deduplicates on, answered per item), so the booth's one outbox and
 * sync engine carry both.
 */

export const maxDepartureBatch = maxDecisionBatch;

export const departureSubmissionSchema = z.strictObject({ idempotencyKey: idempotencyKeySchema, payload: departureSyncPayloadSchema });
export type DepartureSubmission = SyncSubmission<DepartureSyncPayload>;

export const departureBatchRequestSchema = z.strictObject({ boothId: boothIdSchema.optional(), departures: z.array(departureSubmissionSchema).min(1).max(maxDepartureBatch) });

/** The envelope checked before the payloads (a bad envelope is a 400; a bad item is `rejected` on its own). */
export const departureBatchEnvelopeSchema = z.strictObject({
  boothId: boothIdSchema.optional(),
  departures: z.array(z.looseObject({ idempotencyKey: idempotencyKeySchema, payload: z.unknown() })).min(1).max(maxDepartureBatch),
});

/** Answered per item exactly as a decision batch is. */
export const departureBatchResponseSchema = decisionBatchResponseSchema;

export const acceptedDepartureSchema = z.strictObject({ idempotencyKey: idempotencyKeySchema, receivedAt: z.iso.datetime({ offset: true }), departure: departureRecordSchema });
export type AcceptedDeparture = z.infer<typeof acceptedDepartureSchema>;

export const acceptedDeparturesResponseSchema = z.strictObject({ total: z.number().int().min(0), departures: z.array(acceptedDepartureSchema) });

/** Compile-time proof that what the schema accepts is a DepartureSubmission. */
export const parseDepartureSubmission = (input: unknown): DepartureSubmission => departureSubmissionSchema.parse(input);
