import { sequentialIds } from '../../../app/ports/Ids';
import { systemClock } from '../../../app/ports/Clock';
import { StandInDecisionService } from '../../../app/outbox/StandInDecisionService';
import { SyncEngine, type SyncRunReport } from '../../../app/outbox/SyncEngine';
import { BoothDatabase, CURRENT_SCHEMA_VERSION } from '../BoothDatabase';
import { DecisionStore } from '../DecisionStore';
import type { DecisionSyncPayload, RecordedDecision } from '../decisionStoreTypes';
import { RecordCipher } from '../recordCipher';
import type { StorageKeyStatus } from '../storageKeyCheck';
import { rawStorageKeyProvider } from '../storageKeys';
import { otherTestStorageKey, sampleDecision, testStorageKey } from '../testSupport/decisionFixtures';
import { seedSchemaV1, type SeededV1 } from '../testSupport/seedSchemaV1';
import { FetchDecisionSyncPort } from './FetchDecisionSyncPort';

/**
 * The page side of e2e/storage and `npm run bench:store`: a narrow API on `window.boothStorageHarness` over the real
 * DecisionStore on this browser's IndexedDB. Only loaded by the harness page; it uses a fixed test key.
 */
const officer = { userId: 'officer-1', role: 'officer' } as const;
const supervisor = { userId: 'sup-1', role: 'supervisor' } as const;
const keys = () => rawStorageKeyProvider(async () => testStorageKey());
type TestKey = 'test' | 'other';
const keyOf = new Map<string, TestKey>();
const stores = new Map<string, DecisionStore>();

async function storeFor(name: string): Promise<DecisionStore> {
  let store = stores.get(name);
  if (!store) {
    // Ids must not repeat across page loads of the same database.
    const session = crypto.randomUUID().slice(0, 8);
    const ids = sequentialIds();
    const key = keyOf.get(name) === 'other' ? otherTestStorageKey : testStorageKey;
    store = await DecisionStore.open({ db: new BoothDatabase(name), keys: rawStorageKeyProvider(async () => key()), clock: systemClock, ids: { next: (prefix) => ids.next(`${prefix}-${session}`) } });
    stores.set(name, store);
  }
  return store;
}

