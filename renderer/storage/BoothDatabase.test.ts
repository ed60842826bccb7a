import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import { BoothDatabase, CURRENT_SCHEMA_VERSION, schemaVersions } from './BoothDatabase';
import { DecisionStore } from './DecisionStore';
import { RecordCipher } from './recordCipher';
import { rawStorageKeyProvider } from './storageKeys';
import { sampleDecision, testStorageKey } from './testSupport/decisionFixtures';
import { seedSchemaV1 } from './testSupport/seedSchemaV1';

const keys = () => rawStorageKeyProvider(async () => testStorageKey());
const clock = { now: () => new Date('2026-11-02T09:00:00.000Z') };

describe('BoothDatabase schema versions', () => {
  it('declares versions 1..current in order, and opens empty at the current version with every table', async () => {
    expect(schemaVersions.map((v) => v.version)).toEqual([1, 2]);
    const db = new BoothDatabase('schema-empty', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['audit', 'decisions', 'outbox', 'retainedBiometrics', 'reviews', 'settings']);
    db.close();
  });

  it('upgrades a schema-1 database keeping every row, deriving review items, and the store works on it', async () => {
    const v1 = new BoothDatabase('schema-from-1', { indexedDB, IDBKeyRange, upToVersion: 1 });
    await v1.open();
    const seeded = await seedSchemaV1(v1, await RecordCipher.create(keys()), 12);
    v1.close();

    const db = new BoothDatabase('schema-from-1', { indexedDB, IDBKeyRange });
    const store = await DecisionStore.open({ db, keys: keys(), clock, ids: sequentialIds() });
    expect(db.verno).toBe(2);
    for (const [i, id] of seeded.decisionIds.entries()) {
      const stored = await store.getDecision(id);
      expect(stored?.decision.subject).toEqual(sampleDecision(i + 1).subject);
      expect(stored?.decision.evidence).toEqual(sampleDecision(i + 1).evidence);
    }
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((o) => o.itemId)).toEqual(Object.keys(seeded.outboxStates));
    expect(outbox.map((o) => o.state)).toEqual(Object.values(seeded.outboxStates).map((s) => ({ sent: 'synced', pending: 'pending', sending: 'in_flight', failed: 'dead_letter' })[s]));
    // Offline decisions (5, 10) and chip failures (7) need review, and so do the dead letters (n % 4 == 3: 3, 7, 11).
    const queue = await store.listReviewQueue({}, { offset: 0, limit: 50 });
    expect(queue.items.map((i) => i.reviewId).sort()).toEqual(['review-decision-10', 'review-decision-5', 'review-decision-7', 'review-outbox-decision-11', 'review-outbox-decision-3', 'review-outbox-decision-7'].sort());
    expect((await store.getDecision('decision-5'))?.reviewState).toBe('pending');
    expect((await store.getDecision('decision-1'))?.reviewState).toBe('not_needed');
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: seeded.auditEntries });
    expect(await store.getRetentionSettings()).toEqual({ otherTravellersDays: 9 });
    expect(await store.openRetainedBiometric('biometric-v1-2')).toEqual(new Uint8Array(64).fill(2));
    // And it goes on: a new decision chains after the migrated log and gets the next seq in the outbox.
    await store.recordDecision(sampleDecision(99), { userId: 'officer-1', role: 'officer' });
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: seeded.auditEntries + 1 });
    expect((await db.outbox.get('outbox-decision-99'))?.seq).toBe(12);
    store.close();
  });
});
