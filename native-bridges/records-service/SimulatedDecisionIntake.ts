import type { BoothAuditAnchor } from '../../app/audit/auditAnchor';
import type { Clock } from '../../app/ports/Clock';
import { clipReason, decisionBatchEnvelopeSchema, decisionSubmissionSchema, type AcceptedDecision } from '../../app/ports/decisionSubmission';
import type { SubmitItemResult } from '../../app/outbox/DecisionSyncPort';
import { describeSchemaError } from '../../app/shared/describeSchemaError';

export interface IntakeAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * The simulator's decision intake (POST /v1/decisions): stores each accepted decision once under its idempotency
 * key, answers a key it already holds with `duplicate` (never storing it twice), and refuses an invalid item with
 * a reason naming the field, without refusing the rest of the batch. Per sending booth it keeps the latest audit
 * head its accepted decisions carried (the highest seq: decisions may arrive out of order after an outage).
 */
export class SimulatedDecisionIntake {
  private readonly held = new Set<string>();
  /** Every acceptance, appended: if deduplication ever failed, a key would show up here twice. */
  private readonly arrivals: AcceptedDecision[] = [];
  private readonly anchors = new Map<string, BoothAuditAnchor>();

  constructor(private readonly clock: Clock) {}

  /** Handles one request body; `rejectAll` is the simulator's "validation refuses everything" fault. */
  submit(body: unknown, rejectAll: boolean): IntakeAnswer {
    const envelope = decisionBatchEnvelopeSchema.safeParse(body);
    if (!envelope.success) return { status: 400, body: { error: { code: 'bad_request', message: describeSchemaError(envelope.error, { root: 'body' }) } } };
    const results = envelope.data.decisions.map((item): SubmitItemResult => {
      const { idempotencyKey } = item;
      if (this.held.has(idempotencyKey)) return { idempotencyKey, outcome: 'duplicate' };
      if (rejectAll) return { idempotencyKey, outcome: 'rejected', reason: 'payload: refused by the records service validation (simulated fault)' };
      const parsed = decisionSubmissionSchema.safeParse(item);
      if (!parsed.success) return { idempotencyKey, outcome: 'rejected', reason: clipReason(describeSchemaError(parsed.error)) };
      this.held.add(idempotencyKey);
      const receivedAt = this.clock.now().toISOString();
      this.arrivals.push({ idempotencyKey, receivedAt, payload: parsed.data.payload });
      this.anchor(envelope.data.boothId, parsed.data.payload.auditHead, receivedAt);
      return { idempotencyKey, outcome: 'accepted' };
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
    return [...this.arrivals];
  }

  /** Forgets every decision (a trainer starting a new scenario). */
  clear(): void {
    this.held.clear();
    this.arrivals.length = 0;
    this.anchors.clear();
  }
}
