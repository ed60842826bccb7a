import type { Clock } from '../../app/ports/Clock';
import { clipReason } from '../../app/ports/decisionSubmission';
import { departureBatchEnvelopeSchema, departureSubmissionSchema, type AcceptedDeparture } from '../../app/ports/departureSubmission';
import type { SubmitItemResult } from '../../app/outbox/DecisionSyncPort';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import type { IntakeAnswer } from './SimulatedDecisionIntake';

/**
 * The simulator's departure intake (POST /v1/departures): each departure stored once under its idempotency key, a
 * key already held answered `duplicate` (never stored twice), an invalid item refused with the field named without
 * refusing the rest of the batch.
 */
export class SimulatedDepartureIntake {
  private readonly held = new Set<string>();
  /** Every acceptance, appended: a failed deduplication would show a key twice (what tests check). */
  private readonly arrivals: AcceptedDeparture[] = [];

  constructor(private readonly clock: Clock) {}

  submit(body: unknown, rejectAll: boolean): IntakeAnswer {
    const envelope = departureBatchEnvelopeSchema.safeParse(body);
    if (!envelope.success) return { status: 400, body: { error: { code: 'bad_request', message: describeSchemaError(envelope.error, { root: 'body' }) } } };
    const results = envelope.data.departures.map((item): SubmitItemResult => {
      const { idempotencyKey } = item;
      if (this.held.has(idempotencyKey)) return { idempotencyKey, outcome: 'duplicate' };
      if (rejectAll) return { idempotencyKey, outcome: 'rejected', reason: 'payload: refused by the records service validation (simulated fault)' };
      const parsed = departureSubmissionSchema.safeParse(item);
      if (!parsed.success) return { idempotencyKey, outcome: 'rejected', reason: clipReason(describeSchemaError(parsed.error)) };
      this.held.add(idempotencyKey);
      this.arrivals.push({ idempotencyKey, receivedAt: this.clock.now().toISOString(), departure: parsed.data.payload.departure });
      return { idempotencyKey, outcome: 'accepted' };
    });
    return { status: 200, body: { results } };
  }

  /** Every acceptance in arrival order, each idempotency key once. */
  accepted(): readonly AcceptedDeparture[] {
    return [...this.arrivals];
  }

  clear(): void {
    this.held.clear();
    this.arrivals.length = 0;
  }
}
