import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { callHost } from './support/hostApi';
import { appUrl } from './support/hostToken';
import { countRows } from './support/indexedDbRows';
import { datasetsDir, e2eFaceIndex, screenshotsDir } from './support/paths';
import { signIn } from './support/signIn';

const deviceKinds = ['camera', 'documentReader', 'chipReader', 'plateReader', 'rfidReader', 'recordsService'];
const oneTravellerScenarios = ['clean-lane', 'clean-then-expired', 'clone-during-records-outage', 'cloned-chip', 'genuine-non-match', 'look-alike-impostor', 'records-outage'];

/** The HTTP API is a connection of its own: the host checks the trainer role on it too. */
const signInApiAsTrainer = (request: APIRequestContext) => callHost(request, 'auth:signIn', { userId: 'trainer', password: 'booth-trainer' });

test.afterEach(async ({ request }) => {
  // The hosts are shared: no scenario left playing, every device plugged in, genuine passports.
  await signInApiAsTrainer(request);
  await callHost(request, 'training:stop', {});
  for (const kind of deviceKinds) await callHost(request, 'sim:setDeviceConnected', { kind, connected: true });
  await callHost(request, 'sim:setChipFaults', {});
});

test('a trainer starts a built-in scenario from the panel, sees its steps play on the booth, and stops it', async ({ page }) => {
  await page.goto(appUrl());
  await expect(page.getByTestId('booth-id')).toHaveText('E2E-01');
  await signIn(page, 'trainer');
  const panel = page.getByTestId('trainer-panel');
  // The air-lane booth offers the one-traveller scenarios only; the selected one shows its description.
  await expect(panel.getByRole('listitem')).toHaveText(oneTravellerScenarios.map((name) => new RegExp(name)));
  await expect(page.getByTestId('trainer-scenario-clean-lane')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('trainer-scenario-clean-lane')).toContainText('A quiet lane');

  // Alt+T selects the next one, and the selection wraps round.
  await page.keyboard.press('Alt+KeyT');
  await expect(page.getByTestId('trainer-scenario-clean-then-expired')).toHaveAttribute('aria-current', 'true');
  for (let i = 1; i < oneTravellerScenarios.length; i++) await page.keyboard.press('Alt+KeyT');
  await expect(page.getByTestId('trainer-scenario-clean-lane')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Alt+KeyT');

  await page.keyboard.press('Alt+KeyS');
  await expect(page.getByTestId('trainer-progress')).toHaveAttribute('data-state', 'playing');
  // Step 1 at 2 s: the simulated reader reads Anna Eriksson's passport; the booth shows it as any read.
  await expect(page.getByTestId('traveller-name')).toHaveText('ERIKSSON, ANNA MARIA', { timeout: 10_000 });
  await expect(page.getByTestId('trainer-progress')).toHaveText('Playing: clean-then-expired, 1/2 steps');
  await expect(page.getByTestId('trainer-current-step')).toHaveText("1/2: the reader reads scripted traveller 0's document");
  await expect(page.getByTestId('trainer-score')).toHaveText('Score so far: 0 of 0 correct (0%); impostors let through 0; genuine referred 0');
  await page.screenshot({ path: `${screenshotsDir}/trainer-panel.png` });

  // Stopping ends the run: its debrief opens (nothing was decided: one traveller missed).
  await page.keyboard.press('Alt+KeyX');
  await expect(page.getByTestId('trainer-progress')).toHaveText('Stopped: clean-then-expired, 1/2 steps');
  await expect(page.getByTestId('trainer-progress')).toHaveAttribute('data-state', 'stopped');
  await expect(page.getByTestId('debrief-step-1')).toHaveAttribute('data-verdict', 'missed');
  await page.keyboard.press('Alt+KeyD');
  await expect(page.getByTestId('debrief')).toHaveCount(0);

  // Alt+H folds the panel to its one status line (the traveller card is the trainer's to see too) and back.
  await page.keyboard.press('Alt+KeyH');
  await expect(page.getByTestId('trainer-panel')).toHaveAttribute('data-folded', 'true');
  await expect(page.getByTestId('trainer-progress')).toContainText('Stopped: clean-then-expired, 1/2 steps');
  await expect(page.getByTestId('trainer-scenario-clean-then-expired')).toHaveCount(0);
  await page.keyboard.press('Alt+KeyH');
  await expect(page.getByTestId('trainer-scenario-clean-then-expired')).toBeVisible();
});

test('an officer gets no trainer panel, and the host refuses them the trainer controls', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'officer');
  await expect(page.getByTestId('traveller-card')).toBeVisible();
  await expect(page.getByTestId('trainer-panel')).toHaveCount(0);
});

test("signing out on screen signs the window out on the host: the trainer's role goes with the trainer", async ({ page }) => {
  // The page's own connection: what it asks the host and what the host answers.
  const sent: { id: number; channel: string }[] = [];
  const replies: { id: number; result: { ok: boolean; value?: unknown } }[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { kind: string; id: number; channel: string };
      if (frame.kind === 'call') sent.push(frame);
    });
    socket.on('framereceived', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { kind: string; id: number; result: { ok: boolean; value?: unknown } };
      if (frame.kind === 'reply') replies.push(frame);
    });
  });
  const repliesTo = (channel: string) => sent.filter((call) => call.channel === channel).map((call) => replies.find((reply) => reply.id === call.id)?.result);
  await page.goto(appUrl());
  await signIn(page, 'trainer');
  await expect(page.getByTestId('trainer-panel')).toBeVisible();
  // Nobody was on screen when the window opened: the host agreed (signed out nobody).
  await expect.poll(() => repliesTo('auth:signOut')).toEqual([{ ok: true, value: { userId: null } }]);

  await page.keyboard.press('Alt+KeyO');
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await expect.poll(() => repliesTo('auth:signOut')).toEqual([
    { ok: true, value: { userId: null } },
    { ok: true, value: { userId: 'trainer' } },
  ]);
});

