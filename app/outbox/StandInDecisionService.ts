import type { DecisionSyncPort, SubmitItemResult, SyncSubmission } from './DecisionSyncPort';

/**
 * How the stand-in answers a request: up; a timeout before (`timeout`) or after (`timeout_after_commit`) it stored the
 * batch, the nasty case where the answer is lost but the data arrived; 5xx for every item; or only the first half
 * processed before the connection drops (`partial`).
 */
export type StandInMode = 'up' | 'timeout' | 'timeout_after_commit' | 'server_error' | 'partial';

/**
 * A records-service decision intake with the real contract's semantics (idempotency keys, per-item answers), in
 * process: for sync tests, the store benchmark and trainer scenarios until the records-service simulator takes decisions.
 */
export class StandInDecisionService<P = unknown> implements DecisionSyncPort<P> {
  /** What the service holds, by idempotency key, in arrival order. */
  readonly stored = new Map<string, P>();
  /** How many times each key was accepted (stored as new): must never exceed 1. */
  readonly acceptedCount = new Map<string, number>();
  requests = 0;
  private script: StandInMode[] = [];

  constructor(
    private mode: StandInMode = 'up',
    /** A payload the service refuses (4xx) gets a reason; null accepts it. */
    private readonly validate: (payload: P) => string | null = () => null,
  ) {}

  setMode(mode: StandInMode): void {
    this.mode = mode;
  }

  /** Modes for the next requests, one each, before falling back to the current mode. */
  queueModes(...modes: StandInMode[]): void {
    this.script.push(...modes);
  }

  async submit(batch: readonly SyncSubmission<P>[]): Promise<readonly SubmitItemResult[]> {
    this.requests++;
    const mode = this.script.shift() ?? this.mode;
    switch (mode) {
      case 'timeout':
        throw new Error('records service timed out');
      case 'server_error':
        return batch.map((s) => ({ idempotencyKey: s.idempotencyKey, outcome: 'retry', reason: 'HTTP 503' }));
      case 'timeout_after_commit':
        batch.forEach((s) => this.intake(s));
        throw new Error('records service timed out');
      case 'partial':
        return batch.slice(0, Math.ceil(batch.length / 2)).map((s) => this.intake(s));
      case 'up':
        return batch.map((s) => this.intake(s));
    }
  }

  private intake(submission: SyncSubmission<P>): SubmitItemResult {
    const { idempotencyKey } = submission;
    if (this.stored.has(idempotencyKey)) return { idempotencyKey, outcome: 'duplicate' };
    const refusal = this.validate(submission.payload);
    if (refusal) return { idempotencyKey, outcome: 'rejected', reason: refusal };
    this.stored.set(idempotencyKey, submission.payload);
    this.acceptedCount.set(idempotencyKey, (this.acceptedCount.get(idempotencyKey) ?? 0) + 1);
    return { idempotencyKey, outcome: 'accepted' };
  }
}
