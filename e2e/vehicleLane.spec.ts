import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { callHost } from './support/hostApi';
import { datasetsDir, screenshotsDir, vehicleLaneUrl } from './support/paths';
import { signIn } from './support/signIn';
import { countRows } from './support/indexedDbRows';
import { appUrl } from './support/hostToken';

/**
 * The vehicle lane end to end: a simulated car with three occupants arrives (plate camera, UHF cards,
 * documents and chips at the window, the occupants' faces on the driver-side and rear cameras); the real
 * vision worker finds and matches the faces; one occupant carries someone else's papers. The officer sees
 * it on one screen and refers the vehicle with the keyboard; the decision is recorded.
 */
const lfw = path.join(datasetsDir, 'faces-lfw', 'images');
const haveData = existsSync(lfw);
if (!haveData) console.warn(`vehicle lane e2e: faces-lfw not found under ${datasetsDir} (set BOOTH_DATASETS); skipped`);

/** The identity's `index`-th photo (LFW numbers are not contiguous in this subset). */
const photo = (identity: string, index: number) => {
  const file = readdirSync(path.join(lfw, identity)).sort()[index];
  if (!file) throw new Error(`faces-lfw has no photo ${index} of ${identity}`);
  return { mediaType: 'image/jpeg', base64: readFileSync(path.join(lfw, identity, file)).toString('base64') };
};
/**
 * A scripted traveller played by an LFW identity: one photo on the document, one in the gallery, one on camera.
 * Colin Powell's third photo is turned away (never compared live, as the quality gate demands): his fifth plays him.
 */
const occupant = (traveller: number, identity: string, face = photo(identity, 2)) => ({ traveller, documentPhoto: photo(identity, 0), gallery: [photo(identity, 1)], face });

/** The family car: Michael (driver), Anna, and "Sarah", whose papers are carried by someone else. */
const familyCarWithImpostor = () => ({
  vehicle: 0,
  // Sarah's impostor sits in the middle of the second row: the left rear camera (on a gantry ahead of the lane, app/scene/laneCameraLayout.ts) sees that seat whole.
  occupants: [occupant(1, 'Colin_Powell', photo('Colin_Powell', 4)), occupant(0, 'Laura_Bush'), { ...occupant(4, 'Serena_Williams', photo('Jennifer_Capriati', 0)), seat: 'second-middle' }],
});

async function openLane(page: Page) {
  await page.goto(appUrl(vehicleLaneUrl));
  await expect(page.getByTestId('network-state')).toHaveText(/Online/);
  await signIn(page);
  await expect(page.getByTestId('lane-shortcuts')).toContainText('Refer whole vehicle');
}

