// The Node host as the end-to-end tests use it: a fresh build, simulated devices, a throwaway data folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSettings } from '../../app/settings/boothSettings';
import { buildAll } from '../../main/launcher/build';
import { startNodeHost } from '../../main/host/NodeHost';
import { createBoothServices } from '../../main/services/createBoothServices';
import { e2ePort, repoRoot } from './paths';

process.env.BOOTH_USER_DATA = mkdtempSync(join(tmpdir(), 'booth-e2e-'));
await buildAll();
const resolved = resolveSettings({ boothId: 'E2E-01', laneType: 'air', officer: 'Officer Test', devices: 'sim' });
const services = createBoothServices({ resolved, version: 'e2e' });
await services.start();
const host = await startNodeHost({ services, staticDir: join(repoRoot, 'dist/renderer'), port: e2ePort });
console.log(`booth e2e host at ${host.url}`);
