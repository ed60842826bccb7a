import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { verifyAuditJsonLines } from '../../app/audit/auditJsonLines';
import { sequentialIds } from '../../app/ports/Ids';
import { StandInDecisionService } from '../../app/outbox/StandInDecisionService';
import { SyncEngine } from '../../app/outbox/SyncEngine';
import { BoothDatabase } from './BoothDatabase';
import { DecisionStore } from './DecisionStore';
import type { DecisionSyncPayload } from './decisionStoreTypes';
import { rawStorageKeyProvider } from './storageKeys';
import { sampleDecision, testStorageKey } from './testSupport/decisionFixtures';
import { shippedPolicies } from '../../app/policy/testSupport/shippedPolicies';
import { faceIdentifiedDeparture } from '../../app/inspection/exit/testSupport/faceIdentifiedDeparture';

const officer = { userId: 'officer-1', role: 'officer' } as const;
const supervisor = { userId: 'sup-1', role: 'supervisor' } as const;
let dbCounter = 0;

function manualClock(iso = '2026-11-01T09:00:00.000Z') {
  let t = Date.parse(iso);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

async function openStore(name = `booth-test-${++dbCounter}`, clock = manualClock()) {
  const db = new BoothDatabase(name, { indexedDB, IDBKeyRange });
  const store = await DecisionStore.open({ db, keys: rawStorageKeyProvider(async () => testStorageKey()), clock, ids: sequentialIds() });
  return { store, db, clock, name };
}

describe('DecisionStore: recording', () => {
  it('records a decision with its outbox item and audit entry, readable after the database is reopened', async () => {
    const { store, name, clock } = await openStore();
    // Its direction and policy are kept with it (a review judges it by that policy).
    const decision = sampleDecision(1, { note: 'calm, consistent answers', direction: 'exit', policyId: 'us-biometric-entry-exit.90fr48604' });
    const recorded = await store.recordDecision(decision, officer);
    expect(recorded).toMatchObject({ decisionId: 'decision-1', offline: false, reviewKinds: [], outboxItemId: 'outbox-decision-1', auditSeq: 1 });
    store.close();

    const reopened = await openStore(name, clock);
    expect(await reopened.store.getDecision('decision-1')).toEqual({ decision, offline: false, mandatory: false, recordedAt: '2026-11-01T09:00:00.000Z', reviewState: 'not_needed' });
    expect(await reopened.store.outbox.listUnsynced()).toMatchObject([{ itemId: 'outbox-decision-1', idempotencyKey: 'decision:decision-1', state: 'pending', seq: 0 }]);
    expect(await reopened.store.verifyAudit()).toMatchObject({ ok: true, count: 1 });
    // Personal data is sealed at rest: the identity key appears nowhere in clear.
    const raw = JSON.stringify([await reopened.db.decisions.toArray(), await reopened.db.outbox.toArray(), await reopened.db.audit.toArray()]);
    expect(raw).not.toContain('L00000001');
    expect(raw).not.toContain('calm, consistent');
  });

  it('is all or nothing: a duplicate decision adds no outbox item, review or audit entry', async () => {
    const { store, db } = await openStore();
    await store.recordDecision(sampleDecision(5), officer);
    await expect(store.recordDecision(sampleDecision(5), officer)).rejects.toMatchObject({ code: 'duplicate_decision' });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.reviews.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
    // The chain head was not advanced by the failed write: the next entry follows on.
    await store.recordDecision(sampleDecision(6), officer);
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 2 });
  });

  it('keeps the chain intact under concurrent writers and after another connection appended', async () => {
    const { store, name, clock } = await openStore();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.recordDecision(sampleDecision(100 + i), officer)));
    const other = await openStore(name, clock);
    await other.store.audit('sign_in', officer);
    await store.audit('screen_lock', officer); // its cached head is stale: it must re-read, not fork the chain
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 22 });
  });
});

