import type { AuditActor } from '../../app/audit/auditEntry';
import type { DecisionRecord, SupervisorAlert } from '../../app/inspection/officerDecision';
import type { TrainingMark } from '../../app/training/trainingDebrief';
import { decisionRowOf } from './DecisionRecorder';
import { decisionAuditDetails } from './decisionAuditDetails';
import { DecisionStoreError } from './decisionStoreTypes';
import { nowIso, parseActor, type StoreContext } from './storeContext';

/**
 * Recording what a trainee does in a training run: the decision is kept (its row carries the run) and audited as
 * training (`training_decision`), in one transaction, and nothing else happens: no outbox item (it is never sent to
 * the records service), no review item (it never reaches the supervisors' queue), no biometrics kept. A refused
 * override is audited as training and scored by the run, not queued for a real supervisor.
 */
export class TrainingDecisionRecorder {
  constructor(private readonly context: StoreContext) {}

  async recordTrainingDecision(decision: DecisionRecord, actor: AuditActor, training: TrainingMark): Promise<{ readonly decisionId: string; readonly recordedAt: string; readonly auditSeq: number }> {
    const by = parseActor(actor);
    const { db, writer } = this.context;
    return writer.exclusive(async () => {
      const recordedAt = nowIso(this.context);
      const row = await decisionRowOf(this.context, decision, { recordedAt, offline: false, mandatory: false, reviewState: 'not_needed', training });
      const details = { ...training, ...decisionAuditDetails(decision) };
      const { entries } = await writer.commit([{ at: recordedAt, actor: by, action: 'training_decision', subject: { kind: 'decision', id: decision.decisionId }, details }], async () => {
        if (await db.decisions.get(decision.decisionId)) throw new DecisionStoreError('duplicate_decision', `decision ${decision.decisionId} is already recorded`);
        await db.decisions.add(row);
      });
      return { decisionId: decision.decisionId, recordedAt, auditSeq: entries[0]?.seq ?? 0 };
    });
  }

  async recordTrainingAlert(alert: SupervisorAlert, actor: AuditActor, training: TrainingMark): Promise<void> {
    const by = parseActor(actor);
    await this.context.writer.exclusive(() =>
      this.context.writer.commit([{ at: nowIso(this.context), actor: by, action: 'training_override_refused', subject: { kind: 'alert', id: alert.alertId }, details: { ...training, mandatoryReasons: [...alert.mandatoryReasons] } }], async () => {}),
    );
  }
}
