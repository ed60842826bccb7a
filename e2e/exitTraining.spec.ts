import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { callHost } from './support/hostApi';
import { appUrl } from './support/hostToken';
import { countRows } from './support/indexedDbRows';
import { datasetsDir, exitLaneRecordsUrlFile, exitLaneUrl, screenshotsDir } from './support/paths';
import { signIn } from './support/signIn';

/**
 * A training run at the exit lane, end to end on the real host with real faces: the trainer starts the built-in exit
 * scenario; the run's own gallery (its people who entered) is served and enrolled; a car leaves with an overstayer to be
 * held, one who never entered, a U.S. citizen, one on time and one of identical twins; the trainee rules the twins out
 * (X) and presses Enter, which confirms the overstayer too; the debrief shows the score and that critical miss. The
 * confirmation is kept as training: no outbox item, nothing at the records service. A trainee who holds the overstayer
 * (H) scores him correct; one who never handles the car has him missed, never a correct hold.
 */
const haveFaces = existsSync(path.join(datasetsDir, 'faces-lfw', 'images'));

const recordsUrl = () => readFileSync(exitLaneRecordsUrlFile, 'utf8').trim();
const departuresReceived = async () => ((await (await fetch(`${recordsUrl()}/v1/departures`)).json()) as { departures: unknown[] }).departures.length;

/** Arrow keys until `card` is the selected occupant (the keys act on it). */
async function select(page: Page, card: Locator) {
  for (let step = 0; step < 10 && (await card.getAttribute('data-selected')) !== 'true'; step++) await page.keyboard.press('ArrowRight');
  await expect(card).toHaveAttribute('data-selected', 'true');
}

