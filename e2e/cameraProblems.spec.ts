import { chromium, expect, test } from '@playwright/test';
import { chromiumBaseArgs, chromiumPath, e2eBaseUrl } from './support/paths';
import { signIn } from './support/signIn';
import { appUrl } from './support/hostToken';

// These need a browser launched differently from the shared one (no fake camera, or no auto-granted permission).

test('no camera: the panel says so and how to fix it', async () => {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumBaseArgs });
  try {
    const page = await browser.newPage();
    await page.goto(appUrl(e2eBaseUrl));
    await signIn(page);
    await expect(page.getByTestId('camera-cam-traveller-message')).toHaveAttribute('data-problem', /no_camera|permission_denied/);
    await expect(page.getByTestId('camera-cam-traveller-message')).toContainText('press R to retry');
  } finally {
    await browser.close();
  }
});

test('camera permission denied: the panel says so', async () => {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumBaseArgs, '--use-fake-device-for-media-stream'] });
  try {
    const context = await browser.newContext({ permissions: [] });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.goto(appUrl(e2eBaseUrl));
    await signIn(page);
    await expect(page.getByTestId('camera-cam-traveller-message')).toHaveAttribute('data-problem', 'permission_denied');
    await expect(page.getByTestId('camera-cam-traveller-message')).toContainText('Camera permission was denied');
  } finally {
    await browser.close();
  }
});
