import { decisionSyncRequestSchema, type DecisionSyncReply } from '../../app/host/decisionSyncChannel';
import { HostFailure } from '../../app/host/result';
import type { SubmitItemResult } from '../../app/outbox/DecisionSyncPort';
import { clipReason, decisionSubmissionSchema, matchResults, type DecisionSubmission } from '../../app/ports/decisionSubmission';
import type { RecordsPort } from '../../app/ports/RecordsPort';
import { describeSchemaError } from '../../app/shared/describeSchemaError';

/**
 * The host side of `decisions:sync`: what the renderer's outbox sends is untrusted, so every item is parsed here
 * before it leaves the booth. An invalid item is answered `rejected` with the bad field named (the outbox
 * dead-letters it after repeated rejections, for a supervisor); the valid ones go to the records service and its
 * per-item answers come back in the request's order. An item `refusal` names a reason for (a training decision)
 * is answered `rejected` and never sent. Only a request whose envelope is not a batch at all fails
 * (HostFailure invalid_request): it carries no idempotency keys to answer for.
 */
export async function submitDecisionBatch(records: Pick<RecordsPort, 'submitDecisions'>, request: unknown, refusal: (item: DecisionSubmission) => string | null = () => null): Promise<DecisionSyncReply> {
  const envelope = decisionSyncRequestSchema.safeParse(request);
  if (!envelope.success) throw new HostFailure('invalid_request', `decisions:sync: ${describeSchemaError(envelope.error, { root: 'request' })}`);
  const items = envelope.data.batch;
  const refused = new Map<number, SubmitItemResult>();
  const valid: DecisionSubmission[] = [];
  items.forEach((item, index) => {
    const parsed = decisionSubmissionSchema.safeParse(item);
    const withheld = parsed.success ? refusal(parsed.data) : null;
    if (withheld) refused.set(index, { idempotencyKey: item.idempotencyKey, outcome: 'rejected', reason: clipReason(withheld) });
    else if (parsed.success) valid.push(parsed.data);
    else refused.set(index, { idempotencyKey: item.idempotencyKey, outcome: 'rejected', reason: clipReason(`invalid decision: ${describeSchemaError(parsed.error)}`) });
  });
  const answers = valid.length === 0 ? [] : matchResults(valid, await submitOrRetry(records, valid), 'the records service gave no answer for this item');
  let next = 0;
  return { results: items.map((_, index) => refused.get(index) ?? answers[next++]!) };
}

/** RecordsPort.submitDecisions never throws by contract; a broken implementation still must not lose the batch. */
async function submitOrRetry(records: Pick<RecordsPort, 'submitDecisions'>, batch: readonly DecisionSubmission[]): Promise<readonly SubmitItemResult[]> {
  try {
    return await records.submitDecisions(batch);
  } catch (error) {
    const reason = clipReason(`the records service client failed: ${error instanceof Error ? error.message : String(error)}`);
    return batch.map(({ idempotencyKey }) => ({ idempotencyKey, outcome: 'retry', reason }));
  }
}