describe('DecisionStore: supervisor review', () => {
  it('queues offline decisions, forced referrals, overrides, chip failures and override attempts; pages oldest first', async () => {
    const { store, clock } = await openStore();
    for (let n = 1; n <= 30; n++) {
      await store.recordDecision(sampleDecision(n), officer, n === 3 ? { mandatoryReferral: true } : {});
      clock.advance(60_000);
    }
    await store.recordOverrideAttempt({ alertId: 'alert-1', code: 'override_attempt_on_mandatory_referral', subject: { kind: 'occupant', occupantId: 'occ-9' }, officer: 'officer-1', at: clock.now().toISOString(), mandatoryReasons: ['face_not_matched'], message: 'tried' }, officer);
    // n%5==0 offline (6), n%7==0 chip failure (4; 35 is out of range), n=3 is not a referral so not forced.
    const all = await store.listReviewQueue({}, { offset: 0, limit: 100 });
    expect(all.total).toBe(11);
    expect(all.items.map((i) => i.decisionId ?? i.kind)).toEqual(['decision-5', 'decision-7', 'decision-10', 'decision-14', 'decision-15', 'decision-20', 'decision-21', 'decision-25', 'decision-28', 'decision-30', 'override_attempt']);
    expect(all.items[0]).toMatchObject({ kind: 'offline_decision', outcome: 'clear', officer: 'officer-1', ageMs: 26 * 60_000, ruleReasons: ['records_unavailable', 'face_matched'] });
    const page2 = await store.listReviewQueue({ kind: 'offline_decision' }, { offset: 2, limit: 2 });
    expect(page2).toMatchObject({ total: 6, items: [{ decisionId: 'decision-15' }, { decisionId: 'decision-20' }] });
    expect((await store.listReviewQueue({ kind: 'chip_failure' })).total).toBe(4);
  });

  it('a supervisor approves or returns an item once, with a note; the view and the review are audited', async () => {
    const { store } = await openStore();
    await store.recordDecision(sampleDecision(5), officer);
    await expect(store.applyReview('review-decision-5', { verdict: 'approved' }, officer)).rejects.toMatchObject({ code: 'not_permitted' });
    const detail = await store.getReviewDetail('review-decision-5', supervisor);
    expect(detail.decision?.decision.subject).toEqual(sampleDecision(5).subject);
    expect(detail.decision?.offline).toBe(true);
    const reviewed = await store.applyReview('review-decision-5', { verdict: 'returned', note: 'check with the officer' }, supervisor);
    expect(reviewed).toMatchObject({ state: 'returned' });
    await expect(store.applyReview('review-decision-5', { verdict: 'approved' }, supervisor)).rejects.toMatchObject({ code: 'already_reviewed' });
    expect((await store.getDecision('decision-5'))?.reviewState).toBe('returned');
    expect((await store.getReviewDetail('review-decision-5', supervisor)).review).toMatchObject({ resolvedBy: 'sup-1', supervisorNote: 'check with the officer' });
    expect((await store.listReviewQueue()).total).toBe(0);
    expect((await store.listReviewQueue({ state: 'returned' })).total).toBe(1);
    const { jsonl } = await store.exportAudit(supervisor);
    const actions = jsonl.trim().split('\n').map((l) => JSON.parse(l).action);
    expect(actions).toEqual(['decision', 'view_traveller', 'review', 'view_traveller', 'export']);
  });
});

