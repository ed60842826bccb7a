import { decisionSyncRequestSchema, type DecisionSyncReply } from '../../app/host/decisionSyncChannel';
import { HostFailure } from '../../app/host/result';
import type { SubmitItemResult, SyncSubmission } from '../../app/outbox/DecisionSyncPort';
import { isDeparturePayload } from '../../app/inspection/exit/departureRecord';
import { departureSubmissionSchema, type DepartureSubmission } from '../../app/ports/departureSubmission';
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
export async function submitDecisionBatch(
  records: Pick<RecordsPort, 'submitDecisions' | 'submitDepartures'>,
  request: unknown,
  refusal: (item: DecisionSubmission | DepartureSubmission) => string | null = () => null,
): Promise<DecisionSyncReply> {
  const envelope = decisionSyncRequestSchema.safeParse(request);
  if (!envelope.success) throw new HostFailure('invalid_request', `decisions:sync: ${describeSchemaError(envelope.error, { root: 'request' })}`);
  const items = envelope.data.batch;
  const refused = new Map<number, SubmitItemResult>();
  // The one outbox carries decisions and (exit lanes) departures: each kind goes to its own intake.
  const decisions: { index: number; item: DecisionSubmission }[] = [];
  const departures: { index: number; item: DepartureSubmission }[] = [];
  items.forEach((item, index) => {
    const departure = isDeparturePayload(item.payload);
    const parsed = departure ? departureSubmissionSchema.safeParse(item) : decisionSubmissionSchema.safeParse(item);
    // A decision or departure made during a training run is withheld here too (the renderer never queues one): never synced.
    const withheld = parsed.success ? refusal(parsed.data as DecisionSubmission | DepartureSubmission) : null;
    if (!parsed.success) refused.set(index, { idempotencyKey: item.idempotencyKey, outcome: 'rejected', reason: clipReason(`invalid ${departure ? 'departure' : 'decision'}: ${describeSchemaError(parsed.error)}`) });
    else if (withheld) refused.set(index, { idempotencyKey: item.idempotencyKey, outcome: 'rejected', reason: clipReason(withheld) });
    else if (departure) departures.push({ index, item: parsed.data as DepartureSubmission });
    else decisions.push({ index, item: parsed.data as DecisionSubmission });
  });
  const answered = new Map<number, SubmitItemResult>(refused);
  const send = async <T extends SyncSubmission>(sent: readonly { index: number; item: T }[], submit: (batch: readonly T[]) => Promise<readonly SubmitItemResult[]>) => {
    if (sent.length === 0) return;
    const batch = sent.map((s) => s.item);
    const answers = matchResults(batch, await submitOrRetry(batch, submit), 'the records service gave no answer for this item');
    sent.forEach((s, i) => answered.set(s.index, answers[i]!));
  };
  await send(decisions, (batch) => records.submitDecisions(batch));
  await send(departures, (batch) => records.submitDepartures(batch));
  return { results: items.map((_, index) => answered.get(index)!) };
}

/** RecordsPort's submissions never throw by contract; a broken implementation still must not lose the batch. */
async function submitOrRetry<T extends SyncSubmission>(batch: readonly T[], submit: (batch: readonly T[]) => Promise<readonly SubmitItemResult[]>): Promise<readonly SubmitItemResult[]> {
  try {
    return await submit(batch);
  } catch (error) {
    const reason = clipReason(`the records service client failed: ${error instanceof Error ? error.message : String(error)}`);
    return batch.map(({ idempotencyKey }) => ({ idempotencyKey, outcome: 'retry', reason }));
  }
}
