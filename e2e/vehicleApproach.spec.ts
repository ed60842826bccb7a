import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { callHost } from './support/hostApi';
import { datasetsDir, screenshotsDir, vehicleLaneUrl } from './support/paths';
import { signIn } from './support/signIn';
import { appUrl } from './support/hostToken';

/**
 * Simulated vehicles drive up on rendered lane-camera video (app/scene): five scripted travellers, each played by
 * an LFW identity (one photo on the document and chip, another in front of the cameras), arrive in one car; the
 * real vision worker finds them through the windshield as the car approaches, on the driver-side camera (front
 * row) and the rear camera (the rows behind), and the lane matches each face to its own papers.
 */
const haveData = existsSync(path.join(datasetsDir, 'faces-lfw', 'images'));
if (!haveData) console.warn(`vehicle approach e2e: faces-lfw not found under ${datasetsDir} (set BOOTH_DATASETS); skipped`);

async function openLane(page: Page) {
  await page.goto(appUrl(vehicleLaneUrl));
  await expect(page.getByTestId('network-state')).toHaveText(/Online/);
  await signIn(page);
  await expect(page.getByTestId('lane-shortcuts')).toContainText('Refer whole vehicle');
}

/**
 * Scripted travellers 0-4 (their dataset faces: simulatedOccupantFaces): two in front, two in the second row, one in
 * the third. (Behind the driver, the second-row left seat is in line with the driver's headrest for the rear camera.)
 */
const fiveAboard = {
  vehicle: 0,
  occupants: [
    { traveller: 1, seat: 'driver' },
    { traveller: 0, seat: 'front-passenger' },
    { traveller: 2, seat: 'second-middle' },
    { traveller: 4, seat: 'second-right' },
    { traveller: 3, seat: 'third-left' },
  ],
};

/** The same travellers with Sarah (traveller 4) in the third row, behind a headrest for the whole approach. */
const sarahHiddenInTheThirdRow = {
  vehicle: 0,
  occupants: [...fiveAboard.occupants.filter((o) => o.traveller !== 4), { traveller: 4, seat: 'third-right', hiddenFromCameras: true }],
};

test.describe('vehicle approach video', () => {
  test.skip(!haveData, 'needs BOOTH_DATASETS/faces-lfw');
  // Issue #15: on a quiet machine the worker sees frames during the approach, where a face grows and moves out from
  // the focus of expansion by more than its width between two processed frames; the tracker follows it along that
  // ray (FaceTracker's expansionFocus), so one occupant stays one track (one card, never a hidden occupant's papers).
  // A visible occupant's face still sometimes becomes a second track (hidden behind the seat ahead for longer than a
  // track lives, a half face above a headrest picked up again); the lane takes such a track, when it matches no papers,
  // for the matched occupant seen again (app/inspection/faceSeenAgain.ts), so it never takes the papers left over.
  test.describe.configure({ timeout: 420_000 });

  test('five occupants driving up: five cards, each face matched to its own papers', async ({ page, request }) => {
    await openLane(page);
    expect((await callHost(request, 'sim:vehicleArrives', fiveAboard, vehicleLaneUrl)).status).toBe(200);
    // The cameras play video of the car coming in (not a still): the picture changes from frame to frame.
    const canvas = page.getByTestId('camera-cam-driver').locator('canvas');
    await expect(canvas).toHaveJSProperty('width', 1920, { timeout: 90_000 });
    const cards = page.getByTestId('occupant-card');
    await expect(cards).toHaveCount(5, { timeout: 200_000 });
    const matched = page.locator('[data-testid=occupant-card][data-status=matched]');
    await expect(matched).toHaveCount(5, { timeout: 200_000 });
    // Each matched card is one of the five aboard, each once: the right people.
    const names = (await matched.getByTestId('occupant-name').allTextContents()).map((name) => name.split(' ')[0]).sort();
    expect(names).toEqual(['ANNA', 'ERIKA', 'MICHAEL', 'SARAH', 'WILLEKE']);
    await page.screenshot({ path: `${screenshotsDir}/vehicle-approach.png`, fullPage: true });
    // No face was given to the wrong papers: every card is a match (a swapped face would be a mismatch or an extra card).
    await expect(page.locator('[data-testid=occupant-card]:not([data-status=matched])')).toHaveCount(0);
  });

  test('a car driving up slowly (frames of it moving, however busy the machine): still one card per occupant, each matched', async ({ page, request }) => {
    // Issue #15 showed only on a quiet machine, where the worker sees the ~2 s approach; over 14 s every machine sees
    // each face grow and move out from the focus of expansion between frames, where a plain tracker splits it.
    await openLane(page);
    expect((await callHost(request, 'sim:vehicleArrives', { ...fiveAboard, approachSeconds: 14 }, vehicleLaneUrl)).status).toBe(200);
    const matched = page.locator('[data-testid=occupant-card][data-status=matched]');
    await expect(matched).toHaveCount(5, { timeout: 200_000 });
    // Let the car stand a few seconds more: no face split off into an extra card.
    await page.waitForTimeout(4000);
    await expect(page.getByTestId('occupant-card')).toHaveCount(5);
    await expect(page.locator('[data-testid=occupant-card]:not([data-status=matched])')).toHaveCount(0);
  });

  test('a third-row occupant behind a headrest for the whole approach is "not captured", never matched to someone else', async ({ page, request }) => {
    await openLane(page);
    expect((await callHost(request, 'sim:vehicleArrives', sarahHiddenInTheThirdRow, vehicleLaneUrl)).status).toBe(200);
    await expect(page.locator('[data-testid=occupant-card][data-status=matched]')).toHaveCount(4, { timeout: 200_000 });
    const hidden = page.locator('[data-testid=occupant-card][data-status=identity_without_face]');
    await expect(hidden).toHaveCount(1);
    await expect(hidden).toContainText('not captured');
    // Sarah Martin (traveller 4) sits in the third row: her papers stay without a face.
    await expect(hidden.getByTestId('occupant-name')).toContainText('SARAH');
    // Let the car stand a few seconds more: still nobody's face on the hidden traveller's papers, and no extra card.
    await page.waitForTimeout(4000);
    await expect(page.getByTestId('occupant-card')).toHaveCount(5);
    await expect(page.locator('[data-testid=occupant-card][data-status=matched]')).toHaveCount(4);
    await expect(page.locator('[data-testid=occupant-card][data-status=face_mismatch]')).toHaveCount(0);
  });
});
