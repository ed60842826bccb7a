import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { hostWebSocketProtocols } from '../../app/host/hostAccessToken';
import { resolveSettings } from '../../app/settings/boothSettings';
import { AccountStore } from '../services/accounts';
import { createBoothServices, type BoothServices } from '../services/createBoothServices';
import { HostAccessToken } from './HostAccessToken';
import { startNodeHost, type RunningNodeHost } from './NodeHost';
import { staticDirForTests } from './testSupport/nodeHostClient';

// The defect this guards against: any local process (curl, malware, another user) read the storage key, tried
// passwords and injected decisions through /api, and a DNS-rebound page passed the Origin==Host check.
let services: BoothServices;
let host: RunningNodeHost;
let token: string;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'booth-host-access-'));
  // Sim mode creates the practice accounts in this folder at start.
  const accounts = AccountStore.inUserData(dataDir);
  services = createBoothServices({ resolved: resolveSettings({ devices: 'sim' }), version: 'test', userDataDir: dataDir, accounts });
  await services.start();
  host = await startNodeHost({ services, staticDir: staticDirForTests(), port: 0 });
  token = host.accessToken.value;
});

afterAll(async () => {
  await host.close();
  await services.stop();
});

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request, so the test controls every header (fetch forbids setting Host). */
function send(path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port: host.port, path, method: body === undefined ? 'GET' : 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const callApi = (channel: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, { 'Content-Type': 'application/json', Host: `127.0.0.1:${host.port}`, ...headers }, JSON.stringify(payload));

const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });

/** Opens the contract's WebSocket; resolves 'open', or rejects with the refusal's HTTP status. */
function openSocket(protocols: string[] | undefined, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/host`, protocols ?? [], { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused with HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

const sensitiveCalls = [
  ['storage:getKey', {}],
  ['auth:signIn', { userId: 'officer', password: 'booth-officer' }],
  ['decisions:sync', { batch: [] }],
] as const;

describe('Node host access token', () => {
  it.each(sensitiveCalls)('refuses %s over HTTP without a token, with 401 and the contract envelope', async (channel, payload) => {
    const answer = await callApi(channel, payload);
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Bearer realm="booth"');
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('carried no access token') } });
  });

  it.each(sensitiveCalls)('refuses %s with a wrong token, of the same or another length, or another scheme', async (channel, payload) => {
    const sameLength = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const headers of [bearer(sameLength), bearer(`${token}x`), bearer('short'), { Authorization: `Basic ${token}` }]) {
      const answer = await callApi(channel, payload, headers);
      expect(answer.status).toBe(401);
      expect(answer.body).not.toContain(token);
      expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  });

  it('answers the same calls with the right token (the storage key and the outbox sync only to a window: never over HTTP)', async () => {
    const key = await callApi('storage:getKey', {}, bearer(token));
    expect(key.status).toBe(403);
    expect(JSON.parse(key.body)).toEqual({ ok: false, error: { code: 'not_permitted', message: "The storage key goes only to the booth's own window, never over the HTTP API." } });
    const signIn = await callApi('auth:signIn', { userId: 'officer', password: 'booth-officer' }, bearer(token));
    expect(JSON.parse(signIn.body)).toMatchObject({ ok: true, value: { userId: 'officer', role: 'officer' } });
    const wrongPassword = await callApi('auth:signIn', { userId: 'officer', password: 'not-the-password' }, bearer(token));
    expect(wrongPassword.status).toBe(401);
    expect(JSON.parse(wrongPassword.body)).toMatchObject({ error: { code: 'bad_credentials' } });
    // The outbox's sync is a booth window's (NodeHostWindowOnly.test.ts): with the token, over HTTP, refused by rule.
    const sync = await callApi('decisions:sync', { batch: [] }, bearer(token));
    expect(sync.status).toBe(403);
    expect(JSON.parse(sync.body)).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
  });

  it('refuses the WebSocket without a token or with a wrong one, and serves it with the right one', async () => {
    await expect(openSocket(undefined)).rejects.toThrow('HTTP 401');
    await expect(openSocket(['booth.v1'])).rejects.toThrow('HTTP 401');
    await expect(openSocket(hostWebSocketProtocols(HostAccessToken.generate().value))).rejects.toThrow('HTTP 401');
    const socket = await openSocket(hostWebSocketProtocols(token));
    // The host selects its own protocol name: the token is not echoed back.
    expect(socket.protocol).toBe('booth.v1');
    const reply = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
    socket.send(JSON.stringify({ kind: 'call', id: 1, channel: 'storage:getKey', payload: {} }));
    expect(await reply).toMatchObject({ kind: 'reply', id: 1, result: { ok: true, value: { key: expect.any(String) } } });
    socket.close();
  });

  it('gives every start its own token, and refuses malformed tokens chosen by a caller', () => {
    expect(HostAccessToken.generate().value).not.toBe(HostAccessToken.generate().value);
    expect(HostAccessToken.generate().value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(() => HostAccessToken.from('too-short')).toThrow(/43 to 128 base64url/);
    expect(HostAccessToken.from(token).matches(token)).toBe(true);
    expect(String(host.accessToken)).toBe('[HostAccessToken]');
    expect(JSON.stringify({ token: host.accessToken })).not.toContain(token);
  });
});

describe('Node host Host-header check (DNS rebinding)', () => {
  it('refuses API calls, the WebSocket and static files when Host is not this host on loopback', async () => {
    for (const hostHeader of [`evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, 'evil.example', `127.0.0.2:${host.port}`]) {
      const api = await callApi('storage:getKey', {}, { ...bearer(token), Host: hostHeader, Origin: `http://${hostHeader}` });
      expect(api.status, hostHeader).toBe(403);
      expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('loopback') } });
      expect((await send('/index.html', { Host: hostHeader })).status, hostHeader).toBe(403);
    }
    await expect(openSocket(hostWebSocketProtocols(token), { Host: `evil.example:${host.port}`, Origin: `http://evil.example:${host.port}` })).rejects.toThrow('HTTP 403');
  });

  it('answers the loopback names with its own port', async () => {
    for (const hostHeader of [`127.0.0.1:${host.port}`, `localhost:${host.port}`, `LocalHost:${host.port}`, `[::1]:${host.port}`]) {
      expect((await callApi('devices:list', {}, { ...bearer(token), Host: hostHeader })).status, hostHeader).toBe(200);
      expect((await send('/index.html', { Host: hostHeader })).status, hostHeader).toBe(200);
    }
  });

  it('serves static files without a token: they hold no secrets', async () => {
    const page = await send('/index.html', { Host: `127.0.0.1:${host.port}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Booth</title>');
  });
});
