import { expect, test, type Page } from '@playwright/test';
import { callHost } from './support/hostApi';
import { appUrl } from './support/hostToken';
import { screenshotsDir } from './support/paths';
import { signIn } from './support/signIn';

// A chip whose security object was re-signed by a Document Signer outside the trust list (a forger's own PKI)
// must never read "Chip verified": the amber verdict names why, and the traveller is referred for it.

async function openBooth(page: Page) {
  await page.goto(appUrl());
  await expect(page.getByTestId('network-state')).toHaveText(/Online/);
  await signIn(page);
}

test.afterEach(async ({ request }) => {
  await callHost(request, 'sim:setChipFaults', {});
});

test('a chip signed by an untrusted Document Signer shows the amber verdict and a referral reason, not "Chip verified"', async ({ page, request }) => {
  await openBooth(page);
  await callHost(request, 'sim:setChipFaults', { sod: 'untrusted' });
  await callHost(request, 'sim:readDocument', { traveller: 0 });
  const badge = page.getByTestId('chip-badge').first();
  await expect(badge).toHaveAttribute('data-verdict', 'not_verifiable', { timeout: 15_000 });
  await expect(badge).toContainText('Chip data signed by an untrusted signer: no CSCA for SWE in the trust list');
  await expect(badge).not.toContainText('Chip verified');
  // Amber, as the warning colour: neither the green of verified nor the red of failed.
  const colour = await badge.locator('strong, h3').first().evaluate((el) => getComputedStyle(el).color);
  const warn = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--warn)';
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  });
  expect(colour).toBe(warn);
  await expect(page.getByTestId('traveller-reasons')).toContainText('untrusted signer', { timeout: 15_000 });
  await page.screenshot({ path: `${screenshotsDir}/chip-not-verifiable.png`, fullPage: true });

  // The same traveller with a genuine chip: verified again.
  await callHost(request, 'sim:setChipFaults', {});
  await callHost(request, 'sim:readDocument', { traveller: 0 });
  await expect(badge).toHaveAttribute('data-verdict', 'verified', { timeout: 15_000 });
});
