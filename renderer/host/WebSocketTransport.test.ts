import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { resolveSettings } from '../../app/settings/boothSettings';
import type { HostAccessToken } from '../../main/host/HostAccessToken';
import { startNodeHost, type RunningNodeHost } from '../../main/host/NodeHost';
import { staticDirForTests } from '../../main/host/testSupport/nodeHostClient';
import { createBoothServices, type BoothServices } from '../../main/services/createBoothServices';
import { hostAccessRefusalMessages } from './hostAccessRefusal';
import type { HostConnectionState } from './HostTransport';
import { WebSocketTransport } from './WebSocketTransport';

// Node 20 has no global WebSocket; the `ws` client implements the same browser API (addEventListener, send).
beforeAll(() => {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;
});

const staticDir = staticDirForTests();
const running: { host: RunningNodeHost; services: BoothServices }[] = [];

async function startHost(port = 0, accessToken?: HostAccessToken) {
  const services = createBoothServices({ resolved: resolveSettings({}), version: 'test', userDataDir: mkdtempSync(join(tmpdir(), 'booth-ws-transport-')) });
  await services.start();
  const host = await startNodeHost({ services, staticDir, port, ...(accessToken ? { accessToken } : {}) });
  running.push({ host, services });
  return { host, services };
}

async function stopHost(entry: { host: RunningNodeHost; services: BoothServices }) {
  running.splice(running.indexOf(entry), 1);
  await entry.host.close();
  await entry.services.stop();
}

afterEach(async () => {
  for (const entry of [...running]) await stopHost(entry);
});

const waitFor = async (condition: () => boolean) => {
  for (let waited = 0; waited < 5000; waited += 20) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met in 5 s');
};

/**
 * A transport that was online to a host which has since stopped, as a booth window sees its host go away; it
 * keeps the host's port, so a host started again there is reached.
 */
async function transportWhoseHostStopped() {
  const first = await startHost();
  const transport = new WebSocketTransport({ url: `ws://127.0.0.1:${first.host.port}/host`, accessToken: first.host.accessToken.value, callTimeoutMs: 400, reconnectDelaysMs: [50] });
  const states: HostConnectionState[] = [];
  transport.onConnection((state) => states.push(state));
  await waitFor(() => transport.connection() === 'online');

  await stopHost(first);
  await waitFor(() => transport.connection() === 'offline');
  return { first: first.host, transport, states };
}

