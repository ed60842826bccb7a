import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { embedderManifestSchema } from '../../app/biometrics/modelManifest';
import type { DecisionSubmission } from '../../app/ports/decisionSubmission';
import { HttpRecordsClient } from './HttpRecordsClient.node.ts';
import { recordsPaths } from './recordsOpenApi';
import { RecordsSimulatorServer } from './RecordsSimulatorServer.node.ts';
import { scriptedDecisionRecords, scriptedDecisionSubmissions } from './scriptedDecisions.node.ts';
import { SimulatedRecordsService } from './SimulatedRecordsService.node.ts';
import { noRecords, noRecordsServiceReason } from './unconfiguredLaneDevices';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };
const submissions = scriptedDecisionSubmissions(scriptedDecisionRecords(model, now), now.toISOString());
const keysOf = (batch: readonly DecisionSubmission[]) => batch.map((s) => s.idempotencyKey);
const outcomes = (results: readonly { outcome: string }[]) => results.map((r) => r.outcome);

// Long enough for a 50-decision batch on a loaded 2-core machine (250 ms gave 'retry' for all 60 under load), short
// enough that the hang and too-slow faults below time out quickly; the too-slow fault answers after it.
const clientTimeoutMs = 1500;
const tooSlowMs = clientTimeoutMs + 500;

let server: RecordsSimulatorServer;
let client: HttpRecordsClient;

beforeEach(async () => {
  server = new RecordsSimulatorServer({ clock });
  client = new HttpRecordsClient({ baseUrl: await server.start(), clock, timeoutMs: clientTimeoutMs, probeIntervalMs: 0 });
  await client.start();
});
afterEach(async () => {
  await client.stop();
  await server.stop();
});

