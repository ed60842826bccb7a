import type { Clock } from '../../app/ports/Clock';
import type { DecisionSyncPayload } from '../../app/inspection/decisionRecordSchema';
import type { DepartureSyncPayload } from '../../app/inspection/exit/departureRecord';
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

  /**
   * Follows the player's progress (training:onProgress). The player has one open run at most: any other run still
   * open here has ended (a restart or a newly loaded scenario ends a run without a progress saying so).
   */
  progressed(progress: TrainingProgress): void {
    const now = this.clock.now().getTime();
    const open = progress.run?.open ? progress.run.runId : null;
    for (const window of this.windows) if (window.runId !== open) window.to ??= now;
    if (open !== null && !this.windows.some((w) => w.runId === open)) this.windows.push({ runId: open, from: now, to: null });
  }

  /** Why `payload` (a decision, or an exit lane's departure) must not leave the booth, or null when it may. */
  refusal(payload: DecisionSyncPayload | DepartureSyncPayload): string | null {
    const decidedAt = Date.parse('decision' in payload ? payload.decision.decidedAt : payload.departure.departedAt);
    const run = this.windows.find((w) => decidedAt >= w.from && (w.to === null || decidedAt <= w.to));
    return run ? `decided during training run ${run.runId}: a training decision is never sent to the records service` : null;
  }
}
