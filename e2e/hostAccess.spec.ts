import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeLaunchFiles } from '../main/launcher/launchFiles';
import { appUrl, e2eHostToken } from './support/hostToken';
import { e2eBaseUrl } from './support/paths';

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
