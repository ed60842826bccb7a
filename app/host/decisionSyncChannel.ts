import { z } from 'zod';
import { idempotencyKeySchema, maxDecisionBatch, submitItemResultSchema } from '../ports/decisionSubmission';

/**
 * The `decisions:sync` host channel: the renderer's outbox hands a batch to the host, which sends it to the
 * records service and answers per item. The request keeps each payload unparsed on purpose: the host parses
 * every payload on its own (decisionSyncPayloadSchema), so one bad decision is `rejected` with the field named
 * instead of the whole batch failing as an invalid request.
 */
export const decisionSyncChannelDoc =
  "Sends a batch of the outbox's decisions to the records service (deduplicated on idempotency keys); answers per item: accepted, duplicate, rejected (reason names the field) or retry.";

export const decisionSyncRequestSchema = z.strictObject({
  batch: z.array(z.looseObject({ idempotencyKey: idempotencyKeySchema, payload: z.unknown() })).max(maxDecisionBatch),
});
export type DecisionSyncRequest = z.input<typeof decisionSyncRequestSchema>;

/** One result per request item, in the request's order. */
export const decisionSyncReplySchema = z.strictObject({ results: z.array(submitItemResultSchema).max(maxDecisionBatch) });
export type DecisionSyncReply = z.output<typeof decisionSyncReplySchema>;
