import { defineConfig } from '@playwright/test';
import { e2eHostToken } from './e2e/support/hostToken';
import { chromiumBaseArgs, chromiumPath, e2eBaseUrl, e2eFaceIndex, fakeCameraArgs } from './e2e/support/paths';

/**
 * End-to-end tests: Debian's Chromium (Playwright cannot download browsers here) against the Node host on
 * simulated devices, with a fake camera clip made by ffmpeg in globalSetup. One worker: the tests share one
 * host and its simulated devices, and the machine has two cores.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './dist/e2e/results',
  globalSetup: './e2e/globalSetup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: e2eBaseUrl,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: chromiumPath, args: [...chromiumBaseArgs, ...fakeCameraArgs] },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx e2e/support/serveForTests.ts',
    url: `${e2eBaseUrl}index.html`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    // The hosts' access token (also inherited by the workers, which read it from the same variable).
    // The face index the training scenarios pick look-alikes from (made by globalSetup; read when a run starts).
    env: { BOOTH_E2E_HOST_TOKEN: e2eHostToken, BOOTH_FACE_INDEX: e2eFaceIndex },
  },
});
