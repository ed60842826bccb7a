import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import { resolveSettings } from '../../app/settings/boothSettings';
import { inputLimits } from '../../app/shared/inputLimits';
import { createBoothServices, type BoothServices } from '../services/createBoothServices';
import { startNodeHost, type RunningNodeHost } from './NodeHost';
import { connectToHost, httpApiCaller, staticDirForTests } from './testSupport/nodeHostClient';
import { httpApiSessionHeader } from './HttpApiSessions';

let services: BoothServices;
let host: RunningNodeHost;

beforeEach(async () => {
  services = createBoothServices({ resolved: resolveSettings({}), version: 'test', ids: sequentialIds(), userDataDir: mkdtempSync(join(tmpdir(), 'booth-host-')) });
  await services.start();
  host = await startNodeHost({ services, staticDir: staticDirForTests(), port: 0 });
});

afterEach(async () => {
  await host.close();
  await services.stop();
});

const connect = (origin?: string) => connectToHost(host, origin);

describe('Node host', () => {
  it('serves the renderer with cross-origin isolation and a strict CSP', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect((await fetch(`${host.url}missing.js`)).status).toBe(404);
  });

  it('answers contract calls over WebSocket and pushes events', async () => {
    const { socket, nextFrame } = await connect();
    // The simulator controls are a trainer's: signed in on this connection.
    socket.send(JSON.stringify({ kind: 'call', id: 6, channel: 'auth:signIn', payload: { userId: 'trainer', password: 'booth-trainer' } }));
    expect(await nextFrame((frame) => frame.id === 6)).toMatchObject({ result: { ok: true } });
    socket.send(JSON.stringify({ kind: 'call', id: 7, channel: 'sim:setDeviceConnected', payload: { kind: 'plateReader', connected: false } }));
    expect(await nextFrame((frame) => frame.id === 7)).toMatchObject({ kind: 'reply', result: { ok: true, value: { kind: 'plateReader', connected: false } } });
    expect(await nextFrame((frame) => frame.kind === 'event')).toMatchObject({ name: 'devices:onStatus', payload: { kind: 'plateReader', connected: false } });
    socket.close();
  });

  it('answers malformed frames with an error naming the field, and keeps serving the same connection', async () => {
    const { socket, nextFrame, frames } = await connect();
    socket.send('not json');
    socket.send(JSON.stringify({ kind: 'call', id: 'one', channel: 'devices:list' }));
    socket.send(JSON.stringify({ kind: 'call', id: 3, channel: 'sim:setDeviceConnected', payload: { kind: 'toaster', connected: true } }));
    socket.send(JSON.stringify({ kind: 'call', id: 4, channel: 'devices:list', payload: {} }));
    const listed = await nextFrame((frame) => frame.id === 4);
    expect(listed).toMatchObject({ result: { ok: true } });
    const errors = frames.filter((frame) => (frame.result as { ok: boolean } | undefined)?.ok === false).map((frame) => (frame.result as { error: { message: string } }).error.message);
    expect(errors[0]).toBe('The frame is not valid JSON.');
    expect(errors[1]).toMatch(/^Invalid call frame: id: /);
    expect(errors[2]).toMatch(/^Invalid request for sim:setDeviceConnected: kind: /);
    socket.close();
  });

  it('serves the same contract over HTTP POST /api/<channel>', async () => {
    const trainer = httpApiCaller(host);
    await trainer.signIn('trainer');
    const post = (channel: string, body: string) =>
      fetch(`${host.url}api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.accessToken.value}`, [httpApiSessionHeader]: trainer.session() ?? '' }, body });
    const ok = await post('sim:readDocument', '{"traveller":0}');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { mrz: [expect.stringMatching(/^P<SWE/), expect.any(String)] } });
    const bad = await post('sim:setDeviceConnected', '{"kind":"camera","connected":"no"}');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('connected');
    expect((await post('nope:nothing', '{}')).status).toBe(404);
    expect((await post('devices:list', '{oops')).status).toBe(400);
  });

  it('answers a malformed channel URL with a 400 invalid_request envelope (#19 finding 8)', async () => {
    for (const path of ['%', '%E0%A4%A', 'devices%3', '%ZZ']) {
      const response = await fetch(`${host.url}api/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.accessToken.value}` }, body: '{}' });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('not valid percent-encoding') } });
    }
    expect((await fetch(`${host.url}api/devices:list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.accessToken.value}` }, body: '{}' })).status).toBe(200);
  });

  it('refuses a body declared over the limit before reading it', async () => {
    const response = await fetch(`${host.url}api/devices:list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.accessToken.value}` },
      body: `{"pad":"${'x'.repeat(inputLimits.host.maxRequestBodyBytes)}"}`,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('refuses WebSocket connections and API calls from foreign web origins', async () => {
    await expect(connect('http://evil.example')).rejects.toThrow(/403/);
    const response = await fetch(`${host.url}api/devices:list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example', Authorization: `Bearer ${host.accessToken.value}` },
      body: '{}',
    });
    expect(response.status).toBe(403);
    const own = await connect(host.url.replace(/\/$/, ''));
    own.socket.close();
  });
});
