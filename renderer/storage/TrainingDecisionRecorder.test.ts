import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import { BoothDatabase } from './BoothDatabase';
import { DecisionStore } from './DecisionStore';
import { rawStorageKeyProvider } from './storageKeys';
import { sampleDecision, testStorageKey } from './testSupport/decisionFixtures';

const trainee = { userId: 'kim', role: 'officer' } as const;
const mark = { runId: 'run-7', scenario: 'clean-then-expired' };
const clock = { now: () => new Date('2026-11-01T09:00:00.000Z') };

async function openStore(name: string) {
  const db = new BoothDatabase(name, { indexedDB, IDBKeyRange });
  return { db, store: await DecisionStore.open({ db, keys: rawStorageKeyProvider(async () => testStorageKey()), clock, ids: sequentialIds() }) };
}

describe('DecisionStore: training decisions', () => {
  it('keeps a training decision marked with its run and audited as training, with no outbox item and no review item', async () => {
    const { db, store } = await openStore('booth-training-1');
    // A mandatory referral cleared by override would queue for review as real work; in training it never does.
    const decision = sampleDecision(1, { outcome: 'clear', recommended: 'refer', overridden: true, ruleReasons: ['records_unavailable'], officerReasons: ['officer_observation'], direction: 'entry', policyId: 'us-entry-2026' });
    expect(await store.recordTrainingDecision(decision, trainee, mark)).toEqual({ decisionId: 'decision-1', recordedAt: '2026-11-01T09:00:00.000Z', auditSeq: 1 });
    await store.recordTrainingAlert({ alertId: 'alert-1', code: 'override_attempt_on_mandatory_referral', subject: decision.subject, officer: 'kim', at: decision.decidedAt, mandatoryReasons: ['chip_clone_suspected'], message: 'x' }, trainee, mark);

    expect(await store.getDecision('decision-1')).toMatchObject({ decision, reviewState: 'not_needed' });
    expect((await db.decisions.get('decision-1'))?.training).toEqual(mark);
    expect(await store.outbox.listUnsynced()).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
    expect((await store.listReviewQueue()).total).toBe(0);
    expect(await db.retainedBiometrics.count()).toBe(0);
    const exported = await store.exportAudit({ userId: 'sup-1', role: 'supervisor' });
    const actions = exported.jsonl.trim().split('\n').map((line) => JSON.parse(line) as { action: string; details: Record<string, unknown> });
    expect(actions.map((a) => a.action)).toEqual(['training_decision', 'training_override_refused', 'export']);
    expect(actions[0]?.details).toMatchObject({ runId: 'run-7', scenario: 'clean-then-expired', outcome: 'clear', overridden: true, direction: 'entry', policyId: 'us-entry-2026' });
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 3 });
    await expect(store.recordTrainingDecision(decision, trainee, mark)).rejects.toThrow('decision decision-1 is already recorded');
    store.close();
  });
});