describe('POST /v1/decisions through HttpRecordsClient', () => {
  it('accepts each decision once, answers a resend duplicate, and lists what it holds', async () => {
    const batch = submissions.slice(0, 5);
    expect(await client.submitDecisions(batch)).toEqual(keysOf(batch).map((idempotencyKey) => ({ idempotencyKey, outcome: 'accepted' })));
    const again = await client.submitDecisions([...submissions.slice(3, 7)]);
    expect(outcomes(again)).toEqual(['duplicate', 'duplicate', 'accepted', 'accepted']);
    expect(server.acceptedDecisions().map((d) => d.idempotencyKey)).toEqual(keysOf(submissions.slice(0, 7)));
    expect(server.acceptedDecisions()[0]).toEqual({ idempotencyKey: batch[0]!.idempotencyKey, receivedAt: now.toISOString(), payload: JSON.parse(JSON.stringify(batch[0]!.payload)) });
    const listed = (await (await fetch(`${server.url}${recordsPaths.decisions}`)).json()) as { total: number; decisions: { idempotencyKey: string }[] };
    expect(listed.total).toBe(7);
    expect(listed.decisions.map((d) => d.idempotencyKey)).toEqual(keysOf(submissions.slice(0, 7)));
  });

  it('rejects an invalid item with a reason naming the field, and still accepts the rest of the batch', async () => {
    const good = submissions[0]!;
    const badOfficer = { idempotencyKey: 'bad-1', payload: { ...good.payload, decision: { ...good.payload.decision, officer: '' } } };
    const extraField = { idempotencyKey: 'bad-2', payload: { ...good.payload, faceImage: 'AAAA' } } as unknown as DecisionSubmission;
    const results = await client.submitDecisions([badOfficer, good, extraField]);
    expect(results).toEqual([
      { idempotencyKey: 'bad-1', outcome: 'rejected', reason: expect.stringMatching(/^payload\.decision\.officer: /) },
      { idempotencyKey: good.idempotencyKey, outcome: 'accepted' },
      { idempotencyKey: 'bad-2', outcome: 'rejected', reason: expect.stringContaining('faceImage') },
    ]);
    expect(server.acceptedDecisions().map((d) => d.idempotencyKey)).toEqual([good.idempotencyKey]);
  });

  it('splits a batch over the limit of 50 and refuses a raw request over it (400 names the field)', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ idempotencyKey: `bulk-${i}`, payload: submissions[i % submissions.length]!.payload }));
    const before = server.requests;
    expect(outcomes(await client.submitDecisions(many))).toEqual(Array(60).fill('accepted'));
    expect(server.requests - before).toBe(2);
    const raw = await fetch(`${server.url}${recordsPaths.decisions}`, { method: 'POST', body: JSON.stringify({ decisions: many.slice(0, 51).map((s, i) => ({ ...s, idempotencyKey: `raw-${i}` })) }) });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/^decisions: /) } });
    expect((await fetch(`${server.url}${recordsPaths.decisions}`, { method: 'POST', body: 'not json' })).status).toBe(400);
  });

  it('a hanging or failing service: every item is retry, nothing is stored, and the client never throws', async () => {
    const batch = submissions.slice(0, 3);
    server.setFaults({ hang: true });
    const hung = await client.submitDecisions(batch);
    expect(hung).toEqual(keysOf(batch).map((idempotencyKey) => ({ idempotencyKey, outcome: 'retry', reason: expect.stringMatching(/^timeout: /) })));
    expect(client.status().connected).toBe(false);
    server.setFaults({ errorStatus: 500 });
    expect(await client.submitDecisions(batch)).toEqual(keysOf(batch).map((idempotencyKey) => ({ idempotencyKey, outcome: 'retry', reason: expect.stringMatching(/^server_error: /) })));
    server.setFaults({ errorStatus: 503 });
    expect(outcomes(await client.submitDecisions(batch))).toEqual(['retry', 'retry', 'retry']);
    server.setFaults({ down: true });
    expect(await client.submitDecisions(batch)).toEqual(keysOf(batch).map((idempotencyKey) => ({ idempotencyKey, outcome: 'retry', reason: expect.stringMatching(/^unavailable: /) })));
    expect(server.acceptedDecisions()).toEqual([]);
    server.setFaults({});
    expect(outcomes(await client.submitDecisions(batch))).toEqual(['accepted', 'accepted', 'accepted']);
    expect(client.status().connected).toBe(true);
  });

  it('stored but answered as failed (500, lost answer, malformed, too slow): retry, and the resend is duplicate', async () => {
    const faults = [{ commitThenFail: 'error' as const }, { commitThenFail: 'hang' as const }, { malformed: true }, { delayMs: tooSlowMs }];
    for (const [i, fault] of faults.entries()) {
      const batch = submissions.slice(i * 2, i * 2 + 2);
      server.setFaults(fault);
      expect(outcomes(await client.submitDecisions(batch)), JSON.stringify(fault)).toEqual(['retry', 'retry']);
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      expect(server.acceptedDecisions().map((d) => d.idempotencyKey).slice(-2)).toEqual(keysOf(batch));
      server.setFaults({});
      expect(outcomes(await client.submitDecisions(batch)), JSON.stringify(fault)).toEqual(['duplicate', 'duplicate']);
    }
    expect(server.acceptedDecisions()).toHaveLength(8);
  });

  it('the "reject all" fault refuses new decisions but still answers duplicate for held ones', async () => {
    await client.submitDecisions(submissions.slice(0, 1));
    server.setFaults({ rejectDecisions: true });
    const results = await client.submitDecisions(submissions.slice(0, 2));
    expect(results).toEqual([
      { idempotencyKey: submissions[0]!.idempotencyKey, outcome: 'duplicate' },
      { idempotencyKey: submissions[1]!.idempotencyKey, outcome: 'rejected', reason: expect.stringContaining('simulated') },
    ]);
    expect(server.acceptedDecisions()).toHaveLength(1);
  });
});

describe('other RecordsPort implementations', () => {
  it('an unconfigured records service answers retry for every decision, with the reason', async () => {
    expect(await noRecords.submitDecisions(submissions.slice(0, 2))).toEqual(keysOf(submissions.slice(0, 2)).map((idempotencyKey) => ({ idempotencyKey, outcome: 'retry', reason: noRecordsServiceReason })));
  });

  it('SimulatedRecordsService sends over HTTP once started, and answers retry before that', async () => {
    const service = new SimulatedRecordsService({ clock, timeoutMs: 300 });
    expect(outcomes(await service.submitDecisions(submissions.slice(0, 1)))).toEqual(['retry']);
    await service.start();
    try {
      expect(outcomes(await service.submitDecisions(submissions.slice(0, 2)))).toEqual(['accepted', 'accepted']);
      service.setConnected(false);
      expect(outcomes(await service.submitDecisions(submissions.slice(0, 2)))).toEqual(['retry', 'retry']);
      service.setConnected(true);
      expect(outcomes(await service.submitDecisions(submissions.slice(0, 2)))).toEqual(['duplicate', 'duplicate']);
      expect(service.server.acceptedDecisions()).toHaveLength(2);
    } finally {
      await service.stop();
    }
  });
});
