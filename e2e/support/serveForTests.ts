// The Node host as the end-to-end tests use it: a fresh test build (the booth and its harness pages), simulated devices, a throwaway data folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveSettings } from '../../app/settings/boothSettings';
import { buildAll } from '../../main/launcher/build';
import { rendererBuildDir } from '../../main/launcher/rendererBuild';
import { HostAccessToken } from '../../main/host/HostAccessToken';
import { startNodeHost } from '../../main/host/NodeHost';
import { createBoothServices } from '../../main/services/createBoothServices';
import { e2eHostToken } from './hostToken';
import { SimulatedRecordsService } from '../../native-bridges/records-service/SimulatedRecordsService.node.ts';
import { e2ePort, exitLanePort, exitLaneRecordsUrlFile, liveCamerasLanePort, pedestrianExitLanePort, pedestrianExitLaneRecordsUrlFile, repoRoot, vehicleLanePort } from './paths';

process.env.BOOTH_USER_DATA = mkdtempSync(join(tmpdir(), 'booth-e2e-'));
await buildAll('test');

/** One host per lane the tests drive: an air-lane booth and a vehicle-lane booth, each with its own simulators. */
async function serveLane(settings: Record<string, unknown>, port: number) {
  const services = createBoothServices({ resolved: resolveSettings({ devices: 'sim', ...settings }), version: 'e2e', scenariosDir: join(repoRoot, 'assets/scenarios') });
  await services.start();
  const host = await startNodeHost({ services, staticDir: join(repoRoot, rendererBuildDir.test), port, accessToken: HostAccessToken.from(e2eHostToken) });
  console.log(`booth e2e host (${String(settings.laneType)} lane) at ${host.url}`);
  return services;
}
await serveLane({ boothId: 'E2E-01', laneType: 'air' }, e2ePort);
await serveLane({ boothId: 'E2E-V1', laneType: 'vehicle' }, vehicleLanePort);
await serveLane({ boothId: 'E2E-V2', laneType: 'vehicle' }, liveCamerasLanePort);
// The exit lanes' records services are the HTTP simulator on loopback, reached through the HTTP records client: the
// tests ask them (GET /v1/departures) what they received.
function writeRecordsUrl(services: Awaited<ReturnType<typeof serveLane>>, file: string) {
  if (!(services.devices.records instanceof SimulatedRecordsService)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, services.devices.records.url);
}
writeRecordsUrl(await serveLane({ boothId: 'E2E-X1', laneType: 'vehicle', direction: 'exit' }, exitLanePort), exitLaneRecordsUrlFile);
writeRecordsUrl(await serveLane({ boothId: 'E2E-X2', laneType: 'pedestrian', direction: 'exit' }, pedestrianExitLanePort), pedestrianExitLaneRecordsUrlFile);
