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
import { TrainingDecisionGuard } from './TrainingDecisionGuard';
import type { TrainingProgress } from '../../app/training/trainingProgress';
import type { AuditEntry } from '../../app/audit/auditEntry';
import { anchorLine } from '../../app/audit/auditAnchor';
import { chainAuditEntry, emptyAuditHead, headOf } from '../../app/audit/auditChain';
import { toAuditJsonLines, verifyAuditJsonLines } from '../../app/audit/auditJsonLines';
import { auditAnchorResponseSchema } from '../../app/ports/decisionSubmission';
import { scriptedDepartureSubmissions } from '../../native-bridges/records-service/scriptedDepartures.node.ts';
import { seededRandom } from '../../app/shared/seededRandom';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const decidedAt = new Date('2026-11-23T10:00:00Z');
const submissions = scriptedDecisionSubmissions(scriptedDecisionRecords(model, decidedAt), decidedAt.toISOString());

function manualClock(start = decidedAt.getTime()) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
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
    const broken = { submitDecisions: () => Promise.reject(new Error('socket closed')), submitDepartures: () => Promise.reject(new Error('socket closed')) };
    expect((await submitDecisionBatch(broken, { batch: submissions.slice(0, 2) })).results).toEqual(
      submissions.slice(0, 2).map((s) => ({ idempotencyKey: s.idempotencyKey, outcome: 'retry', reason: expect.stringContaining('socket closed') })),
    );
    const silent = { submitDecisions: async () => [], submitDepartures: async () => [] };
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
    const engine = new SyncEngine({ store, port: new HostChannelSyncPort(client), clock, ids: sequentialIds(), random: seededRandom('7'), policy });
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
    const restarted = new SyncEngine({ store, port: new HostChannelSyncPort(client), clock, ids: sequentialIds(), random: seededRandom('8'), policy });
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

