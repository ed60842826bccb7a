import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../app/settings/boothSettings';
import { startNodeHost, type RunningNodeHost } from '../../main/host/NodeHost';
import { staticDirForTests } from '../../main/host/testSupport/nodeHostClient';
import { createBoothServices, type BoothServices } from '../../main/services/createBoothServices';
import { accessCheckUrlFor, hostRefusesToken } from './hostAccessRefusal';

const staticDir = staticDirForTests();
let services: BoothServices;
let host: RunningNodeHost;

beforeAll(async () => {
  services = createBoothServices({ resolved: resolveSettings({}), version: 'test', userDataDir: mkdtempSync(join(tmpdir(), 'booth-access-refusal-')) });
  await services.start();
  host = await startNodeHost({ services, staticDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  await services.stop();
});

describe('hostRefusesToken against the real Node host', () => {
  const checkUrl = () => accessCheckUrlFor(`${host.url.replace('http', 'ws')}host`);

  it('asks the HTTP API beside the WebSocket', () => {
    expect(accessCheckUrlFor('ws://127.0.0.1:5391/host')).toBe('http://127.0.0.1:5391/api/app:getInfo');
    expect(accessCheckUrlFor('wss://localhost/host')).toBe('https://localhost/api/app:getInfo');
  });

  it('is true for a token of another start and for no token, false for this start\'s token', async () => {
    expect(await hostRefusesToken(checkUrl(), 'A'.repeat(43))).toBe(true);
    expect(await hostRefusesToken(checkUrl(), undefined)).toBe(true);
    expect(await hostRefusesToken(checkUrl(), host.accessToken.value)).toBe(false);
  });

  it('is false when nobody listens, and for a 401 that is not the host\'s own refusal', async () => {
    const stranger: Server = createServer((_request, response) => response.writeHead(401, { 'Content-Type': 'text/plain' }).end('go away'));
    await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
    const { port } = stranger.address() as AddressInfo;
    expect(await hostRefusesToken(`http://127.0.0.1:${port}/api/app:getInfo`, 'A'.repeat(43))).toBe(false);
    await new Promise<void>((resolve) => stranger.close(() => resolve()));
    expect(await hostRefusesToken(`http://127.0.0.1:${port}/api/app:getInfo`, 'A'.repeat(43))).toBe(false);
  });
});
