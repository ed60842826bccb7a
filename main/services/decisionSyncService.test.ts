import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { embedderManifestSchema } from '../../app/biometrics/modelManifest';
import { decisionSyncReplySchema, decisionSyncRequestSchema } from '../../app/host/decisionSyncChannel';
import { HostFailure } from '../../app/host/result';
import type { DecisionSyncPayload } from '../../app/inspection/decisionRecordSchema';
import type { DecisionSyncPort, SubmitItemResult, SyncSubmission } from '../../app/outbox/DecisionSyncPort';
import { selectNextBatch } from '../../app/outbox/batchSelection';
import { InMemoryOutboxStore } from '../../app/outbox/InMemoryOutboxStore';
import { newOutboxItem } from '../../app/outbox/outboxItem';
import { SyncEngine, type SyncRunReport } from '../../app/outbox/SyncEngine';
import type { SyncPolicy } from '../../app/outbox/syncPolicy';
import { sequentialIds } from '../../app/ports/Ids';
import { HttpRecordsClient } from '../../native-bridges/records-service/HttpRecordsClient.node.ts';
import { RecordsSimulatorServer, type RecordsFaults } from '../../native-bridges/records-service/RecordsSimulatorServer.node.ts';
import { scriptedDecisionRecords, scriptedDecisionSubmissions } from '../../native-bridges/records-service/scriptedDecisions.node.ts';
import { submitDecisionBatch } from './decisionSyncService';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const decidedAt = new Date('2026-11-23T10:00:00Z');
const submissions = scriptedDecisionSubmissions(scriptedDecisionRecords(model, decidedAt), decidedAt.toISOString());

function manualClock(start = decidedAt.getTime()) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

/** A deterministic [0,1) source (mulberry32), so backoff jitter is the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The renderer's side of `decisions:sync` as the host sees it: the batch crosses the boundary as JSON, is parsed by
 * the channel's request schema (as dispatch does), handled by submitDecisionBatch, and the reply checked on the way back.
 */
class HostChannelSyncPort implements DecisionSyncPort<DecisionSyncPayload> {
  constructor(private readonly records: HttpRecordsClient) {}
  async submit(batch: readonly SyncSubmission<DecisionSyncPayload>[]): Promise<readonly SubmitItemResult[]> {
    const request = decisionSyncRequestSchema.parse(JSON.parse(JSON.stringify({ batch })));
    return decisionSyncReplySchema.parse(JSON.parse(JSON.stringify(await submitDecisionBatch(this.records, request)))).results;
  }
}

let server: RecordsSimulatorServer;
let client: HttpRecordsClient;
const clock = manualClock();

beforeEach(async () => {
  server = new RecordsSimulatorServer({ clock });
  client = new HttpRecordsClient({ baseUrl: await server.start(), clock, timeoutMs: 150, probeIntervalMs: 0 });
  await client.start();
});
afterEach(async () => {
  await client.stop();
  await server.stop();
});

describe('submitDecisionBatch (decisions:sync on the host)', () => {
  it('forwards valid decisions to the records service and rejects invalid ones with the field named, in request order', async () => {
    const [first, second] = submissions;
    const badTime = { idempotencyKey: 'bad-time', payload: { ...first!.payload, recordedAt: 'now' } };
    const notADecision = { idempotencyKey: 'not-a-decision', payload: 'hello' };
    const reply = await submitDecisionBatch(client, { batch: [badTime, first, notADecision, second, first] });
    expect(decisionSyncReplySchema.parse(reply).results).toEqual([
      { idempotencyKey: 'bad-time', outcome: 'rejected', reason: expect.stringMatching(/^invalid decision: payload\.recordedAt: /) },
      { idempotencyKey: first!.idempotencyKey, outcome: 'accepted' },
      { idempotencyKey: 'not-a-decision', outcome: 'rejected', reason: expect.stringMatching(/^invalid decision: payload: /) },
      { idempotencyKey: second!.idempotencyKey, outcome: 'accepted' },
      { idempotencyKey: first!.idempotencyKey, outcome: 'duplicate' },
    ]);
    expect(server.acceptedDecisions().map((d) => d.idempotencyKey)).toEqual([first!.idempotencyKey, second!.idempotencyKey]);
  });

  it('never throws for items: a failing client makes them retry; only a request that is not a batch fails', async () => {
    const broken = { submitDecisions: () => Promise.reject(new Error('socket closed')) };
    expect((await submitDecisionBatch(broken, { batch: submissions.slice(0, 2) })).results).toEqual(
      submissions.slice(0, 2).map((s) => ({ idempotencyKey: s.idempotencyKey, outcome: 'retry', reason: expect.stringContaining('socket closed') })),
    );
    const silent = { submitDecisions: async () => [] };
    expect((await submitDecisionBatch(silent, { batch: submissions.slice(0, 1) })).results[0]).toMatchObject({ outcome: 'retry' });
    expect(await submitDecisionBatch(client, { batch: [] })).toEqual({ results: [] });
    const noisy = { idempotencyKey: 'noisy', payload: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`unexpected_field_${i}`, i])) };
    const [clipped] = decisionSyncReplySchema.parse(await submitDecisionBatch(client, { batch: [noisy] })).results;
    expect(clipped).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/^invalid decision: payload\.decision: .*unexpected_field_0.*…$/) });
    expect(clipped && 'reason' in clipped && clipped.reason.length).toBe(1000);
    await expect(submitDecisionBatch(client, { batch: [{ payload: {} }] })).rejects.toThrow(HostFailure);
    await expect(submitDecisionBatch(client, { batch: Array(51).fill(submissions[0]) })).rejects.toThrow(/batch/);
    expect(decisionSyncRequestSchema.safeParse({ batch: [], extra: 1 }).success).toBe(false);
  });
});

