import { expect, test, type Page } from '@playwright/test';
import { liveCamerasLaneUrl } from './support/paths';
import { signIn } from './support/signIn';
import { appUrl } from './support/hostToken';

/**
 * Several camera streams in a vehicle lane: with no simulated scene, each configured camera (driver side,
 * rear seats left and right) opens its own getUserMedia stream (here Chromium's fake device, shared) and its panel shows the
 * moving picture that the capture loop also sends to the vision worker.
 */
async function canvasSample(page: Page, cameraId: string): Promise<{ width: number; height: number; sum: number }> {
  return page.getByTestId(`camera-${cameraId}`).locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    const data = context && canvas.width > 0 ? context.getImageData(0, 0, canvas.width, canvas.height).data : new Uint8ClampedArray();
    let sum = 0;
    for (let i = 0; i < data.length; i += 97) sum += data[i] ?? 0;
    return { width: canvas.width, height: canvas.height, sum };
  });
}

test('each vehicle camera opens its own stream and shows moving video', async ({ page }) => {
  await page.goto(appUrl(liveCamerasLaneUrl));
  await signIn(page);
  for (const cameraId of ['cam-driver', 'cam-rear-left', 'cam-rear-right']) {
    await expect.poll(async () => (await canvasSample(page, cameraId)).width, { timeout: 60_000 }).toBeGreaterThan(0);
    const first = await canvasSample(page, cameraId);
    await expect.poll(async () => (await canvasSample(page, cameraId)).sum, { timeout: 30_000 }).not.toBe(first.sum);
    await expect(page.getByTestId(`camera-${cameraId}-message`)).toHaveCount(0);
  }
  expect(await page.evaluate(() => navigator.mediaDevices.enumerateDevices().then((d) => d.filter((x) => x.kind === 'videoinput').length))).toBeGreaterThan(0);
});