describe('DecisionStore: retention', () => {
  it("purges a U.S. citizen's biometrics at 12 hours, audited, leaving nothing of them in the database", async () => {
    const { store, db, clock } = await openStore();
    const image = Uint8Array.from({ length: 2048 }, (_, i) => (i * 13) & 0xff);
    const decision = sampleDecision(1, { decidedAt: clock.now().toISOString() });
    await store.recordDecision(decision, officer, { biometrics: [{ kind: 'face_image', usCitizen: true, bytes: image }, { kind: 'template', usCitizen: true, bytes: new Uint8Array(512).fill(3) }] });
    await store.recordDecision(sampleDecision(2, { decidedAt: clock.now().toISOString() }), officer, { biometrics: [{ kind: 'face_image', usCitizen: false, bytes: image }] });
    const itemIds = (await db.retainedBiometrics.toArray()).map((r) => r.itemId);
    expect(await store.openRetainedBiometric(itemIds[0] ?? '')).toEqual(image);

    clock.advance(12 * 3_600_000 - 1);
    expect(await store.purgeDue(shippedPolicies)).toMatchObject({ purged: 0, nextDueAt: '2026-11-01T21:00:00.000Z' });
    clock.advance(1);
    const report = await store.purgeDue(shippedPolicies);
    expect(report).toMatchObject({ purged: 2, byReason: { us_citizen_12h: 2 }, nextDueAt: '2026-12-01T09:00:00.000Z' });
    expect(await db.retainedBiometrics.count()).toBe(1);
    expect(await store.openRetainedBiometric(itemIds[0] ?? '')).toBeNull();
    const entries = (await store.exportAudit(supervisor)).jsonl.trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.find((e) => e.action === 'purge')).toMatchObject({ actor: { role: 'system' }, details: { byReason: { us_citizen_12h: 2 }, decisionIds: ['decision-1'], kinds: ['face_image', 'template'], policyIds: shippedPolicies.map((p) => p.id) } });

    await expect(store.setRetentionSettings({ otherTravellersDays: 0 }, supervisor)).rejects.toMatchObject({ code: 'invalid_input' });
    await store.setRetentionSettings({ otherTravellersDays: 1 }, supervisor);
    clock.advance(12 * 3_600_000);
    expect(await store.purgeDue(shippedPolicies)).toMatchObject({ purged: 1, byReason: { retention_period: 1 }, nextDueAt: null });
    expect(await db.retainedBiometrics.count()).toBe(0);
  });
});

describe('DecisionStore: audit export', () => {
  it('exports a log that `booth audit verify` accepts, and that fails at the tampered entry', async () => {
    const { store } = await openStore();
    for (let n = 1; n <= 8; n++) await store.recordDecision(sampleDecision(n), officer);
    const { jsonl, entries } = await store.exportAudit(supervisor);
    expect(entries).toBe(9);
    expect(verifyAuditJsonLines(jsonl)).toMatchObject({ ok: true, count: 9 });
    const lines = jsonl.split('\n');
    lines[3] = (lines[3] ?? '').replace('"outcome":"clear"', '"outcome":"refer"');
    expect(verifyAuditJsonLines(lines.join('\n'))).toMatchObject({ ok: false, line: 4, broken: { seq: 4, reason: 'hash_mismatch' } });
  });
});