describe('WebSocketTransport against the real Node host', () => {
  it('pairs replies with calls and hears events', async () => {
    const { host } = await startHost();
    const transport = new WebSocketTransport({ url: `${host.url.replace('http', 'ws')}host`, accessToken: host.accessToken.value });
    const events: string[] = [];
    transport.onEvent((name) => events.push(name));
    // The simulator controls are a trainer's (app/host/simulatorAccess.ts): this connection signs in as one first.
    expect(await transport.call('auth:signIn', { userId: 'trainer', password: 'booth-trainer' })).toMatchObject({ ok: true });
    const [list, unplug] = await Promise.all([
      transport.call('devices:list', {}),
      transport.call('sim:setDeviceConnected', { kind: 'rfidReader', connected: false }),
    ]);
    expect(list).toMatchObject({ ok: true, value: expect.any(Array) });
    expect(unplug).toMatchObject({ ok: true, value: { kind: 'rfidReader', connected: false } });
    await waitFor(() => events.includes('devices:onStatus'));
    transport.close();
  });

  it('answers calls made while the host is down with host_unreachable, and reconnects when it returns', async () => {
    const { first, transport, states } = await transportWhoseHostStopped();
    expect(await transport.call('devices:list', {})).toMatchObject({ ok: false, error: { code: 'host_unreachable' } });

    // The same launch's token: a restarted host with a new token would (rightly) refuse this page.
    await startHost(first.port, first.accessToken);
    await waitFor(() => transport.connection() === 'online');
    expect(await transport.call('devices:list', {})).toMatchObject({ ok: true });
    expect(states).toEqual(['connecting', 'online', 'offline', 'online']);
    transport.close();
  });

  it('without the host access token is refused (no_token): calls answer unauthorized at once, saying to use the launch page', async () => {
    const { host } = await startHost();
    const transport = new WebSocketTransport({ url: `${host.url.replace('http', 'ws')}host`, accessToken: undefined, callTimeoutMs: 5000, reconnectDelaysMs: [50] });
    const states: HostConnectionState[] = [];
    transport.onConnection((state) => states.push(state));
    // A call made while connecting is answered as soon as the refusal is known, not after its timeout.
    const early = transport.call('storage:getKey', {});
    await waitFor(() => transport.connection() === 'no_token');
    expect(await early).toEqual({ ok: false, error: { code: 'unauthorized', message: `storage:getKey: ${hostAccessRefusalMessages.no_token}` } });
    expect(await transport.call('app:getInfo', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // It keeps trying, quietly: the state does not flicker through offline on each refused attempt.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(states).toEqual(['connecting', 'no_token']);
    transport.close();
  });

  it('after the host restarts with a new token, says the window belongs to the earlier start (stale_token) instead of staying offline', async () => {
    const { first, transport, states } = await transportWhoseHostStopped();
    // While nobody listens it is just offline.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(transport.connection()).toBe('offline');

    // A new start on the same port makes a new token: this window's token is refused for good.
    const second = await startHost(first.port);
    expect(second.host.accessToken.value).not.toBe(first.accessToken.value);
    await waitFor(() => transport.connection() === 'stale_token');
    expect(await transport.call('devices:list', {})).toEqual({ ok: false, error: { code: 'unauthorized', message: `devices:list: ${hostAccessRefusalMessages.stale_token}` } });
    expect(states).toEqual(['connecting', 'online', 'offline', 'stale_token']);
    // The token check is as strict as ever: the new start refuses the old token over HTTP too.
    const oldToken = await fetch(`${second.host.url}api/devices:list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${first.accessToken.value}` }, body: '{}' });
    expect(oldToken.status).toBe(401);
    transport.close();
  });

  it('sends a call queued while connecting once the connection opens', async () => {
    const { host } = await startHost();
    const transport = new WebSocketTransport({ url: `${host.url.replace('http', 'ws')}host`, accessToken: host.accessToken.value });
    expect(transport.connection()).toBe('connecting');
    expect(await transport.call('app:getInfo', {})).toMatchObject({ ok: true, value: { boothId: 'BOOTH-01' } });
    transport.close();
  });
});

/** A host that accepts connections and reads calls but never answers them. */
async function silentHost() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const received: string[] = [];
  server.on('connection', (socket) => socket.on('message', (data) => received.push(String(data))));
  const { port } = server.address() as { port: number };
  return { server, received, url: `ws://127.0.0.1:${port}/host` };
}

describe('WebSocketTransport settles calls in flight', () => {
  it('answers calls sent on a connection that drops with host_unreachable at once, not after the timeout', async () => {
    const host = await silentHost();
    const transport = new WebSocketTransport({ url: host.url, accessToken: 'token', callTimeoutMs: 600_000, reconnectDelaysMs: [60_000] });
    try {
      await waitFor(() => transport.connection() === 'online');
      const call = transport.call('devices:list', {});
      await waitFor(() => host.received.length === 1);
      for (const client of host.server.clients) client.terminate();
      expect(await call).toMatchObject({ ok: false, error: { code: 'host_unreachable', message: expect.stringMatching(/^devices:list: the connection to the booth host dropped/) } });
    } finally {
      transport.close();
      host.server.close();
    }
  });

  it('answers calls in flight when closed', async () => {
    const host = await silentHost();
    const transport = new WebSocketTransport({ url: host.url, accessToken: 'token', callTimeoutMs: 600_000 });
    try {
      await waitFor(() => transport.connection() === 'online');
      const call = transport.call('lane:current', {});
      await waitFor(() => host.received.length === 1);
      transport.close();
      expect(await call).toMatchObject({ ok: false, error: { code: 'host_unreachable', message: expect.stringMatching(/^lane:current: the connection to the booth host was closed/) } });
    } finally {
      host.server.close();
    }
  });
});
