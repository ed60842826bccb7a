import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { inProcessCaller } from '../../../app/host/dispatchCaller';
import { sequentialIds } from '../../../app/ports/Ids';
import { resolveSettings } from '../../../app/settings/boothSettings';
import { HttpRecordsClient } from '../../../native-bridges/records-service/HttpRecordsClient.node.ts';
import { startNodeHost, type RunningNodeHost } from '../../host/NodeHost';
import { staticDirForTests } from '../../host/testSupport/nodeHostClient';
import { AccountStore } from '../../services/accounts';
import { createBoothServices, type BoothServices } from '../../services/createBoothServices';
import { keyFileStorageKey } from '../../services/storageKey';
import { ContractBroken, defineTarget, type FuzzTarget } from '../fuzzTarget';
import { hostileJsonText, hostileText } from '../hostileInputs';
import type { FuzzSeeds } from '../seeds';

/** What a host must never answer: a crash inside (handler_failed, invalid_reply) or no envelope at all. */
const crashCodes = new Set(['handler_failed', 'invalid_reply']);

export interface HostTargets {
  readonly targets: FuzzTarget[];
  close(): Promise<void>;
}

const channelsFuzzed = ['documents:wedgeRead', 'decisions:sync', 'sim:setChipFaults', 'sim:setDeviceConnected', 'app:getInfo', 'training:progress', 'no:such-channel'] as const;

/** A booth host on loopback (simulated devices) and a records service answering whatever the input says. */
export async function hostTargets(seeds: FuzzSeeds): Promise<HostTargets> {
  const dataDir = mkdtempSync(join(tmpdir(), 'booth-fuzz-'));
  const services: BoothServices = createBoothServices({
    resolved: resolveSettings({ devices: 'sim', laneType: 'air' }),
    version: 'fuzz',
    ids: sequentialIds(),
    storageKey: keyFileStorageKey(dataDir),
    accounts: AccountStore.inUserData(dataDir),
  });
  await services.start();
  const host: RunningNodeHost = await startNodeHost({ services, staticDir: staticDirForTests(), port: 0 });

  let recordsAnswer = { status: 200, body: '{}' };
  const records: Server = createServer((_request, response) => {
    response.writeHead(recordsAnswer.status, { 'Content-Type': 'application/json' }).end(recordsAnswer.body);
  });
  await new Promise<void>((resolve) => records.listen(0, '127.0.0.1', resolve));
  const client = new HttpRecordsClient({ baseUrl: `http://127.0.0.1:${(records.address() as AddressInfo).port}`, clock: { now: () => new Date() }, probeIntervalMs: 0, timeoutMs: 2000 });

  const wedgeSeeds = seeds.mrzLines.map((lines) => JSON.stringify({ lines }));
  const payloadText = hostileJsonText([...wedgeSeeds, JSON.stringify({ kind: 'camera', connected: true }), JSON.stringify({ decisions: [] })]);
  const travellerAnswer = JSON.stringify({ travellers: [{ recordId: 'R1', documentNumber: 'SPECI2014', nationality: 'NLD', surname: 'DE BRUIJN', givenNames: 'WILLEKE', birthDate: '1965-03-10', flags: [] }] });

  const targets: FuzzTarget[] = [
    defineTarget({
      name: 'host.dispatch (payloads)',
      input: fc.tuple(fc.constantFrom(...channelsFuzzed), payloadText),
      run: async ([channel, text]: [string, string]) => {
        let payload: unknown;
        try {
          payload = JSON.parse(text);
        } catch {
          payload = text;
        }
        return services.dispatch(channel, payload, inProcessCaller);
      },
      typedErrors: [],
      check: (value) => {
        const result = value as { ok: boolean; error?: { code: string; message: string } };
        if (!result.ok && crashCodes.has(result.error!.code)) throw new ContractBroken(`the host answered ${result.error!.code}: ${result.error!.message}`);
      },
      quickRuns: 150,
    }),
    defineTarget({
      name: 'host.http (URLs and bodies)',
      input: fc.tuple(fc.oneof(fc.constantFrom(...channelsFuzzed), hostileText(['documents:wedgeRead', '%E0%A4%A', 'devices:list'])), hostileJsonText(wedgeSeeds)),
      run: async ([channel, body]: [string, string]) => {
        const path = channel.replace(/[\s#?]/g, (ch) => encodeURIComponent(ch));
        const send = () => fetch(`${host.url}api/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.accessToken.value}` }, body });
        // The client may reuse a kept-alive connection the host closed while other targets ran (idle over its
        // keep-alive timeout): that 'fetch failed' is the client's race, not an answer, so it is sent once more.
        const response = await send().catch((error: unknown) => {
          if (error instanceof TypeError && error.message === 'fetch failed') return send();
          throw error;
        });
        const text = await response.text();
        return { status: response.status, text };
      },
      typedErrors: [],
      check: (value) => {
        const { status, text } = value as { status: number; text: string };
        let envelope: { ok?: unknown; error?: { code?: string } };
        try {
          envelope = JSON.parse(text) as typeof envelope;
        } catch {
          throw new ContractBroken(`HTTP ${status} without a JSON envelope: ${JSON.stringify(text.slice(0, 80))}`);
        }
        if (typeof envelope.ok !== 'boolean') throw new ContractBroken(`HTTP ${status} body is no result envelope`);
        if (status >= 500 && envelope.error?.code !== 'device_unavailable') throw new ContractBroken(`HTTP ${status} (${envelope.error?.code}) for a hostile request`);
      },
      quickRuns: 100,
    }),
    defineTarget({
      name: 'records.responses',
      input: fc.tuple(fc.constantFrom(200, 200, 200, 404, 500, 503), hostileJsonText([travellerAnswer, JSON.stringify({ vehicles: [] })])),
      run: async ([status, body]: [number, string]) => {
        recordsAnswer = { status, body };
        return client.findTravellersByDocument({ documentNumber: 'SPECI2014', nationality: 'NLD' });
      },
      typedErrors: [],
      quickRuns: 100,
    }),
  ];
  return {
    targets,
    async close() {
      await client.stop();
      await new Promise<void>((resolve) => records.close(() => resolve()));
      await host.close();
      await services.stop();
    },
  };
}
