import { systemClock } from '../../app/ports/Clock';
import { Emitter } from '../../app/shared/event';
import type { HostClient } from '../host/HostClient';
import type { BoothStore } from '../state/createBoothStore';
import { BoothDatabase } from '../storage/BoothDatabase';
import { DecisionStore } from '../storage/DecisionStore';
import { rawStorageKeyProvider } from '../storage/storageKeys';
import type { RecordedDecision } from '../storage/decisionStoreTypes';
import type { BoothJournal, DecisionContext } from './DecisionJournal';
import { evidenceOnScreen } from '../../app/training/trainingDebrief';

const browserIds = { next: (prefix: string) => `${prefix}-${crypto.randomUUID()}` };

function bytesOf(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}

/**
 * The booth's journal: the encrypted IndexedDB DecisionStore, opened on first use with the key the main
 * process holds. Every decision is written with its outbox item, review item and audit entry in one
 * transaction; the promise resolves after that transaction has completed.
 */
export function openDecisionJournal(host: Pick<HostClient, 'call'>, store: BoothStore): BoothJournal {
  // The run scores what the booth recorded; a report that fails leaves the decision recorded (as training), unscored.
  const reported = (what: string) => (result: { ok: boolean; error?: { message: string } }) => {
    if (!result.ok) store.getState().announce(`The training run did not get the ${what}: ${result.error?.message ?? 'no answer'}`, 'warning');
  };
  let opened: Promise<DecisionStore> | null = null;
  const decisionStore = () =>
    (opened ??= DecisionStore.open({
      db: new BoothDatabase(),
      keys: rawStorageKeyProvider(async () => {
        const reply = await host.call('storage:getKey', {});
        if (!reply.ok) throw new Error(`the storage key is unavailable: ${reply.error.message}`);
        return bytesOf(reply.value.key);
      }),
      clock: systemClock,
      ids: browserIds,
    }).catch((error: unknown) => {
      opened = null; // let the next decision try again (host reconnected, key file fixed)
      throw error;
    }));
  // Every write is attributed to the signed-in user; with nobody signed in (a failed sign-in) to the booth itself.
  // Read when the step is taken, before any await: a sign-out audited now must name who signed out, not whoever
  // (or nobody) is signed in by the time the store has opened.
  const actor = () => {
    const user = store.getState().user;
    return user ? { userId: user.userId, role: user.role } : { userId: store.getState().info?.boothId ?? 'booth', role: 'system' as const };
  };
  const recordedDecisions = new Emitter<RecordedDecision>('recorded decisions');
  return {
    store: decisionStore,
    onRecorded: recordedDecisions.event,
    async recordDecision(decision, context: DecisionContext) {
      const by = actor();
      const training = context.training;
      if (training) {
        await (await decisionStore()).recordTrainingDecision(decision, by, training.mark);
        const reasons = [...decision.ruleReasons, ...decision.officerReasons];
        if (training.subject) {
          void host
            .call('training:decided', { runId: training.mark.runId, decisionId: decision.decisionId, subject: training.subject, outcome: decision.outcome, reasons, decidedAt: decision.decidedAt, evidence: evidenceOnScreen(decision, training.chipVerdict) })
            .then(reported('decision'));
        }
        return;
      }
      const biometrics = context.bestShot ? [{ kind: 'face_image' as const, usCitizen: context.usCitizen, bytes: bytesOf(context.bestShot.base64) }] : [];
      const recorded = await (await decisionStore()).recordDecision(decision, by, { mandatoryReferral: context.mandatoryReferral, biometrics });
      recordedDecisions.fire(recorded);
    },
    async recordExit(confirmation, training) {
      const by = actor();
      const recorded = await (await decisionStore()).recordExit(confirmation, by, training);
      // A training run's exit is kept as training only: nothing to sync, review or purge.
      if (training) return recorded;
      const storedAt = recorded.recordedAt;
      recordedDecisions.fire({
        decisionId: `exit-${confirmation.sessionId}`,
        recordedAt: storedAt,
        offline: confirmation.offline,
        reviewKinds: recorded.reviewIds.length > 0 ? ['offline_decision'] : [],
        outboxItemId: recorded.outboxItemIds[0] ?? '',
        auditSeq: recorded.auditSeq,
        retained: confirmation.citizens.flatMap((c) => (c.photo ? [{ kind: c.photo.kind, usCitizen: true, storedAt: c.photo.capturedAt ?? storedAt }] : [])),
      });
      return recorded;
    },
    async recordAlert(alert, training) {
      const by = actor();
      if (training) {
        await (await decisionStore()).recordTrainingAlert(alert, by, training.mark);
        if (training.subject) void host.call('training:alerted', { runId: training.mark.runId, subject: training.subject, at: alert.at }).then(reported('supervisor alert'));
        return;
      }
      await (await decisionStore()).recordOverrideAttempt(alert, by);
    },
    async audit(action, details = {}) {
      const by = actor();
      await (await decisionStore()).audit(action, by, details);
    },
  };
}
