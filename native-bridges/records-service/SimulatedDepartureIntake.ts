import type { Clock } from '../../app/ports/Clock';
import { departureBatchEnvelopeSchema, departureSubmissionSchema, type AcceptedDeparture } from '../../app/ports/departureSubmission';
import { badEnvelope, IdempotentIntake, type IntakeAnswer } from './IdempotentIntake';

/**
 * The simulator's departure intake (POST /v1/departures): each departure stored once under its idempotency key, a
 * key already held answered `duplicate` (never stored twice), an invalid item refused with the field named without
 * refusing the rest of the batch.
 */
export class SimulatedDepartureIntake {
  private readonly intake: IdempotentIntake<typeof departureSubmissionSchema, AcceptedDeparture>;

  constructor(clock: Clock) {
    this.intake = new IdempotentIntake(clock, departureSubmissionSchema);
  }

  submit(body: unknown, rejectAll: boolean): IntakeAnswer {
    const envelope = departureBatchEnvelopeSchema.safeParse(body);
    if (!envelope.success) return badEnvelope(envelope.error);
    const results = this.intake.answer(envelope.data.departures, rejectAll, ({ idempotencyKey, payload }, receivedAt) => ({ idempotencyKey, receivedAt, departure: payload.departure }));
    return { status: 200, body: { results } };
  }

  /** Every acceptance in arrival order, each idempotency key once. */
  accepted(): readonly AcceptedDeparture[] {
    return this.intake.accepted();
  }

  clear(): void {
    this.intake.clear();
  }
}
