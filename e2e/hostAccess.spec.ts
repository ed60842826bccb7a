import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { resolveSettings } from '../app/settings/boothSettings';
import { startNodeHost, type RunningNodeHost } from '../main/host/NodeHost';
import { writeLaunchFiles } from '../main/launcher/launchFiles';
import { AccountStore } from '../main/services/accounts';
import { createBoothServices, type BoothServices } from '../main/services/createBoothServices';
import { rendererBuildDir } from '../main/launcher/rendererBuild';
import { keyFileStorageKey } from '../main/services/storageKey';
import { appUrl, e2eHostToken } from './support/hostToken';
import { e2eBaseUrl, repoRoot, screenshotsDir } from './support/paths';

/**
 * The Node host's per-launch access token as the booth window meets it: the launcher's launch page hands it over in
 * the URL fragment, the app hides it from the address bar and keeps it for reloads; a page without it gets nothing.
 */
test('the launch page opens the booth with the access token, which leaves the address bar and survives a reload', async ({ page }) => {
  const launch = writeLaunchFiles(mkdtempSync(join(tmpdir(), 'booth-e2e-launch-')), { appUrl: appUrl(e2eBaseUrl), token: e2eHostToken });
  try {
    await page.goto(launch.launchPageUrl);
    await page.waitForURL(`${e2eBaseUrl}**`);
    await expect(page.getByTestId('network-state')).toHaveText(/Online/);
    await expect(page.getByTestId('booth-id')).toHaveText('E2E-01');
    expect(page.url()).toBe(e2eBaseUrl);

    await page.reload();
    await expect(page.getByTestId('network-state')).toHaveText(/Online/);
    await expect(page.getByTestId('booth-id')).toHaveText('E2E-01');
  } finally {
    launch.remove();
  }
});

test('a page opened without the token cannot reach the host, over WebSocket or HTTP', async ({ page }) => {
  await page.goto(e2eBaseUrl);
  await expect(page.getByTestId('network-state')).not.toHaveText(/Online/);
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId('network-state')).not.toHaveText(/Online/);
  await expect(page.getByTestId('booth-id')).toHaveText('…');
  // Not a generic "Offline": the window is told it was not opened through the launch page.
  await expect(page.getByTestId('network-state')).toHaveText('Host refused this window');
  await expect(page.getByTestId('host-access-refused')).toContainText("This window was not opened from the booth's launch page");

  const outcomes = await page.evaluate(async (rightToken) => {
    const open = (protocols?: string[]) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(new URL('host', location.href).toString().replace('http', 'ws'), protocols);
        socket.onopen = () => {
          socket.close();
          resolve('open');
        };
        socket.onclose = () => resolve('refused');
      });
    const api = await fetch('/api/storage:getKey', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return {
      noToken: await open(),
      wrongToken: await open(['booth.v1', `booth.token.${'A'.repeat(43)}`]),
      rightToken: await open(['booth.v1', `booth.token.${rightToken}`]),
      api: { status: api.status, body: (await api.json()) as unknown },
    };
  }, e2eHostToken);
  expect(outcomes).toEqual({
    noToken: 'refused',
    wrongToken: 'refused',
    rightToken: 'open',
    api: { status: 401, body: { ok: false, error: { code: 'unauthorized', message: expect.stringContaining('no access token') } } },
  });
});

/** A booth host of its own, in this test's process, on the e2e build: one the test can stop and start again. */
async function startOwnHost(port: number): Promise<{ host: RunningNodeHost; services: BoothServices }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'booth-e2e-restart-'));
  const services = createBoothServices({
    resolved: resolveSettings({ devices: 'sim', boothId: 'E2E-R1', laneType: 'air' }),
    version: 'e2e',
    storageKey: keyFileStorageKey(dataDir),
    accounts: AccountStore.inUserData(dataDir),
  });
  await services.start();
  const host = await startNodeHost({ services, staticDir: join(repoRoot, rendererBuildDir.test), port });
  return { host, services };
}

test('after the booth host restarts, the open window says it belongs to the earlier start and what to do, instead of "Offline" forever', async ({ page, context }) => {
  const first = await startOwnHost(0);
  const port = first.host.port;
  let second: { host: RunningNodeHost; services: BoothServices } | undefined;
  let firstStopped = false;
  try {
    await page.goto(first.host.appUrl());
    await expect(page.getByTestId('network-state')).toHaveText(/Online/);
    await expect(page.getByTestId('booth-id')).toHaveText('E2E-R1');

    await first.host.close();
    await first.services.stop();
    firstStopped = true;
    await expect(page.getByTestId('network-state')).toHaveText('Offline');
    await expect(page.getByTestId('host-access-refused')).toHaveCount(0);

    // The new start has a new token; this window still holds the old one.
    second = await startOwnHost(port);
    expect(second.host.accessToken.value).not.toBe(first.host.accessToken.value);
    await expect(page.getByTestId('network-state')).toHaveText('Host restarted: window out of date', { timeout: 15_000 });
    const banner = page.getByTestId('host-access-refused');
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText('This window belongs to an earlier start of the booth host.');
    await expect(banner).toContainText('Use the booth window the new start opened');
    await expect(banner).toContainText('open-booth.html');
    await page.screenshot({ path: join(screenshotsDir, 'host-restarted.png') });
    // A reload keeps the tab's (old) token: still refused, still told why, never let in.
    await page.reload();
    await expect(page.getByTestId('host-access-refused')).toContainText('This window belongs to an earlier start of the booth host.');
    await expect(page.getByTestId('booth-id')).toHaveText('…');

    // The window the new start opens (its URL carries the new token) works.
    const newWindow = await context.newPage();
    await newWindow.goto(second.host.appUrl());
    await expect(newWindow.getByTestId('network-state')).toHaveText(/Online/);
    await expect(newWindow.getByTestId('booth-id')).toHaveText('E2E-R1');
    await expect(newWindow.getByTestId('host-access-refused')).toHaveCount(0);
  } finally {
    if (!firstStopped) {
      await first.host.close();
      await first.services.stop();
    }
    if (second) {
      await second.host.close();
      await second.services.stop();
    }
  }
});
