import { chainAuditEntry } from '../../../app/audit/auditChain';
import type { AuditEntry } from '../../../app/audit/auditEntry';
import { sealAuditEntry } from '../AuditedWriter';
import type { BoothDatabase } from '../BoothDatabase';
import { travellerKeyOf } from '../DecisionRecorder';
import type { DecisionRowV1, OutboxRowV1 } from '../migrations/v2ReviewQueue';
import type { RecordCipher } from '../recordCipher';
import { sampleDecision } from './decisionFixtures';

export interface SeededV1 {
  readonly decisionIds: readonly string[];
  readonly outboxStates: Readonly<Record<string, OutboxRowV1['state']>>;
  readonly auditEntries: number;
  readonly biometricIds: readonly string[];
}

/**
 * Fills a database opened with `upToVersion: 1` the way a schema-1 booth wrote it (sealed with the same key), so
 * tests in Node and in Chromium can check that the upgrade keeps all of it.
 */
export async function seedSchemaV1(db: BoothDatabase, cipher: RecordCipher, count = 12): Promise<SeededV1> {
  if (db.verno !== 1) throw new Error(`seedSchemaV1 needs a schema-1 database, this one is version ${db.verno}`);
  const decisions: DecisionRowV1[] = [];
  const outbox: OutboxRowV1[] = [];
  const outboxStates: Record<string, OutboxRowV1['state']> = {};
  const audit: AuditEntry[] = [];
  const states: OutboxRowV1['state'][] = ['sent', 'pending', 'sending', 'failed'];
  for (let n = 1; n <= count; n++) {
    const d = sampleDecision(n);
    const travellerTag = await cipher.travellerTag(travellerKeyOf(d.subject));
    const recordedAt = d.decidedAt;
    decisions.push({
      decisionId: d.decisionId,
      decidedAt: d.decidedAt,
      recordedAt,
      officer: d.officer,
      outcome: d.outcome,
      recommended: d.recommended,
      overridden: d.overridden,
      offline: d.ruleReasons.includes('records_unavailable'),
      mandatory: false,
      ruleReasons: d.ruleReasons,
      officerReasons: d.officerReasons,
      versions: d.versions,
      route: d.route,
      biometricRetained: d.biometricRetained,
      travellerTag,
      sealed: await cipher.sealJson('decisions', d.decisionId, { subject: d.subject, evidence: d.evidence }),
    });
    const itemId = `outbox-${d.decisionId}`;
    const state = states[n % states.length] ?? 'pending';
    outboxStates[itemId] = state;
    outbox.push({ itemId, idempotencyKey: `decision:${d.decisionId}`, travellerTag, decisionId: d.decisionId, createdAt: recordedAt, attempts: state === 'pending' ? 0 : 2, nextAttemptAt: recordedAt, state, lastError: state === 'failed' ? 'HTTP 422' : null, sealed: await cipher.sealJson('outbox', itemId, { decision: d, offline: false, recordedAt }) });
    audit.push(chainAuditEntry(audit.at(-1) ?? { seq: 0, hash: '0'.repeat(64) }, { at: recordedAt, actor: { userId: d.officer, role: 'officer' }, action: 'decision', subject: { kind: 'decision', id: d.decisionId }, details: { outcome: d.outcome } }));
  }
  const biometricIds = ['biometric-v1-1', 'biometric-v1-2'];
  const bio = await Promise.all(biometricIds.map(async (itemId, i) => ({ itemId, decisionId: 'decision-1', travellerTag: decisions[0]?.travellerTag ?? '', usCitizen: i === 0, kind: 'face_image' as const, storedAt: decisions[0]?.decidedAt ?? '', sealed: await cipher.sealBytes('retainedBiometrics', itemId, new Uint8Array(64).fill(i + 1)) })));
  const auditRows = await Promise.all(audit.map((e) => sealAuditEntry(cipher, e)));
  await db.transaction('rw', db.tables, async () => {
    await db.table('decisions').bulkAdd(decisions);
    await db.table('outbox').bulkAdd(outbox);
    await db.table('audit').bulkAdd(auditRows);
    await db.table('retainedBiometrics').bulkAdd(bio);
    await db.table('settings').put({ key: 'retention', value: { otherTravellersDays: 9 } });
  });
  return { decisionIds: decisions.map((d) => d.decisionId), outboxStates, auditEntries: audit.length, biometricIds };
}
