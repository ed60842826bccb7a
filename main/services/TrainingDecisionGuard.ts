import type { Clock } from '../../app/ports/Clock';
import type { DecisionSyncPayload } from '../../app/inspection/decisionRecordSchema';
import type { TrainingProgress } from '../../app/training/trainingProgress';

/**
 * The host's last line between training and the records service: it remembers when training runs were open on
 * this booth, and a decision decided while one was open is never sent, whatever the renderer queued (the booth
 * marks such decisions as training and queues none of them; this catches a renderer that did not). A simulated
 * booth with a run open serves the run only, so nothing real is decided then.
 */
export class TrainingDecisionGuard {
  private readonly windows: { runId: string; from: number; to: number | null }[] = [];

  constructor(private readonly clock: Clock) {}

  /** Follows the player's progress (training:onProgress). */
  progressed(progress: TrainingProgress): void {
    const run = progress.run;
    if (!run) return;
    const now = this.clock.now().getTime();
    let window = this.windows.find((w) => w.runId === run.runId);
    if (!window && run.open) {
      window = { runId: run.runId, from: now, to: null };
      this.windows.push(window);
    }
    if (window && !run.open) window.to ??= now;
  }

  /** Why `payload` must not leave the booth, or null when it may. */
  refusal(payload: DecisionSyncPayload): string | null {
    const decidedAt = Date.parse(payload.decision.decidedAt);
    const run = this.windows.find((w) => decidedAt >= w.from && (w.to === null || decidedAt <= w.to));
    return run ? `decided during training run ${run.runId}: a training decision is never sent to the records service` : null;
  }
}