/** Seeders for databases as each earlier schema version left them; a new schema version adds one for the previous. */
const seeders: Record<number, (db: BoothDatabase, cipher: RecordCipher) => Promise<SeededV1>> = { 1: (db, cipher) => seedSchemaV1(db, cipher, 12) };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const harness = {
  currentVersion: CURRENT_SCHEMA_VERSION,
  earlierVersionsWithSeeders: Object.keys(seeders).map(Number),

  async deleteDatabase(name: string): Promise<void> {
    stores.get(name)?.close();
    stores.delete(name);
    keyOf.delete(name);
    await new BoothDatabase(name).delete();
  },

  /** Closes `name` and opens it again with one of the two test keys; what the key check says. */
  async reopenWithKey(name: string, key: TestKey): Promise<StorageKeyStatus['state']> {
    stores.get(name)?.close();
    stores.delete(name);
    keyOf.set(name, key);
    return (await storeFor(name)).keyStatus.state;
  },

  async record(name: string, n: number, traveller?: number): Promise<RecordedDecision> {
    return (await storeFor(name)).recordDecision(sampleDecision(n, traveller === undefined ? {} : { traveller }), officer);
  },

  async getDecision(name: string, decisionId: string) {
    return (await storeFor(name)).getDecision(decisionId);
  },

  async outboxStates(name: string): Promise<Record<string, string>> {
    await storeFor(name);
    const db = new BoothDatabase(name);
    const rows = await db.outbox.toArray();
    db.close();
    return Object.fromEntries(rows.map((r) => [r.itemId, r.state]));
  },

  /** Runs the SyncEngine against the test's records service at `url` until nothing is eligible. */
  async sync(name: string, url: string): Promise<SyncRunReport> {
    const store = await storeFor(name);
    const engine = new SyncEngine<DecisionSyncPayload>({ store: store.outbox, port: new FetchDecisionSyncPort(url), clock: systemClock, ids: sequentialIds(), random: Math.random });
    await engine.recover();
    return engine.drain();
  },

  /** Creates `name` at schema `version` (closing it) with rows as that version wrote them. */
  async seedAtVersion(name: string, version: number): Promise<SeededV1> {
    const seed = seeders[version];
    if (!seed) throw new Error(`no seeder for schema version ${version}`);
    const db = new BoothDatabase(name, { upToVersion: version });
    await db.open();
    try {
      return await seed(db, await RecordCipher.create(keys()));
    } finally {
      db.close();
    }
  },

  /** Opens `name` at the current version (migrating) and reports what it holds. */
  async describe(name: string) {
    const store = await storeFor(name);
    const db = new BoothDatabase(name);
    await db.open();
    const decisions = await db.decisions.orderBy('decisionId').toArray();
    const opened = await Promise.all(decisions.map((d) => store.getDecision(d.decisionId)));
    const outbox = await db.outbox.orderBy('seq').toArray();
    const queue = await store.listReviewQueue({}, { offset: 0, limit: 1000 });
    const biometrics = await db.retainedBiometrics.toArray();
    const result = {
      version: db.verno,
      decisions: opened.map((d) => ({ decisionId: d?.decision.decisionId, identityKey: d?.decision.subject.kind === 'occupant' ? d.decision.subject.identityKey : null, reviewState: d?.reviewState })),
      outbox: outbox.map((o) => ({ itemId: o.itemId, seq: o.seq, state: o.state })),
      reviews: queue.items.map((i) => i.reviewId).sort(),
      audit: await store.verifyAudit(),
      retention: await store.getRetentionSettings(),
      biometrics: await Promise.all(biometrics.map(async (b) => ({ itemId: b.itemId, bytes: Array.from((await store.openRetainedBiometric(b.itemId)) ?? []).slice(0, 4) }))),
    };
    db.close();
    return result;
  },

  /** bench:store: decisions recorded per second (each a full transaction with outbox item and audit entry). */
  async benchRecord(name: string, count: number): Promise<{ count: number; ms: number; perSecond: number }> {
    const store = await storeFor(name);
    const start = performance.now();
    for (let n = 0; n < count; n++) await store.recordDecision(sampleDecision(1_000_000 + n), officer);
    const ms = performance.now() - start;
    return { count, ms, perSecond: (count * 1000) / ms };
  },

  /** bench:store: outbox items synced per second against an in-page stand-in service. */
  async benchSync(name: string, batchSize: number): Promise<{ items: number; ms: number; perSecond: number }> {
    const store = await storeFor(name);
    const engine = new SyncEngine<DecisionSyncPayload>({ store: store.outbox, port: new StandInDecisionService<DecisionSyncPayload>('up'), clock: systemClock, ids: sequentialIds(), random: Math.random, policy: { batchSize, baseDelayMs: 1000, maxDelayMs: 60_000, maxRejections: 3 } });
    const start = performance.now();
    const report = await engine.drain();
    const ms = performance.now() - start;
    return { items: report.accepted + report.duplicates, ms, perSecond: ((report.accepted + report.duplicates) * 1000) / ms };
  },

  /** bench:store: fills a review queue of `count` items fast (bulk rows, not through recordDecision). */
  async fillReviewQueue(name: string, count: number): Promise<void> {
    await storeFor(name);
    const db = new BoothDatabase(name);
    const kinds = ['offline_decision', 'chip_failure', 'forced_referral', 'override'] as const;
    const base = Date.parse('2026-11-01T00:00:00.000Z');
    const rows = Array.from({ length: count }, (_, i) => {
      const kind = kinds[i % kinds.length] ?? 'offline_decision';
      return { reviewId: `bench-review-${i}`, kind, kinds: [kind], state: 'open' as const, createdAt: new Date(base + i * 1000).toISOString(), decisionId: null, outboxItemId: null, officer: 'officer-1', resolvedAt: null, resolvedBy: null, sealed: null };
    });
    await db.reviews.bulkPut(rows);
    db.close();
  },

  /** bench:store: the first page (50) plus the total of the open queue, unfiltered and filtered by kind; median ms. */
  async benchReviewQueue(name: string, repeats: number): Promise<{ total: number; firstPageMs: number; filteredTotal: number; filteredFirstPageMs: number }> {
    const store = await storeFor(name);
    const all: number[] = [];
    const filtered: number[] = [];
    let total = 0;
    let filteredTotal = 0;
    for (let i = 0; i < repeats; i++) {
      let t = performance.now();
      total = (await store.listReviewQueue({}, { offset: 0, limit: 50 })).total;
      all.push(performance.now() - t);
      t = performance.now();
      filteredTotal = (await store.listReviewQueue({ kind: 'chip_failure' }, { offset: 0, limit: 50 })).total;
      filtered.push(performance.now() - t);
    }
    return { total, firstPageMs: median(all), filteredTotal, filteredFirstPageMs: median(filtered) };
  },

  supervisorExport: async (name: string) => (await storeFor(name)).exportAudit(supervisor),
  verifyAudit: async (name: string) => (await storeFor(name)).verifyAudit(),
};

export type StorageHarness = typeof harness;
(globalThis as unknown as { boothStorageHarness: StorageHarness }).boothStorageHarness = harness;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
