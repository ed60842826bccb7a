import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/signIn';
import { appUrl } from './support/hostToken';

// A fictional passport whose MRZ is full of the booth's shortcut letters (D, M, N, R): a scan must fire none.
const mrz = ['P<IRLDRUMMOND<<MARINA<MAUD<<<<<<<<<<<<<<<<<<', 'D23RM48153IRL8802141F3309117<<<<<<<<<<<<<<04'];
const scan = `${mrz.join('\n')}\n`;

async function openBooth(page: Page) {
  await page.goto(appUrl());
  await expect(page.getByTestId('network-state')).toHaveText(/Online/);
  await signIn(page);
  await expect(page.getByTestId('traveller-card')).toContainText('Waiting for a document');
  // Let the camera start first: a busy page on a loaded machine can stretch the typed burst's first gaps.
  await expect(page.locator('.video-frame')).toHaveAttribute('data-camera-phase', 'live', { timeout: 15_000 });
}

/**
 * Types like a keyboard-wedge reader: the whole burst at machine speed, dispatched inside the page. Playwright's
 * own typing goes through the test runner's event loop, whose stalls on a loaded two-core machine are longer
 * than a real reader's gaps and would make the test depend on the machine's load.
 */
async function typeAsScanner(page: Page, text: string) {
  await page.evaluate((characters) => {
    for (const character of characters) {
      const key = character === '\n' ? 'Enter' : character;
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }
  }, text);
}

/**
 * Records, in the page, every key the keyboard-wedge reader left unhandled, i.e. what the shortcuts may act on.
 * A capture listener added after the booth's own runs after the wedge reader's, and before any shortcut.
 */
async function watchUnhandledKeys(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { unhandledKeys: string[] }).unhandledKeys = seen;
    window.addEventListener(
      'keydown',
      (event) => {
        if (!event.defaultPrevented) seen.push(event.key);
      },
      { capture: true },
    );
  });
  return () => page.evaluate(() => (window as unknown as { unhandledKeys: string[] }).unhandledKeys);
}

test('a keyboard-wedge scan fills the traveller card, and the shortcut letters inside it fire nothing', async ({ page }) => {
  await openBooth(page);
  const unhandledKeys = await watchUnhandledKeys(page);

  // A wedge reader types the MRZ as a fast burst with Enter after each line.
  await typeAsScanner(page, scan);
  await expect(page.getByTestId('traveller-name')).toHaveText('DRUMMOND, MARINA MAUD');
  await expect(page.getByTestId('field-documentNumber')).toHaveText('D23RM4815');
  await expect(page.getByTestId('mrz-verdict')).toContainText('MRZ valid');
  await expect(page.getByTestId('notice')).toHaveText('Document read (keyboard reader)');
  // Its five M's would have toggled the raw MRZ panel, its four D's read simulated travellers.
  await expect(page.getByTestId('raw-mrz')).toHaveCount(0);
  expect(await unhandledKeys()).toEqual([]);

  // The officer's M still works, and shows the raw MRZ.
  await page.keyboard.press('m');
  await expect(page.getByTestId('raw-mrz')).toContainText(mrz[0]!);
  expect(await unhandledKeys()).toEqual(['m']);
});

test('a reader that sends the same scan twice gives one read and says so', async ({ page }) => {
  await openBooth(page);
  const unhandledKeys = await watchUnhandledKeys(page);
  await typeAsScanner(page, scan + scan);
  await expect(page.getByTestId('notice')).toContainText('The same document was read again within 3 s; the repeat was ignored.');
  await expect(page.getByTestId('notice')).toHaveClass(/notice-warning/);
  await expect(page.getByTestId('traveller-name')).toHaveText('DRUMMOND, MARINA MAUD');
  await expect(page.getByTestId('raw-mrz')).toHaveCount(0);
  expect(await unhandledKeys()).toEqual([]);
});

test('a scan that stops part way is reported and fills nothing', async ({ page }) => {
  await openBooth(page);
  await typeAsScanner(page, `${mrz[0]}\n${mrz[1]!.slice(0, 15)}`);
  await expect(page.getByTestId('notice')).toContainText("Keyboard reader: The keyboard reader's scan stopped part way (1 of 2 lines and 15 characters of the next)");
  await expect(page.getByTestId('notice')).toHaveClass(/notice-error/);
  await expect(page.getByTestId('traveller-card')).toContainText('Waiting for a document');
  // Let the camera start first: a busy page on a loaded machine can stretch the typed burst's first gaps.
  await expect(page.locator('.video-frame')).toHaveAttribute('data-camera-phase', 'live', { timeout: 15_000 });
});

test('slow human typing of the same characters is not taken as a scan: the keys go to the shortcuts', async ({ page }) => {
  await openBooth(page);
  const unhandledKeys = await watchUnhandledKeys(page);
  await page.keyboard.type(scan, { delay: 90 });
  await page.waitForTimeout(300);
  // No keyboard read: the card never showed the typed passport...
  await expect(page.getByTestId('traveller-name')).not.toHaveText('DRUMMOND, MARINA MAUD');
  await expect(page.getByTestId('notice')).not.toContainText('keyboard reader');
  // ...and every shortcut letter reached the shortcuts (the D's read simulated travellers into the card).
  const reached = await unhandledKeys();
  for (const key of ['D', 'M', 'N', 'R']) expect(reached.filter((typed) => typed === key)).toHaveLength([...scan].filter((typed) => typed === key).length);
  await expect(page.getByTestId('traveller-name')).not.toBeEmpty();
});
