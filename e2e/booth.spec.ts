import { expect, test, type Page } from '@playwright/test';
import { callHost } from './support/hostApi';
import { screenshotsDir } from './support/paths';
import { signIn } from './support/signIn';
import { appUrl } from './support/hostToken';

const deviceKinds = ['camera', 'documentReader', 'chipReader', 'plateReader', 'rfidReader', 'recordsService'];

async function openBooth(page: Page) {
  await page.goto(appUrl());
  await expect(page.getByTestId('network-state')).toHaveText(/Online/);
  await expect(page.getByTestId('booth-id')).toHaveText('E2E-01');
  await signIn(page);
}

/** Copies the current video frame to a canvas and returns a cheap fingerprint of its pixels. */
async function frameFingerprint(page: Page): Promise<number[]> {
  return page.getByTestId('camera-video').evaluate((video: HTMLVideoElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    return Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data.filter((_, index) => index % 4 !== 3));
  });
}

test.afterEach(async ({ request }) => {
  // Leave every simulated device plugged in, and passports genuine, for the next test.
  for (const kind of deviceKinds) await callHost(request, 'sim:setDeviceConnected', { kind, connected: true });
  await callHost(request, 'sim:setChipFaults', {});
});

test('the booth screen loads with booth, lane, officer, network and every device light', async ({ page }) => {
  await openBooth(page);
  await expect(page.getByTestId('lane-type')).toHaveText('Air lane');
  await expect(page.getByTestId('officer')).toHaveText('Practice Officer (officer)');
  for (const kind of deviceKinds) await expect(page.getByTestId(`device-${kind}`)).toHaveAttribute('data-state', 'connected');
  await expect(page.getByRole('contentinfo', { name: 'Keyboard shortcuts' })).toContainText('Read document');
  await expect(page.getByTestId('traveller-card')).toContainText('Waiting for a document');
});

test('the camera preview shows moving frames from the camera', async ({ page }) => {
  await openBooth(page);
  const video = page.getByTestId('camera-video');
  await expect(video).toHaveJSProperty('readyState', 4, { timeout: 15_000 });
  await expect(page.getByTestId('camera-cam-traveller')).toHaveAttribute('data-camera-phase', 'live');
  // New frames keep being presented to the element...
  const presented = await video.evaluate(
    (element: HTMLVideoElement) =>
      new Promise<number>((resolve) => {
        let first = -1;
        const started = performance.now();
        const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
          if (first < 0) first = metadata.presentedFrames;
          if (performance.now() - started > 1000) resolve(metadata.presentedFrames - first);
          else element.requestVideoFrameCallback(onFrame);
        };
        element.requestVideoFrameCallback(onFrame);
      }),
  );
  expect(presented).toBeGreaterThanOrEqual(5);
  // ...and they are different pictures, not one still image repeated.
  const first = await frameFingerprint(page);
  await page.waitForTimeout(700);
  const second = await frameFingerprint(page);
  const meanDifference = first.reduce((sum, value, index) => sum + Math.abs(value - second[index]!), 0) / first.length;
  expect(first.some((value) => value > 0)).toBe(true);
  expect(meanDifference).toBeGreaterThan(0.5);
});

test('a simulated document read fills the traveller card, from the host and from the D key', async ({ page, request }) => {
  await openBooth(page);
  // Read traveller 0 from outside the page (a trainer's console): the card fills from the pushed event.
  expect((await callHost(request, 'sim:readDocument', { traveller: 0 })).status).toBe(200);
  const card = page.getByTestId('traveller-card');
  await expect(page.getByTestId('traveller-name')).toHaveText('ERIKSSON, ANNA MARIA');
  await expect(page.getByTestId('field-documentNumber')).toHaveText('L898902C3');
  await expect(page.getByTestId('mrz-verdict')).toContainText('MRZ valid');
  await expect(page.getByTestId('document-photo')).toBeVisible();

  // The officer's key reads the next traveller in the script.
  await page.keyboard.press('d');
  await expect(page.getByTestId('traveller-name')).toHaveText('JOHNSON, MICHAEL JAMES');
  await expect(page.getByTestId('field-nationality')).toHaveText('USA');
  await page.keyboard.press('m');
  await expect(page.getByTestId('raw-mrz')).toContainText('P<USAJOHNSON<<MICHAEL<JAMES');
  await expect(page.getByTestId('traveller-age')).toHaveText(/^Age \d+$/);
  await page.screenshot({ path: `${screenshotsDir}/booth-screen.png`, fullPage: true });

  // The last scripted traveller's passport has expired: the card says so, as a referral reason.
  await callHost(request, 'sim:readDocument', { traveller: 4 });
  await expect(page.getByTestId('traveller-name')).toHaveText('MARTIN, SARAH');
  await expect(page.getByTestId('document-findings').locator('[data-code="documentExpired"]')).toContainText('expired on 2025-01-01');
  await page.keyboard.press('Escape');
  await expect(card).toContainText('Waiting for a document');
});

