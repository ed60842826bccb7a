import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { sequentialIds } from '../../app/ports/Ids';
import { resolveSettings } from '../../app/settings/boothSettings';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { AccountStore } from '../services/accounts';
import { createBoothServices, type BoothServices } from '../services/createBoothServices';
import { ManualTime } from '../services/testSupport/manualTime';
import { startNodeHost, type RunningNodeHost } from './NodeHost';
import { embedderManifestSchema } from '../../app/biometrics/modelManifest';
import { scriptedDecisionRecords, scriptedDecisionSubmissions } from '../../native-bridges/records-service/scriptedDecisions.node.ts';
import type { SimulatedRecordsService } from '../../native-bridges/records-service/SimulatedRecordsService.node.ts';
import type { TrainingDecisionReport } from '../../app/training/trainingDebrief';
import { connectToHost, httpApiCaller, staticDirForTests } from './testSupport/nodeHostClient';

/** The trainer's channels through the real Node host: over HTTP for calls, over its WebSocket for progress events. */
const scenariosDir = fileURLToPath(new URL('../../assets/scenarios', import.meta.url));
const start = new Date('2026-11-23T10:00:00Z');
const opened: { services: BoothServices; host: RunningNodeHost; socket: WebSocket }[] = [];

afterEach(async () => {
  for (const { services, host, socket } of opened.splice(0)) {
    socket.close();
    await host.close();
    await services.stop();
  }
});

async function booth(raw: Record<string, unknown>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'booth-training-host-'));
  const time = new ManualTime(start);
  const services = createBoothServices({ resolved: resolveSettings(raw), version: 'test', clock: time, timers: time, ids: sequentialIds(), scenariosDir, userDataDir: dataDir });
  await services.start();
  const host = await startNodeHost({ services, staticDir: staticDirForTests(), port: 0 });
  const { socket, frames, nextFrame: frame, call: callOverWindow } = await connectToHost<{ kind?: string; name?: string; payload?: Record<string, unknown> }>(host);
  opened.push({ services, host, socket });
  // One HTTP API caller: its session carries its sign-in (the host checks roles per connection and session).
  const api = httpApiCaller(host);
  const call = (channel: string, payload: unknown) => api.call<Record<string, unknown>>(channel, payload);
  const signIn = (userId: 'trainer' | 'officer') => api.signIn(userId);
  /** The window's outbox syncing (decisions:sync is a booth window's only, nobody signed in on it needed). */
  const sync = (batch: readonly unknown[]) => callOverWindow<Record<string, unknown>>('decisions:sync', { batch });
  return { services, time, call, sync, frame, frames, signIn, dataDir };
}

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));

