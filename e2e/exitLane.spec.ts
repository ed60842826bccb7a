import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { callHost } from './support/hostApi';
import { appUrl } from './support/hostToken';
import { countRows } from './support/indexedDbRows';
import { datasetsDir, exitLaneUrl, screenshotsDir } from './support/paths';
import { signIn } from './support/signIn';

/**
 * The exit lane end to end: the booth fetches the lane's gallery and enrols it in the real vision worker; a scripted
 * car leaves with four occupants (an overstayer, one who never entered, a U.S. citizen, one on time) whose faces are
 * searched 1:N; one key confirms; only the non-citizens' departures go to the outbox; the citizen's photo is purged
 * 12 hours later on the page's injected clock.
 */
const haveData = existsSync(path.join(datasetsDir, 'faces-lfw', 'images'));

async function openExitLane(page: Page) {
  await page.clock.install();
  await page.goto(appUrl(exitLaneUrl));
  await signIn(page);
  await expect(page.getByTestId('exit-gallery')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
}

test.describe('exit lane', () => {
  test.skip(!haveData, 'needs BOOTH_DATASETS/faces-lfw');
  test.describe.configure({ timeout: 300_000 });

  test('four occupants leave: each outcome shown, one key confirms, only non-citizens get departure records, the citizen photo is gone after 12 hours', async ({ page, request }) => {
    await openExitLane(page);
    await expect(page.getByTestId('exit-gallery')).toHaveAttribute('data-size', '6');
    await expect(page.getByTestId('exit-gallery-summary')).toContainText('6 travellers expected');

    const departure = await callHost(request, 'sim:exitArrives', {}, exitLaneUrl);
    expect(departure.status).toBe(200);
    const cards = page.getByTestId('exit-occupant-card');
    await expect(cards).toHaveCount(4, { timeout: 150_000 });
    const card = (status: string) => page.locator(`[data-testid=exit-occupant-card][data-status=${status}]`);
    await expect(card('overstay')).toHaveCount(1, { timeout: 150_000 });
    await expect(card('overstay').getByTestId('exit-outcome')).toContainText(/Overstay \d+ days \(admitted until 2026-08-29\)/);
    await expect(card('overstay').getByTestId('exit-candidate-name')).toContainText('BRANDT');
    await expect(card('overstay').getByTestId('exit-candidate-score')).toContainText(/false-positive identification rate (below )?1 in [\d,]+/);
    await expect(card('citizen')).toHaveCount(1);
    await expect(card('citizen').getByTestId('exit-candidate-name')).toContainText('WALKER');
    await expect(card('departure_confirmed')).toHaveCount(1);
    await expect(card('departure_confirmed').getByTestId('exit-candidate-name')).toContainText('HOLLOWAY');
    await expect(card('not_identified')).toHaveCount(1);
    await expect(card('not_identified').getByTestId('exit-outcome')).toContainText('Photograph or inspect');
    await page.screenshot({ path: `${screenshotsDir}/exit-lane.png`, fullPage: true });

    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Recorded: 2 departures, 1 U.S. citizen confirmed without a record');
    await expect(card('overstay').getByTestId('exit-occupant-state')).toHaveText('Departure recorded');
    await expect(card('citizen').getByTestId('exit-occupant-state')).toHaveText('Confirmed, nothing sent');
    await expect(card('not_identified').getByTestId('exit-occupant-state')).toContainText('photograph, inspect or refer');
    // Exactly the two non-citizens' departures are on the outbox; the citizen's photo is kept, for now.
    expect(await countRows(page, 'outbox')).toBe(2);
    expect(await countRows(page, 'retainedBiometrics')).toBe(1);

    // Twelve hours later (the page's clock), the citizen's photo has been purged.
    await page.clock.fastForward('12:00:01');
    await expect.poll(() => countRows(page, 'retainedBiometrics'), { timeout: 30_000 }).toBe(0);
  });
});
