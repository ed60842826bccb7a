import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { resolveSettings } from '../app/settings/boothSettings';
import { HostAccessToken } from '../main/host/HostAccessToken';
import { rendererBuildDir } from '../main/launcher/rendererBuild';
import { startNodeHost, type RunningNodeHost } from '../main/host/NodeHost';
import { createBoothServices, type BoothServices } from '../main/services/createBoothServices';
import { datasetPhoto } from '../main/services/simulatedOccupantFaces';
import { drawnPortraitSvg, simulatedTravellers } from '../native-bridges/document-reader/simulatedTravellers';
import { callHost } from './support/hostApi';
import { appUrl, e2eHostToken } from './support/hostToken';
import { chromiumBaseArgs, chromiumPath, datasetsDir, repoRoot, screenshotsDir } from './support/paths';
import { signIn } from './support/signIn';

/**
 * The default lane as a new user meets it: a pedestrian booth of its own (fresh simulators: the reader starts at
 * the first scripted traveller), the officer presses D, the traveller steps up to the camera with their papers,
 * the face on the camera matches and Enter clears them; the scripted impostor cannot be cleared; the next user
 * sees nothing of it. And the camera's own test pattern with nobody in front of it never makes a match.
 */
const haveFaces = datasetPhoto('Laura_Bush', 0, datasetsDir) !== undefined;
if (!haveFaces) console.warn(`one-traveller lane e2e: faces-lfw not found under ${datasetsDir} (set BOOTH_DATASETS); the matching traveller is skipped`);

let services: BoothServices | undefined;
let host: RunningNodeHost | undefined;
const pedestrianUrl = () => `${host!.url.replace(/\/?$/, '/')}`;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  // Its own practice accounts and storage key, never the user's.
  process.env.BOOTH_USER_DATA = mkdtempSync(join(tmpdir(), 'booth-e2e-pedestrian-'));
  process.env.BOOTH_DATASETS ??= datasetsDir;
  services = createBoothServices({ resolved: resolveSettings({ devices: 'sim', boothId: 'E2E-P1', laneType: 'pedestrian' }), version: 'e2e' });
  await services.start();
  host = await startNodeHost({ services, staticDir: join(repoRoot, rendererBuildDir.test), port: 0, accessToken: HostAccessToken.from(e2eHostToken) });
});

test.afterAll(async () => {
  await host?.close();
  await services?.stop();
});

async function openLane(page: Page) {
  await page.goto(appUrl(pedestrianUrl()));
  await expect(page.getByTestId('network-state')).toHaveText(/Online/);
  await expect(page.getByTestId('lane-type')).toHaveText('Pedestrian lane');
  await signIn(page);
}

