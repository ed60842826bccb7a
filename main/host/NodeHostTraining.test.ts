import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
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
import { callHostApi, connectToHost, staticDirForTests } from './testSupport/nodeHostClient';

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
  const services = createBoothServices({ resolved: resolveSettings(raw), version: 'test', clock: time, timers: time, ids: sequentialIds(), scenariosDir, accounts: AccountStore.inUserData(dataDir) });
  await services.start();
  const host = await startNodeHost({ services, staticDir: staticDirForTests(), port: 0 });
  const { socket, nextFrame: frame } = await connectToHost<{ kind?: string; name?: string; payload?: Record<string, unknown> }>(host);
  opened.push({ services, host, socket });
  const call = (channel: string, payload: unknown) => callHostApi<Record<string, unknown>>(host, channel, payload);
  return { services, time, call, frame };
}

describe('training channels over the Node host', () => {
  it('lists the built-ins, starts one, pushes its progress, restarts and stops it', async () => {
    const { services, time, call, frame } = await booth({ laneType: 'pedestrian' });
    const listed = await call('training:list', {});
    expect(listed.status).toBe(200);
    expect((listed.body.value as unknown as { name: string }[]).map((s) => s.name)).toEqual(['clean-then-expired', 'clone-during-records-outage', 'vehicle-forged-sod-reader-unplugged']);
    expect((await call('training:progress', {})).body).toEqual({
      ok: true,
      value: { state: 'idle', scenario: null, stepCount: 0, stepsDone: 0, currentStep: null, nextAtSeconds: null, problems: [] },
    });

    const started = await call('training:start', { scenario: 'clean-then-expired' });
    expect(started.body).toMatchObject({ ok: true, value: { state: 'playing', scenario: 'clean-then-expired', stepCount: 2, nextAtSeconds: 2 } });
    time.advance(2000);
    await services.training?.settled();
    const session = await frame((f) => f.name === 'lane:onSession');
    expect((session.payload?.documents as { read: { mrz: string[] } }[])[0]?.read.mrz[0]).toBe(simulatedTravellers[0]!.mrz[0]);
    await frame((f) => f.name === 'training:onProgress' && f.payload?.stepsDone === 1);
    expect((await call('training:progress', {})).body.value).toMatchObject({ stepsDone: 1, currentStep: "1/2: the reader reads scripted traveller 0's document" });

    expect((await call('training:start', {})).body.value).toMatchObject({ state: 'playing', stepsDone: 0 });
    expect((await call('training:stop', {})).body.value).toMatchObject({ state: 'stopped', stepsDone: 0 });
    expect(time.waiting).toBe(0);
  });

  it('refuses unknown scenarios, other lanes, bad payloads, and real devices, saying why', async () => {
    const { call } = await booth({ laneType: 'pedestrian' });
    const unknown = await call('training:start', { scenario: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toBe('There is no built-in training scenario "nope"; built-in: clean-then-expired, clone-during-records-outage, vehicle-forged-sod-reader-unplugged.');
    const otherLane = await call('training:start', { scenario: 'vehicle-forged-sod-reader-unplugged' });
    expect(otherLane.body.error).toEqual({ code: 'not_supported', message: 'Training scenario "vehicle-forged-sod-reader-unplugged" is for a vehicle lane; this booth\'s laneType is "pedestrian".' });
    const nothingLoaded = await call('training:start', {});
    expect(nothingLoaded.body.error?.message).toBe('No training scenario is loaded: name one.');
    const bad = await call('training:start', { scenario: '../../etc/passwd' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/^Invalid request for training:start: scenario: /);
    expect((await call('training:stop', { now: true })).body.error?.code).toBe('invalid_request');

    const hardware = await booth({ devices: 'hardware' });
    const refused = await hardware.call('training:start', { scenario: 'clean-then-expired' });
    expect(refused.body.error).toEqual({ code: 'not_supported', message: 'Training scenarios are available only with --devices=sim.' });
  });
});
