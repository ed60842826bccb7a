import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import { StandInDecisionService } from '../../app/outbox/StandInDecisionService';
import { SyncEngine } from '../../app/outbox/SyncEngine';
import type { SyncDeadLetterAlert } from '../../app/outbox/syncPolicy';
import { openAuditRow } from './auditLogReader';
import type { BoothDatabase } from './BoothDatabase';
import type { DecisionStore } from './DecisionStore';
import type { DecisionSyncPayload } from './decisionStoreTypes';
import { RecordCipher } from './recordCipher';
import { keyCheckSettingKey } from './storageKeyCheck';
import { rawStorageKeyProvider } from './storageKeys';
import { otherTestStorageKey as keyB, sampleDecision, testStorageKey as keyA } from './testSupport/decisionFixtures';
import { clock, officer, openWithKey as openWith, supervisor } from './testSupport/keyChangeStores';

function syncEngine(store: DecisionStore, service: StandInDecisionService<DecisionSyncPayload>, onAlert?: (alert: SyncDeadLetterAlert) => void) {
  return new SyncEngine<DecisionSyncPayload>({ store: store.outbox, port: service, clock, ids: sequentialIds(), random: () => 0.5, ...(onAlert ? { onAlert } : {}) });
}

/** The sealed bytes of every outbox row, to show nothing was rewritten. */
async function sealedOutbox(db: BoothDatabase): Promise<Map<string, string>> {
  const rows = await db.outbox.toArray();
  return new Map(rows.map((r) => [r.itemId, Buffer.from(r.sealed.iv).toString('hex') + Buffer.from(r.sealed.data).toString('hex')]));
}

