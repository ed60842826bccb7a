import type { BoothAuditAnchor } from '../../app/audit/auditAnchor';
import type { Clock } from '../../app/ports/Clock';
import { decisionBatchEnvelopeSchema, decisionSubmissionSchema, type AcceptedDecision } from '../../app/ports/decisionSubmission';
import { badEnvelope, IdempotentIntake, type IntakeAnswer } from './IdempotentIntake';

/**
 * The simulator's decision intake (POST /v1/decisions): stores each accepted decision once under its idempotency
 * key, answers a key it already holds with `duplicate` (never storing it twice), and refuses an invalid item with
 * a reason naming the field, without refusing the rest of the batch. Per sending booth it keeps the latest audit
 * head its accepted decisions carried (the highest seq: decisions may arrive out of order after an outage).
 */
export class SimulatedDecisionIntake {
  private readonly intake: IdempotentIntake<typeof decisionSubmissionSchema, AcceptedDecision>;
  private readonly anchors = new Map<string, BoothAuditAnchor>();

  constructor(clock: Clock) {
    this.intake = new IdempotentIntake(clock, decisionSubmissionSchema);
  }

  /** Handles one request body; `rejectAll` is the simulator's "validation refuses everything" fault. */
  submit(body: unknown, rejectAll: boolean): IntakeAnswer {
    const envelope = decisionBatchEnvelopeSchema.safeParse(body);
    if (!envelope.success) return badEnvelope(envelope.error);
    const results = this.intake.answer(envelope.data.decisions, rejectAll, ({ idempotencyKey, payload }, receivedAt) => {
      this.anchor(envelope.data.boothId, payload.auditHead, receivedAt);
      return { idempotencyKey, receivedAt, payload };
    });
    return { status: 200, body: { results } };
  }

  /** The latest audit head a booth's accepted decisions carried, null before any did. */
  auditAnchor(boothId: string): BoothAuditAnchor | null {
    return this.anchors.get(boothId) ?? null;
  }

  private anchor(boothId: string | undefined, head: { readonly seq: number; readonly hash: string } | undefined, receivedAt: string): void {
    if (boothId === undefined || head === undefined || head.seq < 1) return;
    const held = this.anchors.get(boothId);
    if (!held || head.seq > held.seq) this.anchors.set(boothId, { boothId, seq: head.seq, hash: head.hash, receivedAt });
  }

  /** Every acceptance in arrival order (each idempotency key exactly once, which is what tests check). */
  accepted(): readonly AcceptedDecision[] {
    return this.intake.accepted();
  }

  /** Forgets every decision (a trainer starting a new scenario). */
  clear(): void {
    this.intake.clear();
    this.anchors.clear();
  }
}
