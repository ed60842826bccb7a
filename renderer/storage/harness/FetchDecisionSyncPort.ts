import { z } from 'zod';
import type { DecisionSyncPort, SubmitItemResult, SyncSubmission } from '../../../app/outbox/DecisionSyncPort';

const resultsSchema = z.array(
  z.discriminatedUnion('outcome', [
    z.object({ idempotencyKey: z.string(), outcome: z.literal('accepted') }),
    z.object({ idempotencyKey: z.string(), outcome: z.literal('duplicate') }),
    z.object({ idempotencyKey: z.string(), outcome: z.literal('rejected'), reason: z.string() }),
    z.object({ idempotencyKey: z.string(), outcome: z.literal('retry'), reason: z.string() }),
  ]),
);

/**
 * The harness's records service: a POST the end-to-end test answers from Node (page.route), so the service and its
 * counts outlive the page when the test kills the renderer. Not the booth's records adapter.
 */
export class FetchDecisionSyncPort<P> implements DecisionSyncPort<P> {
  constructor(private readonly url: string) {}

  async submit(batch: readonly SyncSubmission<P>[]): Promise<readonly SubmitItemResult[]> {
    const response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    if (response.status >= 500) return batch.map((s) => ({ idempotencyKey: s.idempotencyKey, outcome: 'retry', reason: `HTTP ${response.status}` }));
    const parsed = resultsSchema.safeParse(await response.json());
    if (!parsed.success) throw new Error(`records service answered out of contract: ${parsed.error.message}`);
    return parsed.data;
  }
}
