/**
 * A hostile burst against one channel of a real Node host over loopback HTTP: `npm run bench:hostBurst -- CHANNEL [COUNT]`
 * (default documents:wedgeRead, 2000). Prints the total time and the slowest call; run it before and after a change.
 * documents:wedgeRead is window-only (app/host/channelAccess.ts), so over HTTP the default now measures its refusal at
 * dispatch (403 before any validation); name an HTTP-callable channel (e.g. chip:readAgain) to time a handler's validation.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sequentialIds } from '../../app/ports/Ids';
import { resolveSettings } from '../../app/settings/boothSettings';
import { startNodeHost } from '../host/NodeHost';
import { callHostApi, staticDirForTests } from '../host/testSupport/nodeHostClient';
import { AccountStore } from '../services/accounts';
import { createBoothServices } from '../services/createBoothServices';
import { keyFileStorageKey } from '../services/storageKey';

const channel = process.argv[2] ?? 'documents:wedgeRead';
const count = Number(process.argv[3] ?? 2000);
const dataDir = mkdtempSync(join(tmpdir(), 'booth-burst-'));
const services = createBoothServices({
  resolved: resolveSettings({ devices: 'sim', laneType: 'air' }),
  version: 'bench',
  ids: sequentialIds(),
  storageKey: keyFileStorageKey(dataDir),
  accounts: AccountStore.inUserData(dataDir),
});
await services.start();
const host = await startNodeHost({ services, staticDir: staticDirForTests(), port: 0 });
// Payloads of every shape: the channel's own fields with hostile values, and arbitrary JSON.
const line = fc.oneof(fc.string({ maxLength: 50 }), fc.string({ unit: 'binary', maxLength: 50 }), fc.constantFrom('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'));
const payloads = fc.sample(fc.oneof(fc.record({ lines: fc.array(line, { maxLength: 4 }) }), fc.record({ userId: fc.string({ maxLength: 45 }), password: fc.string({ maxLength: 60 }) }), fc.jsonValue({ maxDepth: 3 })), { numRuns: count, seed: 19 });
const codes = new Map<string, number>();
const timeByCode = new Map<string, number>();
let slowest = 0;
const started = performance.now();
for (const payload of payloads) {
  const at = performance.now();
  const { body } = await callHostApi(host, channel, payload);
  slowest = Math.max(slowest, performance.now() - at);
  const code = body.ok ? 'ok' : (body.error?.code ?? 'no envelope');
  codes.set(code, (codes.get(code) ?? 0) + 1);
  timeByCode.set(code, (timeByCode.get(code) ?? 0) + performance.now() - at);
}
const total = performance.now() - started;
console.log(`${count} hostile payloads to ${channel}: ${(total / 1000).toFixed(2)} s (${(total / count).toFixed(2)} ms each, slowest ${slowest.toFixed(0)} ms); replies ${[...codes].map(([code, n]) => `${code} ${n} (${((timeByCode.get(code) ?? 0) / n).toFixed(2)} ms each)`).join(', ')}`);
await host.close();
await services.stop();