describe('training channels over the Node host', () => {
  it('lists the built-ins, starts one, pushes its progress, restarts and stops it', async () => {
    const { services, time, call, frame, frames, signIn } = await booth({ laneType: 'pedestrian' });
    await signIn('trainer');
    const listed = await call('training:list', {});
    expect(listed.status).toBe(200);
    expect((listed.body.value as unknown as { name: string }[]).map((s) => s.name)).toEqual(['clean-lane', 'clean-then-expired', 'clone-during-records-outage', 'cloned-chip', 'exit-overstayer-twins', 'genuine-non-match', 'look-alike-impostor', 'records-outage', 'vehicle-forged-sod-reader-unplugged', 'vehicle-rear-seat-impostor']);
    expect((await call('training:progress', {})).body).toEqual({
      ok: true,
      value: { state: 'idle', scenario: null, stepCount: 0, stepsDone: 0, currentStep: null, nextAtSeconds: null, problems: [], run: null },
    });

    const started = await call('training:start', { scenario: 'clean-then-expired' });
    expect(started.body).toMatchObject({ ok: true, value: { state: 'playing', scenario: 'clean-then-expired', stepCount: 2, nextAtSeconds: 2 } });
    time.advance(2000);
    await services.training?.settled();
    const session = await frame((f) => f.name === 'lane:onSession');
    expect((session.payload?.documents as { read: { mrz: string[] } }[])[0]?.read.mrz[0]).toBe(simulatedTravellers[0]!.mrz[0]);
    expect((await call('training:progress', {})).body.value).toMatchObject({ stepsDone: 1, currentStep: "1/2: the reader reads scripted traveller 0's document" });
    // The WebSocket window (nobody signed in on it) heard the start and the step, and only that a run is open.
    const runId = (started.body.value as unknown as { run: { runId: string } }).run.runId;
    await frame((f) => f.name === 'training:onProgress');
    const heard = frames.filter((f) => f.name === 'training:onProgress').map((f) => f.payload);
    expect(heard.length).toBeGreaterThanOrEqual(2);
    for (const payload of heard) expect(payload).toEqual({ run: { runId, open: true } });
    expect((await call('training:run', {})).body.value).toEqual({ run: { runId, open: true } });

    expect((await call('training:start', {})).body.value).toMatchObject({ state: 'playing', stepsDone: 0 });
    expect((await call('training:stop', {})).body.value).toMatchObject({ state: 'stopped', stepsDone: 0 });
    expect(time.waiting).toBe(0);
  });

  it('refuses unknown scenarios, other lanes, bad payloads, and real devices, saying why', async () => {
    const { call, signIn } = await booth({ laneType: 'pedestrian' });
    await signIn('trainer');
    const unknown = await call('training:start', { scenario: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toBe('There is no built-in training scenario "nope"; built-in: clean-lane, clean-then-expired, clone-during-records-outage, cloned-chip, exit-overstayer-twins, genuine-non-match, look-alike-impostor, records-outage, vehicle-forged-sod-reader-unplugged, vehicle-rear-seat-impostor.');
    const otherLane = await call('training:start', { scenario: 'vehicle-forged-sod-reader-unplugged' });
    expect(otherLane.body.error).toEqual({ code: 'not_supported', message: 'Training scenario "vehicle-forged-sod-reader-unplugged" is for a vehicle lane; this booth\'s laneType is "pedestrian".' });
    const nothingLoaded = await call('training:start', {});
    expect(nothingLoaded.body.error?.message).toBe('No training scenario is loaded: name one.');
    const bad = await call('training:start', { scenario: '../../etc/passwd' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/^Invalid request for training:start: scenario: /);
    expect((await call('training:stop', { now: true })).body.error?.code).toBe('invalid_request');

    // A booth on real devices has no practice accounts: a trainer of its own, signed in (the access rule is checked first).
    const hardware = await booth({ devices: 'hardware' });
    await AccountStore.inUserData(hardware.dataDir).add({ userId: 'tara', name: 'Tara Trainer', role: 'trainer' }, 'a long trainer passphrase');
    expect((await hardware.call('auth:signIn', { userId: 'tara', password: 'a long trainer passphrase' })).status).toBe(200);
    const refused = await hardware.call('training:start', { scenario: 'clean-then-expired' });
    expect(refused.body.error).toEqual({ code: 'not_supported', message: 'Training scenarios are available only with --devices=sim.' });
  });

  it('keeps the trainer controls for trainers: an officer (or nobody) is refused on the host, whatever the screen shows', async () => {
    const { call, signIn } = await booth({ laneType: 'pedestrian' });
    const nobody = await call('training:start', { scenario: 'clean-then-expired' });
    expect(nobody.status).toBe(403);
    expect(nobody.body.error).toEqual({ code: 'not_permitted', message: 'Sign in first: Starting a training scenario needs a signed-in trainer.' });
    await signIn('officer');
    for (const channel of ['training:list', 'training:stop', 'training:runs', 'training:progress']) {
      expect((await call(channel, {})).body.error?.code, channel).toBe('not_permitted');
    }
    expect((await call('training:start', { scenario: 'clean-then-expired' })).body.error?.message).toBe('Starting a training scenario is for the trainer role; officer is signed in as officer.');
  });

  it('refuses the trainer controls to a connection once its trainer signed out, and to nobody else', async () => {
    const { call, signIn, services } = await booth({ laneType: 'pedestrian' });
    await signIn('trainer');
    expect((await call('training:list', {})).status).toBe(200);
    const otherWindow = { client: 'another-window', transport: 'window' as const };
    expect((await services.dispatch('auth:signIn', { userId: 'trainer', password: 'booth-trainer' }, otherWindow)).ok).toBe(true);

    expect((await call('auth:signOut', {})).body).toEqual({ ok: true, value: { userId: 'trainer' } });
    for (const channel of ['training:list', 'training:progress', 'training:stop', 'training:runs']) {
      const refused = await call(channel, {});
      expect(refused.status, channel).toBe(403);
      expect(refused.body.error, channel).toEqual({ code: 'not_permitted', message: expect.stringMatching(/^Sign in first: /) });
    }
    expect((await call('training:start', { scenario: 'clean-then-expired' })).body.error?.code).toBe('not_permitted');
    // Signed out already; the payload is checked like any other; the other window keeps its trainer.
    expect((await call('auth:signOut', {})).body).toEqual({ ok: true, value: { userId: null } });
    const bad = await call('auth:signOut', { userId: 'trainer' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/^Invalid request for auth:signOut: /);
    expect((await services.dispatch('training:list', {}, otherWindow)).ok).toBe(true);
  });

  it("scores a run's decisions, never lets one reach the records simulator, and keeps the final debrief in the run history", async () => {
    const { services, time, call, sync, signIn } = await booth({ laneType: 'pedestrian' });
    await signIn('trainer');
    const intake = (services.devices.records as SimulatedRecordsService).server.decisions;
    const [beforeRun] = scriptedDecisionSubmissions(scriptedDecisionRecords(model, time.now()), time.now().toISOString());
    time.advance(60_000);
    const started = await call('training:start', { scenario: 'clean-then-expired', trainee: 'kim' });
    const runId = (started.body.value as { run: { runId: string } }).run.runId;
    time.advance(2000);
    await services.training?.settled();
    time.advance(5000);

    // The trainee cleared Eriksson 5 s after her passport was read (as the booth reports a recorded training decision).
    const decision = scriptedDecisionRecords(model, time.now())[0]!;
    const report: TrainingDecisionReport = {
      runId,
      decisionId: decision.decisionId,
      subject: { documentNumber: 'L898902C3', occupantIndex: 0 },
      outcome: 'clear',
      reasons: [],
      decidedAt: time.now().toISOString(),
      evidence: { faceMatch: { decision: 'match', score: 0.71, threshold: 0.42, falseMatchRate: 'FMR ≈ 1 in 10 000' }, chipVerdict: 'verified', alerts: [], recommended: 'clear' },
    };
    const scored = await call('training:decided', report);
    // The reply says only that the run is open; the trainer reads the score.
    expect(scored.body.value).toEqual({ run: { runId, open: true } });
    expect((await call('training:progress', {})).body.value).toMatchObject({ run: { runId, open: true, score: { steps: 1, percent: 100, counts: { correct: 1 } } } });

    // Whatever a renderer queues from the run is held back on the host; real work from before the run still goes.
    const [fromRun] = scriptedDecisionSubmissions([{ ...decision, decidedAt: time.now().toISOString() }], time.now().toISOString());
    const synced = await sync([fromRun, beforeRun]);
    expect(synced.value).toEqual({
      results: [
        { idempotencyKey: fromRun!.idempotencyKey, outcome: 'rejected', reason: `decided during training run ${runId}: a training decision is never sent to the records service` },
        { idempotencyKey: beforeRun!.idempotencyKey, outcome: 'accepted' },
      ],
    });
    expect(intake.accepted().map((a) => a.idempotencyKey)).toEqual([beforeRun!.idempotencyKey]);

    // Stopping ends the run: the second traveller (read at 45 s) was never decided (missed), and the debrief is kept.
    time.advance(38_000);
    await services.training?.settled();
    expect((await call('training:stop', {})).body.value).toMatchObject({ run: { runId, open: false, score: { steps: 2, percent: 50 } } });
    const history = await call('training:runs', { trainee: 'kim' });
    expect(history.body.value).toMatchObject({ runs: [{ runId, scenario: 'clean-then-expired', trainee: 'kim', startedBy: 'trainer', score: { percent: 50 } }], problems: [] });
    expect((await call('training:runs', { trainee: 'someone-else' })).body.value).toEqual({ runs: [], problems: [] });
    const debrief = await call('training:debrief', { runId });
    expect(debrief.body.value).toMatchObject({
      runId,
      trainee: 'kim',
      steps: [
        { step: 1, documentNumber: 'L898902C3', verdict: 'correct', decision: { outcome: 'clear', secondsTaken: 5, evidence: { chipVerdict: 'verified', faceMatch: { decision: 'match' } } } },
        { step: 2, verdict: 'missed', decision: null, message: 'no decision; expected refer' },
      ],
      practise: ['Decide every traveller before the next one arrives (step 2)'],
    });
    // Decisions after the run are real again.
    time.advance(1000);
    const [afterRun] = scriptedDecisionSubmissions([{ ...decision, decisionId: 'after-run', decidedAt: time.now().toISOString() }], time.now().toISOString());
    expect((await sync([afterRun])).value).toEqual({ results: [{ idempotencyKey: afterRun!.idempotencyKey, outcome: 'accepted' }] });
    // An officer sees no other trainee's debrief.
    await signIn('officer');
    expect((await call('training:debrief', { runId })).body.error?.code).toBe('not_permitted');
  });
});
