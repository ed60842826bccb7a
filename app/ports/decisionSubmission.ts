import { z } from 'zod';
import { boothAuditAnchorSchema } from '../audit/auditAnchor';
import { decisionSyncPayloadSchema, type DecisionSyncPayload } from '../inspection/decisionRecordSchema';
import type { SubmitItemResult, SyncSubmission } from '../outbox/DecisionSyncPort';

/**
 * The records service's decision intake contract (POST /v1/decisions): a batch of decisions, each with the
 * idempotency key the service deduplicates on, answered per item. The client validates answers with these
 * schemas and the simulator's OpenAPI document is generated from them.
 */

/** Most decisions in one request; a client splits larger batches. */
export const maxDecisionBatch = 50;

export const idempotencyKeySchema = z.string().min(1).max(256);

/** Longest reason an answer carries; longer ones are cut (a reason is for a person reading the dead-letter queue). */
export const maxReasonLength = 1000;
export const clipReason = (reason: string): string => (reason.length > maxReasonLength ? `${reason.slice(0, maxReasonLength - 1)}…` : reason);

/** One decision as sent. */
export const decisionSubmissionSchema = z.strictObject({ idempotencyKey: idempotencyKeySchema, payload: decisionSyncPayloadSchema });
export type DecisionSubmission = SyncSubmission<DecisionSyncPayload>;

/**
 * The request body as published. The service reads the envelope first (a bad envelope is a 400 for the whole
 * request) and then each payload on its own, so one invalid decision is `rejected` without refusing the rest.
 */
export const boothIdSchema = z.string().trim().min(1).max(40);

/**
 * `boothId` names the sending booth: the service keeps, per booth, the latest audit head its decisions carried
 * (`payload.auditHead`), readable at GET /v1/booths/{boothId}/audit-anchor. Without it no anchor is kept.
 */
export const decisionBatchRequestSchema = z.strictObject({ boothId: boothIdSchema.optional(), decisions: z.array(decisionSubmissionSchema).min(1).max(maxDecisionBatch) });

/** The envelope the service checks before looking at payloads (items keep unknown fields, for the strict item check). */
export const decisionBatchEnvelopeSchema = z.strictObject({
  boothId: boothIdSchema.optional(),
  decisions: z.array(z.looseObject({ idempotencyKey: idempotencyKeySchema, payload: z.unknown() })).min(1).max(maxDecisionBatch),
});

/** The answer for one item; see SubmitItemResult for what each outcome means to the sync engine. */
export const submitItemResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ idempotencyKey: idempotencyKeySchema, outcome: z.literal('accepted') }),
  z.strictObject({ idempotencyKey: idempotencyKeySchema, outcome: z.literal('duplicate') }),
  z.strictObject({ idempotencyKey: idempotencyKeySchema, outcome: z.literal('rejected'), reason: z.string().min(1).max(maxReasonLength) }),
  z.strictObject({ idempotencyKey: idempotencyKeySchema, outcome: z.literal('retry'), reason: z.string().min(1).max(maxReasonLength) }),
]);

export const decisionBatchResponseSchema = z.strictObject({ results: z.array(submitItemResultSchema).max(maxDecisionBatch) });

/** What the service holds: each accepted decision once, with when it arrived. */
export const acceptedDecisionSchema = z.strictObject({ idempotencyKey: idempotencyKeySchema, receivedAt: z.iso.datetime({ offset: true }), payload: decisionSyncPayloadSchema });
export type AcceptedDecision = z.infer<typeof acceptedDecisionSchema>;

/** GET /v1/booths/{boothId}/audit-anchor: the latest audit head the booth's accepted decisions carried, null before any. */
export const auditAnchorResponseSchema = z.strictObject({ anchor: boothAuditAnchorSchema.nullable() });

export const acceptedDecisionsResponseSchema = z.strictObject({ total: z.number().int().min(0), decisions: z.array(acceptedDecisionSchema) });

/** Compile-time proof that an answer the schema accepts is a SubmitItemResult. */
export const parseSubmitItemResult = (input: unknown): SubmitItemResult => submitItemResultSchema.parse(input);
export const parseDecisionSubmission = (input: unknown): DecisionSubmission => decisionSubmissionSchema.parse(input);

/**
 * Pairs a service's answers with the items sent, by idempotency key and in order (a key sent twice in one batch
 * takes its answers in turn); an item without an answer is `retry` with `unanswered` as the reason.
 */
export function matchResults(batch: readonly { readonly idempotencyKey: string }[], answers: readonly SubmitItemResult[], unanswered: string): SubmitItemResult[] {
  const byKey = new Map<string, SubmitItemResult[]>();
  for (const answer of answers) {
    const queue = byKey.get(answer.idempotencyKey);
    if (queue) queue.push(answer);
    else byKey.set(answer.idempotencyKey, [answer]);
  }
  return batch.map(({ idempotencyKey }) => byKey.get(idempotencyKey)?.shift() ?? { idempotencyKey, outcome: 'retry', reason: unanswered });
}