describe('DecisionStore with the SyncEngine', () => {
  it('syncs each decision exactly once through outages and duplicates; dead letters become review items with an audit entry', async () => {
    const { store, db, clock } = await openStore();
    for (let n = 1; n <= 24; n++) await store.recordDecision(sampleDecision(n, { traveller: n % 4, ...(n === 6 ? { officer: 'bad-officer' } : {}) }), officer);
    const service = new StandInDecisionService<DecisionSyncPayload>('up', (p) => (p.decision.officer === 'bad-officer' ? 'HTTP 422: unknown officer' : null));
    service.queueModes('timeout_after_commit', 'server_error', 'timeout', 'partial');
    const engine = new SyncEngine({ store: store.outbox, port: service, clock, ids: sequentialIds(), random: () => 0.5, policy: { batchSize: 5, baseDelayMs: 1000, maxDelayMs: 4000, maxRejections: 2 } });
    await engine.recover();
    for (let i = 0; i < 40; i++) {
      await engine.drain();
      clock.advance(4000);
    }
    expect([...service.acceptedCount.values()].every((n) => n === 1)).toBe(true);
    // decision-6 (traveller 2) is dead-lettered; the later items of traveller 2 wait behind it.
    const waiting = ['decision-10', 'decision-14', 'decision-18', 'decision-22'];
    expect(service.stored.size).toBe(24 - 1 - waiting.length);
    expect(await engine.status()).toMatchObject({ deadLettered: 1, queued: 4, failing: true });
    const queue = await store.listReviewQueue({ kind: 'dead_lettered_sync' });
    expect(queue.items).toMatchObject([{ reviewId: 'review-outbox-decision-6', decisionId: 'decision-6', outboxItemId: 'outbox-decision-6' }]);
    const detail = await store.getReviewDetail('review-outbox-decision-6', supervisor);
    expect(detail.alert).toMatchObject({ code: 'sync_dead_letter', lastError: 'HTTP 422: unknown officer' });

    // The service is fixed; the supervisor sends it again and everything drains in order.
    const fixed = new StandInDecisionService<DecisionSyncPayload>('up');
    for (const [key, payload] of service.stored) fixed.stored.set(key, payload);
    await store.applyReview('review-outbox-decision-6', { verdict: 'approved', note: 'officer id fixed upstream' }, supervisor);
    const engine2 = new SyncEngine({ store: store.outbox, port: fixed, clock, ids: sequentialIds(), random: () => 0.5 });
    await engine2.drain();
    await engine2.drain();
    await engine2.drain();
    await engine2.drain();
    await engine2.drain();
    expect(fixed.stored.size).toBe(24);
    expect(await db.outbox.where('state').equals('synced').count()).toBe(24);
    const order = [...fixed.stored.keys()].filter((k) => ['decision:decision-6', ...waiting.map((w) => `decision:${w}`)].includes(k));
    expect(order).toEqual(['decision:decision-6', 'decision:decision-10', 'decision:decision-14', 'decision:decision-18', 'decision:decision-22']);
    const audit = (await store.exportAudit(supervisor)).jsonl;
    expect(audit).toContain('"action":"sync_dead_letter"');
    expect(verifyAuditJsonLines(audit).ok).toBe(true);
  });

  it("a dead-lettered departure is reviewed and audited as the departure it is, never as a decision", async () => {
    const { store, clock } = await openStore();
    const departure = faceIdentifiedDeparture(1, 'T-1', { departedAt: '2026-11-01T09:00:00.000Z', boothId: 'B-1' });
    await store.recordExit({ sessionId: 'session-1', departures: [departure], citizens: [], optOuts: [], offline: false }, officer);
    const service = new StandInDecisionService('up', () => 'HTTP 422: unknown port');
    const engine = new SyncEngine({ store: store.outbox, port: service, clock, ids: sequentialIds(), random: () => 0.5, policy: { batchSize: 5, baseDelayMs: 1000, maxDelayMs: 4000, maxRejections: 1 } });
    await engine.drain();
    const [review] = (await store.listReviewQueue({ kind: 'dead_lettered_sync' })).items;
    expect(review).toMatchObject({ outboxItemId: 'outbox-departure-1' });
    expect(review?.decisionId ?? null).toBeNull();
    const deadLetter = (await store.exportAudit(supervisor)).jsonl.split('\n').find((line) => line.includes('"action":"sync_dead_letter"'));
    expect(JSON.parse(deadLetter ?? '{}').details).toMatchObject({ decisionId: null, departureId: 'departure-1' });
  });

  it('keeps the resolved review of an item that a supervisor sent again and that is dead-lettered again', async () => {
    const { store } = await openStore();
    await store.recordDecision(sampleDecision(1, { officer: 'bad-officer' }), officer);
    const refusing = new StandInDecisionService<DecisionSyncPayload>('up', () => 'HTTP 422: unknown officer');
    const engine = new SyncEngine({ store: store.outbox, port: refusing, clock: manualClock(), ids: sequentialIds(), random: () => 0.5, policy: { batchSize: 5, baseDelayMs: 0, maxDelayMs: 0, maxRejections: 1 } });
    await engine.drain();
    await store.applyReview('review-outbox-decision-1', { verdict: 'approved', note: 'officer id fixed upstream' }, supervisor);
    await engine.drain();

    const approved = await store.listReviewQueue({ state: 'approved', kind: 'dead_lettered_sync' });
    expect(approved.items).toMatchObject([{ reviewId: 'review-outbox-decision-1', state: 'approved' }]);
    expect((await store.getReviewDetail('review-outbox-decision-1', supervisor)).review).toMatchObject({ resolvedBy: 'sup-1', supervisorNote: 'officer id fixed upstream' });
    const open = await store.listReviewQueue({ kind: 'dead_lettered_sync' });
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({ outboxItemId: 'outbox-decision-1', state: 'open' });
    expect(open.items[0]?.reviewId).not.toBe('review-outbox-decision-1');
  });
});
