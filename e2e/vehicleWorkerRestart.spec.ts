import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { appUrl } from './support/hostToken';
import { callHost } from './support/hostApi';
import { datasetsDir, vehicleLaneUrl } from './support/paths';
import { signIn } from './support/signIn';
import { killVisionWorker, overlayTrackLabels } from './support/visionWorker';

/**
 * The entry vehicle lane's vision worker dies with a car at the window: the page restarts it, the new worker tracks the
 * driver under a new track id, and that track continues the driver's card (renderer/state/trackGenerations.ts): one
 * person is never two cards, and the match already made stands.
 */
const haveData = existsSync(path.join(datasetsDir, 'faces-lfw', 'images'));

test.describe('vehicle lane: the vision worker restarted', () => {
  test.skip(!haveData, 'needs BOOTH_DATASETS/faces-lfw');
  test.describe.configure({ timeout: 300_000 });

  test('a driver parked at the window keeps one card through a worker restart, still matched', async ({ page, request }) => {
    await page.goto(appUrl(vehicleLaneUrl));
    await signIn(page);
    await expect(page.getByTestId('lane-shortcuts')).toContainText('Refer whole vehicle');
    expect((await callHost(request, 'sim:vehicleArrives', { vehicle: 0, occupants: [{ traveller: 1, seat: 'driver' }] }, vehicleLaneUrl)).status).toBe(200);
    const cards = page.getByTestId('occupant-card');
    const matched = page.locator('[data-testid=occupant-card][data-status=matched]');
    await expect(matched).toHaveCount(1, { timeout: 150_000 });
    // The car's other papers (no one aboard shows their face) have cards of their own: the driver's face is one card among them.
    const onScreen = await cards.count();

    const before = await overlayTrackLabels(page);
    await killVisionWorker(page);
    // The new worker tracks the driver under an id of its own (the overlay shows it) ...
    await expect.poll(async () => (await overlayTrackLabels(page)).some((label) => !before.includes(label)), { timeout: 180_000 }).toBe(true);
    // ... embedded within a few frames; watched for 15 s, no card is added and the match stands.
    const counts: number[] = [];
    for (let sample = 0; sample < 30; sample++) {
      counts.push(await cards.count());
      await page.waitForTimeout(500);
    }
    expect(Math.max(...counts)).toBe(onScreen);
    await expect(matched).toHaveCount(1);
  });
});
