import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import { BoothDatabase } from './BoothDatabase';
import { DecisionStore } from './DecisionStore';
import { decisionAuditDetails } from './decisionAuditDetails';
import { rawStorageKeyProvider } from './storageKeys';
import { sampleDecision, testStorageKey } from './testSupport/decisionFixtures';

const officer = { userId: 'kim', role: 'officer' } as const;
const clock = { now: () => new Date('2026-11-01T09:00:00.000Z') };

async function auditDetailsOf(name: string, record: (store: DecisionStore) => Promise<unknown>) {
  const db = new BoothDatabase(name, { indexedDB, IDBKeyRange });
  const store = await DecisionStore.open({ db, keys: rawStorageKeyProvider(async () => testStorageKey()), clock, ids: sequentialIds() });
  await record(store);
  const exported = await store.exportAudit({ userId: 'sup-1', role: 'supervisor' });
  store.close();
  return (JSON.parse(exported.jsonl.split('\n')[0]!) as { details: unknown }).details;
}

describe('decisionAuditDetails', () => {
  const decision = sampleDecision(1, { outcome: 'clear', recommended: 'refer', overridden: true, ruleReasons: ['records_unavailable'], officerReasons: ['officer_observation'], direction: 'entry', policyId: 'us-entry-2026' });

  it('is what a real decision and a training decision are both audited with, each adding only its own facts', async () => {
    expect(decisionAuditDetails(decision)).toEqual({ outcome: 'clear', recommended: 'refer', overridden: true, ruleReasons: ['records_unavailable'], officerReasons: ['officer_observation'], direction: 'entry', policyId: 'us-entry-2026' });
    const real = await auditDetailsOf('booth-audit-details-real', (store) => store.recordDecision(decision, officer));
    expect(real).toEqual({ ...decisionAuditDetails(decision), offline: true, reviewKinds: ['override', 'offline_decision'], biometricsKept: 0 });
    const training = await auditDetailsOf('booth-audit-details-training', (store) => store.recordTrainingDecision(decision, officer, { runId: 'run-7' }));
    expect(training).toEqual({ runId: 'run-7', ...decisionAuditDetails(decision) });
  });

  it('leaves out the direction and policy a decision does not carry', () => {
    const { direction: _direction, policyId: _policyId, ...older } = decision;
    expect(Object.keys(decisionAuditDetails(older))).toEqual(['outcome', 'recommended', 'overridden', 'ruleReasons', 'officerReasons']);
  });
});