test('the host refuses the trainer controls to an officer, whatever their screen shows', async ({ request }) => {
  expect((await callHost(request, 'auth:signIn', { userId: 'officer', password: 'booth-officer' })).status).toBe(200);
  for (const channel of ['training:list', 'training:start', 'training:stop', 'training:runs', 'training:progress']) {
    const refused = await callHost(request, channel, {});
    expect(refused.status, channel).toBe(403);
    expect(refused.body.error?.code, channel).toBe('not_permitted');
  }
});

const haveFaces = existsSync(path.join(datasetsDir, 'faces-lfw', 'identities.csv')) && existsSync(e2eFaceIndex);

test.describe('a scored look-alike scenario', () => {
  test.skip(!haveFaces, `needs BOOTH_DATASETS/faces-lfw and the face index globalSetup makes from it (${e2eFaceIndex})`);
  test.describe.configure({ timeout: 300_000 });

  test('a trainee clears a look-alike impostor: the debrief shows the miss with the evidence on screen, and nothing reaches the records service or the review queue', async ({ page, request }) => {
    await page.goto(appUrl());
    await signIn(page, 'trainer');
    await signInApiAsTrainer(request);
    const anchorBefore = (await callHost(request, 'audit:anchor', {})).body.value ?? null;
    // Select look-alike-impostor (the sixth) and start it.
    for (let i = 0; i < oneTravellerScenarios.indexOf('look-alike-impostor'); i++) await page.keyboard.press('Alt+KeyT');
    await expect(page.getByTestId('trainer-scenario-look-alike-impostor')).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Alt+KeyS');
    await expect(page.getByTestId('trainer-progress')).toHaveAttribute('data-state', 'playing');

    // Johnson's passport, presented by someone else whose face scores above the booth's threshold: the booth says match.
    await expect(page.getByTestId('traveller-name')).toHaveText('JOHNSON, MICHAEL JAMES', { timeout: 15_000 });
    await expect(page.getByTestId('camera-cam-traveller')).toHaveAttribute('data-face-count', '1', { timeout: 120_000 });
    const panel = page.getByTestId('match-panel');
    await expect(panel).toHaveAttribute('data-verdict', 'match', { timeout: 90_000 });
    const decision = page.getByTestId('traveller-recommendation');
    await expect(decision).toHaveAttribute('data-advice', 'clear', { timeout: 30_000 });
    // The trainee trusts the machine and clears the impostor.
    await page.keyboard.press('Enter');
    await expect(decision).toHaveAttribute('data-decision', 'clear');
    await expect(page.getByTestId('trainer-score')).toHaveText('Score so far: 0 of 1 correct (0%); impostors let through 1; genuine referred 0');

    // The trainer stops the run: the debrief shows the impostor let through with what was on screen.
    await page.keyboard.press('Alt+KeyX');
    const step = page.getByTestId('debrief-step-1');
    await expect(step).toHaveAttribute('data-verdict', 'let_through');
    await expect(step).toContainText('(impostor)');
    await expect(step).toContainText('cleared an impostor');
    await expect(step.getByTestId('debrief-evidence')).toContainText(/face match 0\.\d\d \/ threshold 0\.\d\d \(.+\)/);
    await expect(step.getByTestId('debrief-evidence')).toContainText('chip verified');
    await expect(page.getByTestId('debrief-score')).toContainText('impostors let through: 1');
    await expect(page.getByTestId('debrief-practise')).toContainText('Impostor cleared (step 1)');
    await page.screenshot({ path: `${screenshotsDir}/training-debrief.png`, fullPage: true });
    const download = page.waitForEvent('download');
    await page.keyboard.press('Alt+KeyP');
    expect((await download).suggestedFilename()).toMatch(/^booth-debrief-look-alike-impostor-trainer-run-.+\.html$/);

    // Kept as training: the decision is stored, but no outbox item, no review item; the records service's anchor did not move.
    expect(await countRows(page, 'decisions')).toBe(1);
    expect(await countRows(page, 'outbox')).toBe(0);
    expect(await countRows(page, 'reviews')).toBe(0);
    expect((await callHost(request, 'audit:anchor', {})).body.value ?? null).toEqual(anchorBefore);
    // The run is in the history, newest first (the host is shared: earlier runs of other tests follow it).
    await page.keyboard.press('Alt+KeyR');
    await expect(page.getByTestId('run-history').getByRole('row').nth(1)).toContainText('look-alike-impostor');
    await expect(page.getByTestId('run-history').getByRole('row').nth(1)).toContainText('0% (0/1)');

    // A supervisor's queue holds nothing of it.
    await page.keyboard.press('Alt+KeyO');
    await signIn(page, 'supervisor');
    await expect(page.getByTestId('review-total')).toHaveText('0 items');
  });
});
