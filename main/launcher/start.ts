// `npm start`: the booth on simulated devices by default. Electron where its binary exists; otherwise the
// Node host with Chromium in app mode, or the URL to open when there is no display.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNodeHost } from '../host/NodeHost';
import { appVersion } from '../services/appVersion';
import { applyCommandLine, parseCommandLine, scenarioAtStart, type CommandLineOptions } from '../services/commandLine';
import { createBoothServices } from '../services/createBoothServices';
import { NoValidPolicyError } from '../services/policyFiles';
import { loadSettingsFile } from '../services/settingsFile';
import { userDataDir } from '../services/userDataDir';
import { builtInScenariosFolder } from '../services/trainingScenarioFiles';
import { policyFolderBelowRoot } from '../../native-bridges/policy/policyFolder.node.ts';
import { browserAppArgs } from './browserAppArgs';
import { buildAll } from './build';
import { isOutputStale } from './buildFreshness';
import { writeLaunchFiles } from './launchFiles';
import { chooseLaunchPlan, findElectronBinary } from './launchPlan';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);

let options: CommandLineOptions;
try {
  options = parseCommandLine(args);
} catch (error) {
  console.error(`booth: ${(error as Error).message}\nUsage: npm start -- [--devices=sim|hardware] [--lane=air|sea|pedestrian|vehicle] [--direction=entry|exit] [--scenario=NAME|FILE] [--port=N] [--no-open]`);
  process.exit(2);
}

const dataDir = userDataDir();
const scenariosDir = join(root, builtInScenariosFolder);
const { resolved, scenario: trainingScenario } = scenarioAtStart(applyCommandLine(loadSettingsFile(dataDir), options), options, scenariosDir);
for (const problem of resolved.problems) console.warn(`booth: settings: ${problem}`);

const outputs = [join(root, 'dist/renderer/index.html'), join(root, 'dist/main/electron-main.cjs'), join(root, 'dist/main/preload.cjs')];
if (isOutputStale(outputs, ['app', 'renderer', 'main/electron', 'main/services', 'assets'].map((folder) => join(root, folder)))) {
  console.log('booth: building the app...');
  await buildAll();
}

const plan = chooseLaunchPlan({ platform: process.platform, env: process.env, electronPath: findElectronBinary(), fileExists: existsSync, noOpen: options.noOpen });

if (plan.kind === 'electron') {
  const electron = spawn(plan.electronPath, [join(root, 'dist/main/electron-main.cjs'), ...args], { stdio: 'inherit' });
  electron.on('exit', (code) => process.exit(code ?? 0));
} else {
  let services;
  try {
    services = createBoothServices({ resolved, version: appVersion, scenariosDir, policyDir: join(root, policyFolderBelowRoot), ...(trainingScenario ? { trainingScenario } : {}) });
  } catch (error) {
    // No valid policy set (the files refused and none kept): the booth cannot decide anything, and says why.
    if (!(error instanceof NoValidPolicyError)) throw error;
    console.error(`booth: ${error.message}`);
    process.exit(1);
  }
  await services.start();
  const host = await startNodeHost({ services, staticDir: join(root, 'dist/renderer'), port: resolved.settings.port }).catch((error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `booth: port ${resolved.settings.port} is in use; choose another with --port=N` : `booth: ${error.message}`);
    process.exit(1);
  });
  console.log(`booth: running on ${resolved.settings.devices === 'sim' ? 'simulated' : 'hardware'} devices at ${host.url} (Electron not installed: Node host)`);
  if (trainingScenario) console.log(`booth: playing training scenario "${trainingScenario.name}" (${trainingScenario.steps.length} steps, ${trainingScenario.laneType} lane)`);
  // The token never goes to the console or to the browser's command line (readable by every local user).
  const launch = writeLaunchFiles(dataDir, { appUrl: host.appUrl(), token: host.accessToken.value });

  const shutDown = async () => {
    launch.remove();
    await host.close();
    await services.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutDown);
  process.on('SIGTERM', shutDown);

  if (plan.kind === 'browser-app') {
    const args = browserAppArgs(launch.launchPageUrl, join(dataDir, 'browser-profile'), resolved.settings.devices, {
      fakeCameraClip: process.env.BOOTH_FAKE_CAMERA_CLIP,
      runningAsRoot: process.getuid?.() === 0,
    });
    const browser = spawn(plan.browserPath, args, { stdio: 'ignore' });
    browser.on('exit', (code) => {
      console.log(`booth: the window was closed${code ? ` (browser exit code ${code})` : ''}; stopping.`);
      void shutDown();
    });
    console.log('booth: opened in app mode; close the window or press Ctrl+C to stop.');
  } else {
    console.log(`booth: open ${launch.launchPageUrl} in Chromium, Chrome or Edge (${plan.reason}); it forwards to ${host.url} with this launch's access token. Ctrl+C stops.`);
    console.log(`booth: tools calling ${host.url}api/<channel> send "Authorization: Bearer <token>", the token being in ${launch.tokenFile} (owner-only, new at each start).`);
  }
}