test('D brings a genuine traveller who matches and is cleared with one key; the impostor is a mandatory referral; the next user sees none of it', async ({ page }) => {
  test.skip(!haveFaces, 'needs BOOTH_DATASETS/faces-lfw');
  await openLane(page);
  await expect(page.getByTestId('traveller-card')).toContainText('Waiting for a document');

  await page.keyboard.press('d');
  await expect(page.getByTestId('traveller-name')).toHaveText('ERIKSSON, ANNA MARIA');
  await expect(page.getByTestId('camera-cam-traveller')).toHaveAttribute('data-face-count', '1', { timeout: 90_000 });
  const panel = page.getByTestId('match-panel');
  await expect(panel).toHaveAttribute('data-verdict', 'match', { timeout: 90_000 });
  await expect(page.getByTestId('traveller-status')).toHaveAttribute('data-status', 'matched');
  const decision = page.getByTestId('traveller-recommendation');
  await expect(decision).toHaveAttribute('data-advice', 'clear', { timeout: 30_000 });
  // The panel shows the comparison the decision rests on: the same score and false-match rate, at every moment
  // (both read in one go: each new shot of the face moves them together).
  const shown = () =>
    page.evaluate(() => {
      const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
      return { panel: [text('match-score').replace('Score ', ''), text('match-fmr').replace('False-match rate ', '')], decision: [text('decision-score').replace('score ', ''), text('decision-fmr').replace('false-match rate ', '')] };
    });
  for (let sample = 0; sample < 5; sample++) {
    const { panel: inPanel, decision: inDecision } = await shown();
    expect(inPanel[1]).toMatch(/1 in [\d,]+/);
    expect(inDecision).toEqual(inPanel);
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: `${screenshotsDir}/pedestrian-match.png`, fullPage: true });

  await page.keyboard.press('Enter');
  await expect(decision).toHaveAttribute('data-decision', 'clear');
  await expect(page.getByTestId('notice')).toHaveText('Occupant cleared: decision recorded');
  // As recorded: the face comparison the decision rests on.
  await expect(page.getByTestId('decision-face-evidence')).toHaveAttribute('data-decision', 'match');

  // The next traveller is the scripted impostor: Johnson's papers, someone else at the camera.
  await page.keyboard.press('d');
  await expect(page.getByTestId('traveller-name')).toHaveText('JOHNSON, MICHAEL JAMES');
  await expect(panel).toHaveAttribute('data-verdict', 'no_match', { timeout: 90_000 });
  await expect(decision).toHaveAttribute('data-mandatory', 'true', { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toContainText('Referral is mandatory');
  await expect(decision).toHaveAttribute('data-decision', 'undecided');

  // The officer signs out; the supervisor's screen holds nothing of the officer's traveller or notices.
  await page.keyboard.press('Alt+O');
  await signIn(page, 'supervisor');
  await expect(page.getByTestId('notice')).toHaveText('');
  for (const testId of ['traveller-card', 'match-panel', 'traveller-decision', 'reason-picker']) await expect(page.getByTestId(testId)).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('Referral is mandatory');
  await page.keyboard.press('Alt+O');
  // Nor the next officer's: an empty desk.
  await signIn(page, 'officer');
  await expect(page.getByTestId('traveller-card')).toContainText('Waiting for a document');
  await expect(page.getByTestId('notice')).toHaveText('');
});

test('nobody in front of the camera (its test pattern) and a drawn portrait on the papers: no panel claims a match, Enter does not clear', async ({ playwright, request }) => {
  // Chromium's own fake camera (no clip): its green test pattern with a moving clock, nobody in it.
  const browser = await playwright.chromium.launch({ executablePath: chromiumPath, args: [...chromiumBaseArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openLane(page);
    await expect(page.getByTestId('camera-cam-traveller')).toHaveAttribute('data-camera-phase', 'live', { timeout: 15_000 });
    // A trainer's read with a drawn portrait (what the simulator prints without the dataset): the camera shows its own picture.
    const traveller = simulatedTravellers[0]!;
    const drawn = { mediaType: 'image/svg+xml', base64: Buffer.from(drawnPortraitSvg(traveller.initials, traveller.hue)).toString('base64') };
    expect((await callHost(request, 'sim:readDocument', { traveller: 0, photo: drawn }, pedestrianUrl())).status).toBe(200);
    await expect(page.getByTestId('traveller-name')).toHaveText('ERIKSSON, ANNA MARIA');
    const decision = page.getByTestId('traveller-recommendation');
    await expect(decision).toHaveAttribute('data-mandatory', 'true', { timeout: 30_000 });
    // Give the worker time to see many frames of the pattern: at no point does anything claim a match.
    for (let second = 0; second < 15; second++) {
      await expect(page.getByTestId('match-panel')).not.toHaveAttribute('data-verdict', 'match');
      await expect(page.getByTestId('traveller-status')).not.toHaveAttribute('data-status', 'matched');
      await page.waitForTimeout(1000);
    }
    await page.screenshot({ path: `${screenshotsDir}/pedestrian-nobody.png`, fullPage: true });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Referral is mandatory');
    await expect(decision).toHaveAttribute('data-decision', 'undecided');
  } finally {
    await browser.close();
  }
});
