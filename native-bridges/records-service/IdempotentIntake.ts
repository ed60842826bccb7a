import type { z } from 'zod';
import type { SubmitItemResult } from '../../app/outbox/DecisionSyncPort';
import type { Clock } from '../../app/ports/Clock';
import { clipReason } from '../../app/ports/decisionSubmission';
import { describeSchemaError } from '../../app/shared/describeSchemaError';

export interface IntakeAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** A malformed request envelope: a 400 for the whole request, naming what was wrong. */
export const badEnvelope = (error: z.ZodError): IntakeAnswer => ({ status: 400, body: { error: { code: 'bad_request', message: describeSchemaError(error, { root: 'body' }) } } });

/**
 * What the simulator's intakes (decisions, departures) do with the items of a batch: each accepted item stored once
 * under its idempotency key, a key already held answered `duplicate` (never stored twice), an invalid item refused
 * with a reason naming the field, without refusing the rest of the batch.
 */
export class IdempotentIntake<Schema extends z.ZodType, Stored> {
  private readonly held = new Set<string>();
  /** Every acceptance, appended: if deduplication ever failed, a key would show up here twice (what tests check). */
  private readonly arrivals: Stored[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly itemSchema: Schema,
  ) {}

  /** Answers each item in order; `store` makes what is kept of an accepted one. `rejectAll` is the "validation refuses everything" fault. */
  answer(items: readonly { readonly idempotencyKey: string }[], rejectAll: boolean, store: (item: z.output<Schema>, receivedAt: string) => Stored): SubmitItemResult[] {
    return items.map((item): SubmitItemResult => {
      const { idempotencyKey } = item;
      if (this.held.has(idempotencyKey)) return { idempotencyKey, outcome: 'duplicate' };
      if (rejectAll) return { idempotencyKey, outcome: 'rejected', reason: 'payload: refused by the records service validation (simulated fault)' };
      const parsed = this.itemSchema.safeParse(item);
      if (!parsed.success) return { idempotencyKey, outcome: 'rejected', reason: clipReason(describeSchemaError(parsed.error)) };
      this.held.add(idempotencyKey);
      this.arrivals.push(store(parsed.data, this.clock.now().toISOString()));
      return { idempotencyKey, outcome: 'accepted' };
    });
  }

  /** Every acceptance in arrival order, each idempotency key once. */
  accepted(): readonly Stored[] {
    return [...this.arrivals];
  }

  clear(): void {
    this.held.clear();
    this.arrivals.length = 0;
  }
}