describe('audit anchors: synced decisions carry the audit head, the records service keeps the latest per booth', () => {
  /** A booth's audit log in which each decision is audited after the head its payload carries, as DecisionRecorder does. */
  function auditedSubmissions() {
    const log: AuditEntry[] = [chainAuditEntry(emptyAuditHead, { at: decidedAt.toISOString(), actor: { userId: 'officer', role: 'officer' }, action: 'sign_in', details: {} })];
    const anchored = submissions.map((s) => {
      const auditHead = headOf(log.at(-1));
      log.push(chainAuditEntry(auditHead, { at: decidedAt.toISOString(), actor: { userId: 'officer', role: 'officer' }, action: 'decision', subject: { kind: 'decision', id: s.payload.decision.decisionId }, details: { outcome: s.payload.decision.outcome } }));
      return { ...s, payload: { ...s.payload, auditHead } };
    });
    return { log, anchored };
  }

  it('syncs over HTTP through an outage; the anchor is the highest head received, and an export cut after it is caught', async () => {
    const booth = new HttpRecordsClient({ baseUrl: server.url, clock, timeoutMs: 150, probeIntervalMs: 0, boothId: 'BOOTH-07' });
    await booth.start();
    try {
      expect(await booth.latestAuditAnchor()).toMatchObject({ ok: true, value: null });
      const { log, anchored } = auditedSubmissions();
      const store = new InMemoryOutboxStore<DecisionSyncPayload>();
      anchored.forEach((s, seq) => store.add(newOutboxItem({ itemId: `item-${seq}`, seq, idempotencyKey: s.idempotencyKey, travellerKey: `t-${seq}`, payload: s.payload, createdAt: decidedAt.toISOString() })));
      const engine = new SyncEngine({ store, port: new HostChannelSyncPort(booth), clock, ids: sequentialIds(), random: seededRandom('3'), policy: { batchSize: 3, baseDelayMs: 1000, maxDelayMs: 8000, maxRejections: 3 } });
      server.setFaults({ down: true });
      await engine.runOnce();
      expect(await booth.latestAuditAnchor()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      server.setFaults({});
      for (let round = 0; round < 20 && (await store.listUnsynced()).length > 0; round++) {
        await engine.drain();
        clock.advance(9000);
      }
      expect(store.all().every((i) => i.state === 'synced')).toBe(true);
      // Each held decision kept the head it carried; the anchor is the last decision's (the highest seq).
      expect(server.acceptedDecisions().map((d) => d.payload.auditHead?.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(anchored.map((s) => s.payload.auditHead.seq));
      const lastHead = anchored.at(-1)!.payload.auditHead;
      const anchor = await booth.latestAuditAnchor();
      expect(anchor).toMatchObject({ ok: true, value: { boothId: 'BOOTH-07', seq: lastHead.seq, hash: lastHead.hash, receivedAt: expect.any(String) } });
      // What the wire says is what a plain GET says, and another booth has no anchor.
      const body = auditAnchorResponseSchema.parse(await (await fetch(`${server.url}/v1/booths/BOOTH-07/audit-anchor`)).json());
      expect(body.anchor?.seq).toBe(lastHead.seq);
      expect(auditAnchorResponseSchema.parse(await (await fetch(`${server.url}/v1/booths/BOOTH-99/audit-anchor`)).json())).toEqual({ anchor: null });
      // The supervisor's export with that anchor: intact; with its last three entries deleted: entries missing after its end.
      if (!anchor.ok || !anchor.value) throw new Error('no anchor');
      const whole = verifyAuditJsonLines(toAuditJsonLines(log) + anchorLine(anchor.value));
      expect(whole).toMatchObject({ ok: true, anchors: [{ result: 'reached' }] });
      const cut = verifyAuditJsonLines(toAuditJsonLines(log.slice(0, -3)) + anchorLine(anchor.value));
      expect(cut).toMatchObject({ ok: true, anchors: [{ result: 'missing_after_end', lastSeq: log.length - 3, missing: lastHead.seq - (log.length - 3) }] });
    } finally {
      await booth.stop();
    }
  });

  it('keeps no anchor for decisions without a head or a batch without a booth id, and still accepts them', async () => {
    const booth = new HttpRecordsClient({ baseUrl: server.url, clock, timeoutMs: 150, probeIntervalMs: 0, boothId: 'BOOTH-08' });
    const { anchored } = auditedSubmissions();
    expect((await submitDecisionBatch(booth, { batch: submissions.slice(0, 2) })).results.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect((await submitDecisionBatch(client, { batch: anchored.slice(2, 4) })).results.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect(await booth.latestAuditAnchor()).toMatchObject({ ok: true, value: null });
    expect(await client.latestAuditAnchor()).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/no boothId/) } });
    // A head that is not a head is refused with the field named, like any other bad field.
    const [bad] = (await submitDecisionBatch(booth, { batch: [{ ...anchored[4]!, payload: { ...anchored[4]!.payload, auditHead: { seq: 3, hash: 'not-a-hash' } } }] })).results;
    expect(bad).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/payload\.auditHead\.hash: expected 64 lowercase hex/) });
    // Decisions arriving out of order (a retried one after a later one) never move the anchor back.
    const [later, earlier] = [anchored[5]!, anchored[4]!];
    await submitDecisionBatch(booth, { batch: [later] });
    await submitDecisionBatch(booth, { batch: [earlier] });
    expect(await booth.latestAuditAnchor()).toMatchObject({ ok: true, value: { seq: later.payload.auditHead.seq, hash: later.payload.auditHead.hash } });
  });
});