test.describe('vehicle lane', () => {
  test.skip(!haveData, 'needs BOOTH_DATASETS/faces-lfw');
  test.describe.configure({ timeout: 240_000 });

  test('three occupants, one an impostor: the view forces referral and the officer refers the vehicle by keyboard', async ({ page, request }) => {
    await openLane(page);
    const arrival = await callHost(request, 'sim:vehicleArrives', familyCarWithImpostor(), vehicleLaneUrl);
    expect(arrival.status).toBe(200);

    await expect(page.getByTestId('plate-text')).toContainText('BTH4821');
    await expect(page.getByTestId('plate-text')).toContainText('US-WA');
    await expect(page.getByTestId('vehicle-record')).toContainText('Subaru Outback');
    // Every face on the cameras found and tracked by the real worker (the right rear camera's seats are empty).
    await expect(page.getByTestId('camera-cam-driver')).toHaveAttribute('data-face-count', '2', { timeout: 90_000 });
    await expect(page.getByTestId('camera-cam-rear-left')).toHaveAttribute('data-face-count', '1', { timeout: 90_000 });

    const cards = page.getByTestId('occupant-card');
    await expect(cards).toHaveCount(3, { timeout: 90_000 });
    await expect(page.locator('[data-testid=occupant-card][data-status=matched]')).toHaveCount(2, { timeout: 90_000 });
    // The impostor's card is on screen with the roster (papers read); the face reaches it when the rear camera's track
    // is embedded and compared, which on a loaded machine can come well after the two front faces matched.
    const impostor = page.locator('[data-testid=occupant-card][data-status=face_mismatch]');
    await expect(impostor).toHaveCount(1, { timeout: 90_000 });
    await expect(impostor.getByTestId('occupant-name')).toContainText('SARAH');
    await expect(impostor.getByTestId('occupant-match')).toHaveAttribute('data-decision', 'no_match');
    await expect(impostor.getByTestId('occupant-recommendation')).toHaveAttribute('data-mandatory', 'true');
    await expect(impostor.getByTestId('occupant-reasons')).toContainText('does NOT match');
    const matched = page.locator('[data-testid=occupant-card][data-status=matched]').first();
    await expect(matched.getByTestId('occupant-match')).toContainText(/false-match rate (below )?1 in [\d,]+/);
    await expect(matched.getByTestId('best-shot')).toBeVisible();
    await expect(page.getByTestId('vehicle-recommendation')).toHaveAttribute('data-mandatory', 'true');
    await expect(page.getByTestId('vehicle-counts')).toContainText('3 RFID cards read · 3 faces seen');
    await expect(page.getByTestId('arrival-timer')).toContainText(/arrived \d+:\d\d ago/);
    await page.screenshot({ path: `${screenshotsDir}/vehicle-lane.png`, fullPage: true });

    // Clearing the whole vehicle is refused (mandatory referral) and a supervisor is alerted.
    await page.keyboard.press('Shift+Enter');
    await expect(page.getByTestId('notice')).toContainText('Referral is mandatory');
    await expect(page.getByTestId('vehicle-recommendation')).toHaveAttribute('data-decision', 'undecided');

    // One key refers the whole vehicle: every occupant and the vehicle are recorded as referred.
    await page.keyboard.press('Shift+F');
    await expect(page.getByTestId('vehicle-recommendation')).toHaveAttribute('data-decision', 'refer');
    for (const card of await cards.all()) await expect(card.getByTestId('occupant-recommendation')).toHaveAttribute('data-decision', 'refer');
    await expect(page.getByTestId('notice')).toContainText('Vehicle referred: decision recorded');
    // Durable: in the booth's IndexedDB, three occupants and the vehicle, and the refused clearance in the supervisor queue.
    expect(await countRows(page, 'decisions')).toBe(4);
    expect(await countRows(page, 'reviews')).toBeGreaterThanOrEqual(1);
  });

  test('a records outage during a vehicle: the view says so, shows what is known locally, and the officer still decides', async ({ page, request }) => {
    await openLane(page);
    expect((await callHost(request, 'sim:setDeviceConnected', { kind: 'recordsService', connected: false }, vehicleLaneUrl)).status).toBe(200);
    try {
      const arrival = await callHost(request, 'sim:vehicleArrives', { vehicle: 0, occupants: [occupant(1, 'Colin_Powell', photo('Colin_Powell', 4))] }, vehicleLaneUrl);
      expect(arrival.status).toBe(200);
      await expect(page.getByTestId('records-outage')).toContainText('Records service unreachable');
      await expect(page.getByTestId('vehicle-record')).toContainText('unavailable');
      // Known locally: the plate, the document and its verified chip, and the live face against the document and chip photos.
      await expect(page.getByTestId('plate-text')).toContainText('BTH4821');
      const driver = page.locator('[data-testid=occupant-card][data-status=matched]');
      await expect(driver).toHaveCount(1, { timeout: 90_000 });
      await expect(driver.getByTestId('occupant-name')).toContainText('MICHAEL');
      await expect(driver.getByTestId('chip-badge')).toHaveAttribute('data-verdict', 'verified');
      await expect(driver.getByTestId('occupant-record')).toContainText('unavailable');

      // Select the driver and clear him with one key (the records warning does not block the officer).
      const index = await page.getByTestId('occupant-card').evaluateAll((all) => all.findIndex((c) => c.getAttribute('data-status') === 'matched'));
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
      await expect(driver).toHaveAttribute('data-selected', 'true');
      await page.keyboard.press('Enter');
      await expect(driver.getByTestId('occupant-recommendation')).toHaveAttribute('data-decision', 'clear');
    } finally {
      await callHost(request, 'sim:setDeviceConnected', { kind: 'recordsService', connected: true }, vehicleLaneUrl);
    }
  });
});
