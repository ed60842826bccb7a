import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeStillsClip } from '../main/vision/faceClip';
import { callHost } from './support/hostApi';
import { chromiumBaseArgs, chromiumPath, datasetsDir, e2eOutputDir, screenshotsDir } from './support/paths';
import { signIn } from './support/signIn';
import { appUrl } from './support/hostToken';

/**
 * The booth's own face match: a traveller (LFW photo) stands at the camera; a document read with another
 * photo of the same person shows a match with its calibrated false-match rate, a document of someone else
 * does not. Real models, the real worker, the booth screen as the officer sees it.
 */
const lfwImages = path.join(datasetsDir, 'faces-lfw', 'images');
const haveData = existsSync(lfwImages);
if (!haveData) console.warn(`booth face match e2e: faces-lfw not found under ${datasetsDir} (set BOOTH_DATASETS); skipped`);

const traveller = path.join(lfwImages, 'Abel_Pacheco/Abel_Pacheco_0001.jpg');
const samePerson = path.join(lfwImages, 'Abel_Pacheco/Abel_Pacheco_0004.jpg');
const someoneElse = path.join(lfwImages, 'Abdullah_Gul/Abdullah_Gul_0001.jpg');
const clip = path.join(e2eOutputDir, 'booth-traveller-camera.y4m');

if (haveData) {
  makeStillsClip([traveller], clip, 8, 0.5);
  test.use({
    launchOptions: { executablePath: chromiumPath, args: [...chromiumBaseArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${clip}`] },
  });
}

const jpeg = (file: string) => ({ mediaType: 'image/jpeg', base64: readFileSync(file).toString('base64') });

test.describe('booth face match', () => {
  test.skip(!haveData, 'needs BOOTH_DATASETS/faces-lfw');
  test.describe.configure({ timeout: 180_000 });

  test('shows the traveller as a match for their own passport and as no match for someone else’s', async ({ page, request }) => {
    await page.goto(appUrl());
    await expect(page.getByTestId('network-state')).toHaveText(/Online/);
    await signIn(page);
    // Live detection and tracking on the booth camera.
    await expect(page.getByTestId('camera-cam-traveller')).toHaveAttribute('data-face-count', '1', { timeout: 60_000 });

    expect((await callHost(request, 'sim:readDocument', { traveller: 0, photo: jpeg(samePerson) })).status).toBe(200);
    const panel = page.getByTestId('match-panel');
    await expect(panel).toHaveAttribute('data-verdict', 'match', { timeout: 60_000 });
    await expect(panel).toContainText('the chip photo');
    await expect(panel).toContainText(/False-match rate (below )?1 in [\d,]+/);
    // The same decision rules as a vehicle, for one traveller: the rules say clear, and one key records it.
    const decision = page.getByTestId('traveller-recommendation');
    await expect(decision).toHaveAttribute('data-advice', 'clear', { timeout: 30_000 });
    await page.screenshot({ path: `${screenshotsDir}/face-match.png`, fullPage: true });
    await page.keyboard.press('Enter');
    await expect(decision).toHaveAttribute('data-decision', 'clear');

    expect((await callHost(request, 'sim:readDocument', { traveller: 1, photo: jpeg(someoneElse) })).status).toBe(200);
    await expect(panel).toHaveAttribute('data-verdict', 'no_match', { timeout: 60_000 });
    await expect(panel).toContainText('Face does NOT match');
    // Someone else's passport: the referral is mandatory and cannot be cleared.
    await expect(decision).toHaveAttribute('data-mandatory', 'true', { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Referral is mandatory');
    await expect(decision).toHaveAttribute('data-decision', 'undecided');
  });
});