describe('SyncEngine through decisions:sync to the records simulator over HTTP', () => {
  const policy: SyncPolicy = { batchSize: 4, baseDelayMs: 1000, maxDelayMs: 8000, maxRejections: 3 };
  /** One fault per sync round: timeouts, errors, an outage, answers lost after the decisions were stored, then recovery. */
  const script: Partial<RecordsFaults>[] = [
    {},
    { hang: true },
    { errorStatus: 500 },
    { commitThenFail: 'error' },
    {},
    { down: true },
    { commitThenFail: 'hang' },
    { errorStatus: 503 },
    { malformed: true },
    {},
    { delayMs: 200 },
    { rejectDecisions: true },
    { commitThenFail: 'error' },
    {},
  ];

  it('loses nothing and duplicates nothing through faults and a restart, and keeps each traveller in order', async () => {
    const store = new InMemoryOutboxStore<DecisionSyncPayload>();
    submissions.forEach((s, seq) => {
      const subject = s.payload.decision.subject;
      const travellerKey = subject.kind === 'occupant' ? (subject.identityKey ?? subject.occupantId) : subject.sessionId;
      store.add(newOutboxItem({ itemId: `item-${seq}`, seq, idempotencyKey: s.idempotencyKey, travellerKey, payload: s.payload, createdAt: decidedAt.toISOString() }));
    });
    const engine = new SyncEngine({ store, port: new HostChannelSyncPort(client), clock, ids: sequentialIds(), random: seededRandom(7), policy });
    let total: SyncRunReport = { sent: 0, accepted: 0, duplicates: 0, rejected: 0, retried: 0, deadLettered: 0 };
    const add = (r: SyncRunReport) => (total = { sent: total.sent + r.sent, accepted: total.accepted + r.accepted, duplicates: total.duplicates + r.duplicates, rejected: total.rejected + r.rejected, retried: total.retried + r.retried, deadLettered: total.deadLettered + r.deadLettered });

    for (const faults of script) {
      server.setFaults(faults);
      add(await engine.runOnce());
      // Nothing throws across the channel, so the outage shows on the records service's status light.
      if (faults.hang || faults.down) expect(client.status()).toMatchObject({ connected: false, detail: expect.stringMatching(/^unreachable/) });
      clock.advance(policy.maxDelayMs + 1); // every backoff has passed
    }
    await new Promise((resolve) => setTimeout(resolve, 250)); // the slow request lands after its client gave up
    // The booth crashes with a batch in flight (sent, answer never seen) and starts again with a new engine.
    const inFlight = selectNextBatch(await store.listUnsynced(), clock.now(), 3);
    expect(inFlight.length).toBeGreaterThan(0);
    await client.submitDecisions((await store.loadSubmissions(inFlight.map((i) => i.itemId))).submissions);
    await store.markInFlight(inFlight.map((i) => i.itemId));
    const restarted = new SyncEngine({ store, port: new HostChannelSyncPort(client), clock, ids: sequentialIds(), random: seededRandom(8), policy });
    expect(await restarted.recover()).toBe(inFlight.length);
    server.setFaults({});
    for (let round = 0; round < 50 && (await store.listUnsynced()).length > 0; round++) {
      add(await restarted.drain());
      clock.advance(policy.maxDelayMs + 1);
    }

    // Every outbox item is synced, and the service holds each idempotency key exactly once, with its payload.
    expect(store.all().map((i) => i.state)).toEqual(submissions.map(() => 'synced'));
    const held = server.acceptedDecisions();
    expect(held.map((d) => d.idempotencyKey).sort()).toEqual(submissions.map((s) => s.idempotencyKey).sort());
    expect(new Set(held.map((d) => d.idempotencyKey)).size).toBe(held.length);
    const sent = new Map(submissions.map((s) => [s.idempotencyKey, JSON.parse(JSON.stringify(s.payload))]));
    for (const decision of held) expect(decision.payload).toEqual(sent.get(decision.idempotencyKey));
    // Arrival order keeps each traveller's order (seq).
    const seqOf = new Map(store.all().map((i) => [i.idempotencyKey, i]));
    const last = new Map<string, number>();
    for (const decision of held) {
      const item = seqOf.get(decision.idempotencyKey)!;
      expect(item.seq).toBeGreaterThan(last.get(item.travellerKey) ?? -1);
      last.set(item.travellerKey, item.seq);
    }
    // The faults really happened: retries, rejections, and resends of stored decisions answered duplicate.
    expect(total.retried).toBeGreaterThan(0);
    expect(total.rejected).toBeGreaterThan(0);
    expect(total.duplicates).toBeGreaterThan(0);
    expect(total.deadLettered).toBe(0);
    expect(total.accepted + total.duplicates).toBe(submissions.length);
    expect(await restarted.status()).toMatchObject({ connection: 'online', queued: 0, deadLettered: 0, failing: false });
  });
});