test('the chip badge lists every chip check, and shows a cloned chip as failed', async ({ page, request }) => {
  await openBooth(page);
  await callHost(request, 'sim:readDocument', { traveller: 2 });
  const badge = page.getByTestId('chip-badge');
  await expect(badge).toHaveAttribute('data-verdict', 'verified', { timeout: 15_000 });
  for (const check of ['access_control', 'sod_signature', 'dg_hash', 'csca_chain', 'active_authentication', 'chip_authentication', 'dg1_vs_mrz']) {
    await expect(badge.locator(`[data-check="${check}"]`).first()).toHaveAttribute('data-status', 'passed');
  }
  await expect(badge.locator('[data-check="crl"]')).toHaveAttribute('data-status', 'not_possible');
  await expect(page.getByTestId('chip-photo')).toBeVisible();
  await page.screenshot({ path: `${screenshotsDir}/chip-verified.png`, fullPage: true });

  // A trainer hands over a cloned passport: the anti-cloning checks fail, with the reason.
  await callHost(request, 'sim:setChipFaults', { clone: true });
  await page.keyboard.press('d');
  await expect(badge).toHaveAttribute('data-verdict', 'failed', { timeout: 15_000 });
  await expect(badge.locator('[data-check="active_authentication"]')).toHaveAttribute('data-status', 'failed');
  await expect(badge.locator('[data-check="chip_authentication"]')).toHaveAttribute('data-status', 'failed');
  await expect(badge).toContainText('Chip check FAILED');

  // The chip reader unplugged: re-reading says why the chip cannot be read.
  await callHost(request, 'sim:setDeviceConnected', { kind: 'chipReader', connected: false });
  await page.keyboard.press('h');
  await expect(badge).toHaveAttribute('data-verdict', 'unread');
  await expect(badge).toContainText('the chip reader is disconnected');
});

test('a device disconnect shows within a second and clears when it returns', async ({ page, request }) => {
  await openBooth(page);
  const light = page.getByTestId('device-documentReader');
  await expect(light).toHaveAttribute('data-state', 'connected');

  await callHost(request, 'sim:setDeviceConnected', { kind: 'documentReader', connected: false });
  await expect(light).toHaveAttribute('data-state', 'disconnected', { timeout: 1_000 });
  await expect(page.getByTestId('notice')).toContainText('Document reader disconnected');
  await page.keyboard.press('d');
  await expect(page.getByTestId('notice')).toContainText('The document reader is disconnected');

  await callHost(request, 'sim:setDeviceConnected', { kind: 'documentReader', connected: true });
  await expect(light).toHaveAttribute('data-state', 'connected', { timeout: 1_000 });
  await page.keyboard.press('d');
  await expect(page.getByTestId('notice')).toHaveText('Document read');

  // The trainer's keyboard control does the same from the booth itself; the host refuses it to an officer.
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('notice')).toContainText('sim:setDeviceConnected is for a signed-in trainer; this connection is signed in as officer');
  await expect(page.getByTestId('device-chipReader')).toHaveAttribute('data-state', 'connected');
  await page.keyboard.press('Alt+KeyO');
  await signIn(page, 'trainer');
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('device-chipReader')).toHaveAttribute('data-state', 'disconnected', { timeout: 1_000 });
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('device-chipReader')).toHaveAttribute('data-state', 'connected', { timeout: 1_000 });
});

test('a malformed payload gets a schema error naming the field, and the host keeps serving', async ({ page, request }) => {
  await openBooth(page);
  const replies = await page.evaluate(async () => {
    // The page keeps the host's access token for its reloads; this socket offers it the way the app's transport does.
    const socket = new WebSocket(new URL('host', location.href).toString().replace('http', 'ws'), ['booth.v1', `booth.token.${sessionStorage.getItem('booth.hostAccessToken')}`]);
    const received: unknown[] = [];
    socket.onmessage = (message) => received.push(JSON.parse(message.data as string));
    await new Promise((resolve) => (socket.onopen = resolve));
    socket.send(JSON.stringify({ kind: 'call', id: 1, channel: 'sim:setDeviceConnected', payload: { kind: 'documentReader', connected: 'unplug' } }));
    socket.send('{"kind":"call",');
    socket.send(JSON.stringify({ kind: 'call', id: 2, channel: 'devices:list', payload: {} }));
    for (let waited = 0; waited < 5000 && received.filter((frame) => (frame as { kind: string }).kind === 'reply').length < 3; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    socket.close();
    return received.filter((frame) => (frame as { kind: string }).kind === 'reply') as { id: number | null; result: { ok: boolean; error?: { code: string; message: string } } }[];
  });
  const byId = (id: number | null) => replies.find((reply) => reply.id === id)!;
  expect(byId(1).result.error).toEqual({ code: 'invalid_request', message: expect.stringMatching(/^Invalid request for sim:setDeviceConnected: connected: /) });
  expect(byId(null).result.error?.message).toBe('The frame is not valid JSON.');
  expect(byId(2).result.ok).toBe(true);

  const overHttp = await callHost(request, 'sim:readDocument', { traveller: 'first' });
  expect(overHttp.status).toBe(400);
  expect(overHttp.body.error?.message).toMatch(/traveller/);

  // Still serving: the booth works as before.
  await page.keyboard.press('d');
  await expect(page.getByTestId('traveller-name')).not.toBeEmpty();
  await expect(page.getByTestId('device-documentReader')).toHaveAttribute('data-state', 'connected');
});
