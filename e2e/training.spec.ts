import { expect, test } from '@playwright/test';
import { callHost } from './support/hostApi';
import { appUrl } from './support/hostToken';
import { screenshotsDir } from './support/paths';
import { signIn } from './support/signIn';

const deviceKinds = ['camera', 'documentReader', 'chipReader', 'plateReader', 'rfidReader', 'recordsService'];

test.afterEach(async ({ request }) => {
  // The hosts are shared: no scenario left playing, every device plugged in, genuine passports.
  await callHost(request, 'training:stop', {});
  for (const kind of deviceKinds) await callHost(request, 'sim:setDeviceConnected', { kind, connected: true });
  await callHost(request, 'sim:setChipFaults', {});
});

test('a trainer starts a built-in scenario from the panel, sees its steps play on the booth, and stops it', async ({ page }) => {
  await page.goto(appUrl());
  await expect(page.getByTestId('booth-id')).toHaveText('E2E-01');
  await signIn(page, 'trainer');
  const panel = page.getByTestId('trainer-panel');
  // The air-lane booth offers the one-traveller scenarios only.
  await expect(panel.getByRole('listitem')).toHaveText([/clean-then-expired/, /clone-during-records-outage/]);
  await expect(page.getByTestId('trainer-scenario-clean-then-expired')).toHaveAttribute('aria-current', 'true');

  // Alt+T selects the next one, and the selection wraps round.
  await page.keyboard.press('Alt+KeyT');
  await expect(page.getByTestId('trainer-scenario-clone-during-records-outage')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Alt+KeyT');
  await expect(page.getByTestId('trainer-scenario-clean-then-expired')).toHaveAttribute('aria-current', 'true');

  await page.keyboard.press('Alt+KeyS');
  await expect(page.getByTestId('trainer-progress')).toHaveAttribute('data-state', 'playing');
  // Step 1 at 2 s: the simulated reader reads Anna Eriksson's passport; the booth shows it as any read.
  await expect(page.getByTestId('traveller-name')).toHaveText('ERIKSSON, ANNA MARIA', { timeout: 10_000 });
  await expect(page.getByTestId('trainer-progress')).toHaveText('Playing: clean-then-expired, 1/2 steps');
  await expect(page.getByTestId('trainer-current-step')).toHaveText("1/2: the reader reads scripted traveller 0's document");
  await page.screenshot({ path: `${screenshotsDir}/trainer-panel.png` });

  await page.keyboard.press('Alt+KeyX');
  await expect(page.getByTestId('trainer-progress')).toHaveText('Stopped: clean-then-expired, 1/2 steps');
  await expect(page.getByTestId('trainer-progress')).toHaveAttribute('data-state', 'stopped');

  // Alt+H folds the panel to its one status line (the traveller card is the trainer's to see too) and back.
  await page.keyboard.press('Alt+KeyH');
  await expect(page.getByTestId('trainer-panel')).toHaveAttribute('data-folded', 'true');
  await expect(page.getByTestId('trainer-progress')).toContainText('Stopped: clean-then-expired, 1/2 steps');
  await expect(page.getByTestId('trainer-scenario-clean-then-expired')).toHaveCount(0);
  await page.keyboard.press('Alt+KeyH');
  await expect(page.getByTestId('trainer-scenario-clean-then-expired')).toBeVisible();
});

test('an officer gets no trainer panel', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'officer');
  await expect(page.getByTestId('traveller-card')).toBeVisible();
  await expect(page.getByTestId('trainer-panel')).toHaveCount(0);
});