describe('departures share the outbox and decisions:sync, and reach POST /v1/departures exactly once', () => {
  const departures = scriptedDepartureSubmissions(decidedAt);

  it('a mixed outbox syncs each decision and each departure once, to its own intake, through faults', async () => {
    const store = new InMemoryOutboxStore<unknown>();
    const mixed: SyncSubmission[] = [...submissions.slice(0, 4), ...departures].sort((a, b) => a.idempotencyKey.localeCompare(b.idempotencyKey));
    mixed.forEach((s, seq) => store.add(newOutboxItem({ itemId: `item-${seq}`, seq, idempotencyKey: s.idempotencyKey, travellerKey: `t-${seq % 3}`, payload: s.payload, createdAt: decidedAt.toISOString() })));
    const policy: SyncPolicy = { batchSize: 3, baseDelayMs: 1000, maxDelayMs: 8000, maxRejections: 3 };
    const engine = new SyncEngine({ store, port: new HostChannelSyncPort(client) as DecisionSyncPort<unknown>, clock, ids: sequentialIds(), random: seededRandom('11'), policy });
    let duplicates = 0;
    for (const faults of [{}, { commitThenFail: 'error' }, { down: true }, { hang: true }, { commitThenFail: 'hang' }, { errorStatus: 503 }, {}] satisfies Partial<RecordsFaults>[]) {
      server.setFaults(faults);
      duplicates += (await engine.runOnce()).duplicates;
      clock.advance(policy.maxDelayMs + 1);
    }
    server.setFaults({});
    for (let round = 0; round < 30 && (await store.listUnsynced()).length > 0; round++) {
      duplicates += (await engine.drain()).duplicates;
      clock.advance(policy.maxDelayMs + 1);
    }
    expect(store.all().map((i) => i.state)).toEqual(mixed.map(() => 'synced'));
    const heldDepartures = server.acceptedDepartures().map((d) => d.idempotencyKey);
    expect([...heldDepartures].sort()).toEqual(departures.map((d) => d.idempotencyKey).sort());
    expect(new Set(heldDepartures).size).toBe(heldDepartures.length);
    expect(server.acceptedDecisions().map((d) => d.idempotencyKey).sort()).toEqual(submissions.slice(0, 4).map((s) => s.idempotencyKey).sort());
    expect(server.acceptedDepartures()[0]?.departure).toEqual(departures.find((d) => d.idempotencyKey === heldDepartures[0])?.payload.departure);
    // Answers were lost after storing: the resends came back duplicate, never stored twice.
    expect(duplicates).toBeGreaterThan(0);
  });

  it('a departure confirmed during a training run is withheld like a training decision: never reaches POST /v1/departures', async () => {
    const before = server.acceptedDepartures().length;
    const guard = new TrainingDecisionGuard(clock);
    guard.progressed({ run: { runId: 'run-1', open: true } } as unknown as TrainingProgress);
    const duringRun = { ...departures[0]!, idempotencyKey: 'departure:training', payload: { ...departures[0]!.payload, departure: { ...departures[0]!.payload.departure, departureId: 'training', departedAt: new Date(clock.now().getTime() + 1000).toISOString() } } };
    const reply = await submitDecisionBatch(client, { batch: [duringRun] }, (item) => guard.refusal(item.payload));
    expect(reply.results).toEqual([{ idempotencyKey: 'departure:training', outcome: 'rejected', reason: 'decided during training run run-1: a training decision is never sent to the records service' }]);
    expect(server.acceptedDepartures()).toHaveLength(before);
  });

  it('an invalid departure is rejected naming the field, without refusing the decisions beside it', async () => {
    const bad = { idempotencyKey: 'departure:bad', payload: { ...departures[0]!.payload, departure: { ...departures[0]!.payload.departure, overstayDays: -3 } } };
    const reply = await submitDecisionBatch(client, { batch: [bad, submissions[0]!, departures[1]!] });
    expect(reply.results).toEqual([
      { idempotencyKey: 'departure:bad', outcome: 'rejected', reason: expect.stringMatching(/^invalid departure: payload\.departure\.overstayDays: /) },
      { idempotencyKey: submissions[0]!.idempotencyKey, outcome: 'accepted' },
      { idempotencyKey: departures[1]!.idempotencyKey, outcome: 'accepted' },
    ]);
  });
});