describe('a storage key that changed under the database', () => {
  it('opens anyway, reports and audits the change for a supervisor, dead-letters what does not open, syncs the rest; the original key recovers everything', async () => {
    const name = 'key-change';
    // Key A: the first open records its check value. Decisions 1 and 2 are one traveller's, 3 another's.
    const first = await openWith(name, keyA);
    expect(first.store.keyStatus).toEqual({ state: 'recorded' });
    const checkA = (await first.db.settings.get(keyCheckSettingKey))?.value;
    for (const [n, traveller] of [[1, 1], [2, 1], [3, 3]] as const) await first.store.recordDecision(sampleDecision(n, { traveller }), officer);
    first.store.close();

    // The key file was replaced: key B.
    const second = await openWith(name, keyB);
    const before = await sealedOutbox(second.db);
    expect(second.store.keyStatus).toMatchObject({ state: 'changed', unreadable: { decisions: 3, outbox: 3, audit: 3, reviews: 0, retainedBiometrics: 0, total: 9 }, headline: 'storage key changed: 9 earlier records cannot be opened' });
    // The check value still names key A.
    expect((await second.db.settings.get(keyCheckSettingKey))?.value).toEqual(checkA);
    const keyReview = await second.store.listReviewQueue({ kind: 'storage_key_changed' });
    expect(keyReview.total).toBe(1);
    const detail = await second.store.getReviewDetail(keyReview.items[0]?.reviewId ?? '', supervisor);
    expect(detail.alert).toMatchObject({ code: 'storage_key_changed', unreadable: { total: 9 }, message: expect.stringContaining('9 earlier records cannot be opened') });
    const cipherB = await RecordCipher.create(rawStorageKeyProvider(async () => keyB()));
    const keyAudit = await second.db.audit.where('action').equals('storage_key_changed').toArray();
    expect(keyAudit).toHaveLength(1);
    expect(await openAuditRow(cipherB, keyAudit[0] ?? (undefined as never))).toMatchObject({ actor: { role: 'system' }, details: { unreadable: { total: 9 } } });

    // The officer keeps working: new decisions are recorded (one for traveller 1 again) and synced past the unreadable items.
    await second.store.recordDecision(sampleDecision(10, { traveller: 1 }), officer);
    await second.store.recordDecision(sampleDecision(11), officer);
    expect((await second.store.getDecision('decision-10'))?.decision.subject).toEqual(sampleDecision(10, { traveller: 1 }).subject);
    const service = new StandInDecisionService<DecisionSyncPayload>('up');
    const alerts: unknown[] = [];
    const engine = syncEngine(second.store, service, (a) => alerts.push(a));
    const report = await engine.drain();
    expect([...service.stored.keys()].sort()).toEqual(['decision:decision-10', 'decision:decision-11']);
    expect(report).toMatchObject({ sent: 2, accepted: 2, deadLettered: 2 });
    // The first unreadable item of each traveller is dead-lettered (its traveller's later item waits behind it, as
    // behind any dead letter); nothing is deleted and no sealed byte changed.
    const states = Object.fromEntries((await second.db.outbox.toArray()).map((r) => [r.itemId, r.state]));
    expect(states).toEqual({ 'outbox-decision-1': 'dead_letter', 'outbox-decision-2': 'pending', 'outbox-decision-3': 'dead_letter', 'outbox-decision-10': 'synced', 'outbox-decision-11': 'synced' });
    const after = await sealedOutbox(second.db);
    for (const [itemId, bytes] of before) expect(after.get(itemId)).toBe(bytes);
    expect((await second.db.outbox.get('outbox-decision-1'))?.lastError).toMatch(/payload cannot be opened: outbox\/outbox-decision-1: the sealed field does not open with this booth's key/);
    expect(alerts).toEqual([expect.objectContaining({ code: 'sync_dead_letter', cause: 'unreadable', itemId: 'outbox-decision-1' }), expect.objectContaining({ code: 'sync_dead_letter', cause: 'unreadable', itemId: 'outbox-decision-3' })]);
    const deadLetterReviews = await second.store.listReviewQueue({ kind: 'dead_lettered_sync' });
    expect(deadLetterReviews.items.map((i) => i.outboxItemId).sort()).toEqual(['outbox-decision-1', 'outbox-decision-3']);
    const deadAudit = await second.db.audit.where('action').equals('sync_dead_letter').toArray();
    expect(await Promise.all(deadAudit.map(async (row) => (await openAuditRow(cipherB, row)).details))).toEqual([expect.objectContaining({ cause: 'unreadable', decisionId: 'decision-1' }), expect.objectContaining({ cause: 'unreadable', decisionId: 'decision-3' })]);
    expect(await engine.status()).toMatchObject({ deadLettered: 2, failing: true });
    second.store.close();

    // Opened with key B again: still reported, but audited and queued only once.
    const third = await openWith(name, keyB);
    expect(third.store.keyStatus.state).toBe('changed');
    expect(await third.db.audit.where('action').equals('storage_key_changed').count()).toBe(1);
    expect((await third.store.listReviewQueue({ kind: 'storage_key_changed' })).total).toBe(1);
    third.store.close();

    // The original key file is back: no key problem, everything sealed under A opens, and a supervisor's approval
    // sends the dead letters (their review items were sealed under B: decided without a note, never rewritten).
    const restored = await openWith(name, keyA);
    expect(restored.store.keyStatus).toEqual({ state: 'matches' });
    expect((await restored.store.getDecision('decision-1'))?.decision.subject).toEqual(sampleDecision(1).subject);
    const reviewBefore = await restored.db.reviews.get('review-outbox-decision-1');
    await expect(restored.store.applyReview('review-outbox-decision-1', { verdict: 'approved', note: 'key restored' }, supervisor)).rejects.toMatchObject({ code: 'invalid_input' });
    for (const reviewId of ['review-outbox-decision-1', 'review-outbox-decision-3']) await restored.store.applyReview(reviewId, { verdict: 'approved' }, supervisor);
    expect((await restored.db.reviews.get('review-outbox-decision-1'))?.sealed).toEqual(reviewBefore?.sealed);
    expect((await restored.store.getReviewDetail('review-outbox-decision-1', supervisor)).alert).toMatchObject({ code: 'sealed_under_another_key' });
    const recovered = syncEngine(restored.store, service);
    await recovered.drain();
    expect([...service.stored.keys()].sort()).toEqual(['decision:decision-1', 'decision:decision-10', 'decision:decision-11', 'decision:decision-2', 'decision:decision-3']);
    expect(service.stored.get('decision:decision-2')?.decision.subject).toEqual(sampleDecision(2, { traveller: 1 }).subject);
    restored.store.close();
  });

  it('counts what does not open once, at the first start with the new key; later starts read the counts it recorded', async () => {
    const name = 'key-change-counted-once';
    const first = await openWith(name, keyA);
    for (const n of [1, 2, 3]) await first.store.recordDecision(sampleDecision(n, { traveller: n }), officer);
    first.store.close();
    const second = await openWith(name, keyB);
    expect(second.store.keyStatus).toMatchObject({ state: 'changed', unreadable: { decisions: 3, total: 9 } });
    // Were the next start to try every sealed row again it would now find 8; it reads the recorded 9 instead.
    await second.db.decisions.delete('decision-1');
    second.store.close();
    const third = await openWith(name, keyB);
    expect(third.store.keyStatus).toMatchObject({ state: 'changed', unreadable: { decisions: 3, total: 9 }, headline: 'storage key changed: 9 earlier records cannot be opened' });
    third.store.close();
  });

  it('records the check value of a database from before key checks only when its rows open with the key', async () => {
    const name = 'legacy-no-check';
    const old = await openWith(name, keyA);
    await old.store.recordDecision(sampleDecision(1), officer);
    await old.db.settings.delete(keyCheckSettingKey); // as a booth without key checks left it
    old.store.close();

    const wrong = await openWith(name, keyB);
    expect(wrong.store.keyStatus).toMatchObject({ state: 'changed', originalRecordedAt: null, unreadable: { total: 3 } });
    expect(await wrong.db.settings.get(keyCheckSettingKey)).toBeUndefined();
    wrong.store.close();

    const right = await openWith(name, keyA);
    expect(right.store.keyStatus).toEqual({ state: 'recorded' });
    right.store.close();
  });
});
