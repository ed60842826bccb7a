import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { exitCard, openExitLane } from './support/exitLanes';
import { callHost } from './support/hostApi';
import { datasetsDir, exitLaneUrl } from './support/paths';
import { killVisionWorker, overlayTrackLabels } from './support/visionWorker';

/**
 * The vision worker dies (an uncaught error in it, as an out-of-memory or a broken model would) in an exit lane whose
 * gallery is enrolled: the page restarts it, the header says so meanwhile, and the gallery is enrolled in the new
 * worker again (from the templates kept sealed at rest), so the next departures are identified as before, never
 * searched against an empty gallery.
 */
const haveData = existsSync(path.join(datasetsDir, 'faces-lfw', 'images'));

test.describe('exit lane: the vision worker restarted', () => {
  test.skip(!haveData, 'needs BOOTH_DATASETS/faces-lfw');
  test.describe.configure({ timeout: 300_000 });

  test('a killed worker is restarted and the exit gallery re-enrolled: departures are still identified, the header said what happened', async ({ page, request }) => {
    await openExitLane(page, exitLaneUrl);
    const header = page.getByTestId('exit-gallery');
    const enrolled = await header.getAttribute('data-enrolled');
    expect(Number(enrolled)).toBeGreaterThan(0);

    // Killed before anyone leaves: restarted, re-enrolled, then Brandt's face is searched in the new worker.
    const statuses: string[] = [];
    await page.exposeFunction('recordVisionStatus', (status: string) => void statuses.push(status));
    await page.evaluate(() => {
      const target = document.querySelector('[data-testid=exit-gallery]');
      if (!target) return;
      const report = (globalThis as unknown as { recordVisionStatus: (s: string) => void }).recordVisionStatus;
      new MutationObserver(() => report(`${target.getAttribute('data-vision') ?? ''} ${target.querySelector('[data-testid=exit-vision-status]')?.textContent ?? ''}`)).observe(target, { attributes: true, subtree: true, childList: true, characterData: true });
    });
    const replacement = await killVisionWorker(page);
    expect(replacement.url()).toContain('vision.worker');
    await expect(header).toHaveAttribute('data-vision', 'ready', { timeout: 120_000 });
    await expect(header).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
    await expect(header).toHaveAttribute('data-enrolled', enrolled ?? '');
    expect(statuses.some((s) => s.startsWith('restarting') && s.includes('The face matcher stopped') && s.includes('the gallery is enrolled again once it is back'))).toBe(true);

    expect((await callHost(request, 'sim:exitArrives', { occupants: [1] }, exitLaneUrl)).status).toBe(200);
    await expect(exitCard(page, 'overstay').getByTestId('exit-candidate-name')).toContainText('BRANDT', { timeout: 150_000 });
    await expect(page.getByTestId('exit-gallery-problem')).toHaveCount(0);

    // Killed again with Brandt still parked in front of the camera: the new worker tracks him under a new track id, and
    // that track continues his card (still one card, still identified), never a second card beside it.
    const cards = page.getByTestId('exit-occupant-card');
    await expect(cards).toHaveCount(1);
    const before = await overlayTrackLabels(page);
    await killVisionWorker(page);
    await expect(header).toHaveAttribute('data-vision', 'ready', { timeout: 120_000 });
    await expect.poll(async () => (await overlayTrackLabels(page)).some((label) => !before.includes(label)), { timeout: 120_000 }).toBe(true);
    // The new track is embedded within a few frames of being tracked; watched for 15 s, the cards never double.
    const counts: number[] = [];
    for (let sample = 0; sample < 30; sample++) {
      counts.push(await cards.count());
      await page.waitForTimeout(500);
    }
    expect(Math.max(...counts)).toBe(1);
    await expect(exitCard(page, 'overstay').getByTestId('exit-candidate-name')).toContainText('BRANDT');

    // The next car's occupant is identified by the new worker too.
    expect((await callHost(request, 'sim:exitArrives', { occupants: [0], vehicle: 1 }, exitLaneUrl)).status).toBe(200);
    await expect(exitCard(page, 'departure_confirmed').getByTestId('exit-candidate-name')).toContainText('HOLLOWAY', { timeout: 150_000 });
    await expect(page.getByTestId('exit-occupant-card')).toHaveCount(1);
    await expect(page.getByTestId('exit-gallery-problem')).toHaveCount(0);
    await expect(page.locator('[data-testid=exit-occupant-card][data-status=not_identified]')).toHaveCount(0);
  });
});