/** The trainer starts the built-in exit scenario; the run's gallery is enrolled and the car's five occupants are on screen, each card as the scenario has it. */
async function startExitRun(page: Page) {
  await page.goto(appUrl(exitLaneUrl));
  await signIn(page, 'trainer');
  const gallery = page.getByTestId('exit-gallery');
  await expect(gallery).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(gallery).toHaveAttribute('data-size', '6');

  // An exit booth offers the exit scenarios only.
  await expect(page.getByTestId('trainer-panel').getByRole('listitem')).toHaveText([/exit-overstayer-twins/]);
  await expect(page.getByTestId('trainer-scenario-exit-overstayer-twins')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Alt+KeyS');
  await expect(page.getByTestId('trainer-progress')).toHaveAttribute('data-state', 'playing');
  // The run's gallery: the scenario's seven people who entered (Alvarez never did), enrolled from their real faces.
  await expect(gallery).toHaveAttribute('data-size', '7', { timeout: 60_000 });
  await expect(gallery).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(page.getByTestId('trainer-current-step')).toContainText('1/2: brandt, alvarez, walker, holloway, vera leave in scripted vehicle 0', { timeout: 60_000 });

  const cards = page.getByTestId('exit-occupant-card');
  const card = (status: string) => page.locator(`[data-testid=exit-occupant-card][data-status=${status}]`);
  await expect(cards).toHaveCount(5, { timeout: 200_000 });
  await expect(card('overstay')).toHaveCount(1, { timeout: 150_000 });
  await expect(card('overstay').getByTestId('exit-outcome')).toContainText(/Overstay 100 days \(admitted until \d{4}-\d\d-\d\d\)/);
  await expect(card('overstay').getByTestId('exit-candidate-name')).toContainText('BRANDT');
  await expect(card('citizen')).toHaveCount(1, { timeout: 150_000 });
  await expect(card('departure_confirmed')).toHaveCount(1, { timeout: 150_000 });
  await expect(card('ambiguous')).toHaveCount(1, { timeout: 150_000 });
  await expect(card('not_identified')).toHaveCount(1, { timeout: 150_000 });

  // The twin: the face cannot tell Vera from Selma; the trainee rules both out (X) to inspect documents.
  await select(page, card('ambiguous'));
  await page.keyboard.press('x');
  await expect(card('not_identified')).toHaveCount(2);
  return { card };
}

test.describe('exit training', () => {
  test.skip(!haveFaces, 'needs BOOTH_DATASETS/faces-lfw');
  test.describe.configure({ timeout: 420_000 });

  test.afterEach(async ({ request }) => {
    // The exit host is shared: no run left open (its gallery would stay the run's).
    await callHost(request, 'auth:signIn', { userId: 'trainer', password: 'booth-trainer' }, exitLaneUrl);
    await callHost(request, 'training:stop', {}, exitLaneUrl);
  });

  test('a trainer starts the exit scenario; the trainee rules out the twins and confirms the car, overstayer included; the debrief scores it with the critical miss, and nothing is sent', async ({ page }) => {
    const sentBefore = await departuresReceived();
    await startExitRun(page);
    // Enter confirms everything confirmable: the overstayer as well (the scenario holds them: the critical miss).
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Training run: Recorded: 2 departures, 1 U.S. citizen confirmed without a record, 1 look-alike search ruled out by the officer. (kept as training, never sent)');
    // Scored live, every occupant on screen: Brandt let go; the citizen, Holloway, the twin and Alvarez (reported held) right.
    await expect(page.getByTestId('trainer-score')).toHaveText('Score so far: 4 of 5 correct (80%); impostors let through 0; genuine referred 0; critical misses 1');

    await page.keyboard.press('Alt+KeyX');
    await expect(page.getByTestId('trainer-progress')).toHaveAttribute('data-state', 'stopped');
    await expect(page.getByTestId('debrief-score')).toContainText('80% correct (4 of 5); critical misses: 1');
    const brandt = page.getByTestId('debrief-step-1-0');
    await expect(brandt).toHaveAttribute('data-verdict', 'let_through');
    await expect(brandt.getByTestId('debrief-critical')).toHaveText('(critical miss)');
    await expect(brandt).toContainText('held with alert: overstay 100 days');
    await expect(brandt).toContainText('confirmed a departure as brandt (Overstay 100 days');
    await expect(page.getByTestId('debrief-step-1-1')).toHaveAttribute('data-verdict', 'correct');
    await expect(page.getByTestId('debrief-step-1-1')).toContainText('held (not confirmed)');
    await expect(page.getByTestId('debrief-step-1-2')).toHaveAttribute('data-verdict', 'correct');
    await expect(page.getByTestId('debrief-step-1-3')).toHaveAttribute('data-verdict', 'correct');
    await expect(page.getByTestId('debrief-step-1-4')).toHaveAttribute('data-verdict', 'correct');
    await expect(page.getByTestId('debrief-step-1-4')).toContainText('held: none of the look-alikes, ruled out vera, selma');
    await expect(page.getByTestId('debrief-practise')).toContainText('Departure confirmed of a traveller to be held (step 1)');
    await page.screenshot({ path: `${screenshotsDir}/exit-training-debrief.png`, fullPage: true });

    // Kept as training: no outbox item, no review, nothing at the records service; and the lane has its own gallery back.
    expect(await countRows(page, 'outbox')).toBe(0);
    expect(await countRows(page, 'reviews')).toBe(0);
    expect(await departuresReceived()).toBe(sentBefore);
    const served = (await (await fetch(`${recordsUrl()}/v1/galleries/departures?${new URLSearchParams({ port: 'Blaine, WA', lane: 'vehicle' })}`)).json()) as { entries: { travellerId: string }[] };
    expect(served.entries.map((e) => e.travellerId)).toContain('EX-0001');
  });

  test('the trainee holds the overstayer (H), rules out the twins and confirms the rest: no critical miss, Brandt held as the scenario expects', async ({ page }) => {
    const sentBefore = await departuresReceived();
    const { card } = await startExitRun(page);
    const brandtCard = card('overstay');
    await select(page, brandtCard);
    await page.keyboard.press('h');
    await expect(page.getByTestId('notice')).toContainText('Held for inspection');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Training run: Recorded: 1 departure, 1 U.S. citizen confirmed without a record, 1 look-alike search ruled out by the officer.');
    await expect(page.getByTestId('trainer-score')).toHaveText('Score so far: 5 of 5 correct (100%); impostors let through 0; genuine referred 0');

    await page.keyboard.press('Alt+KeyX');
    await expect(page.getByTestId('debrief-score')).toContainText('100% correct (5 of 5); critical misses: 0');
    const brandt = page.getByTestId('debrief-step-1-0');
    await expect(brandt).toHaveAttribute('data-verdict', 'correct');
    await expect(brandt.getByTestId('debrief-critical')).toHaveCount(0);
    await expect(brandt).toContainText('held (not confirmed), shown as brandt');
    await expect(page.getByTestId('debrief-practise')).toContainText('Nothing: every expected traveller was handled correctly.');
    // Held: no departure of Brandt anywhere; the rest kept as training only.
    expect(await countRows(page, 'outbox')).toBe(0);
    expect(await departuresReceived()).toBe(sentBefore);
  });

  test('the trainee never handles the car (no Enter): the overstayer is missed, not a correct hold', async ({ page }) => {
    await startExitRun(page);
    // Nothing reported yet: nothing scored.
    await expect(page.getByTestId('trainer-score')).toHaveText('Score so far: 0 of 0 correct (0%); impostors let through 0; genuine referred 0');

    await page.keyboard.press('Alt+KeyX');
    await expect(page.getByTestId('debrief-score')).toContainText('0% correct (0 of 5); critical misses: 0');
    const brandt = page.getByTestId('debrief-step-1-0');
    // Before the mend an occupant nobody confirmed counted as held: Brandt, to be held, scored correct unhandled.
    await expect(brandt).toHaveAttribute('data-verdict', 'missed');
    await expect(brandt).toContainText('nothing: never reported on screen');
    await expect(brandt.getByTestId('debrief-critical')).toHaveCount(0);
    await expect(page.getByTestId('debrief-practise')).toContainText('Departing occupant never handled (step 1)');
  });
});
