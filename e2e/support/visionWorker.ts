import type { Page, Worker } from '@playwright/test';

const isVisionWorker = (worker: Worker) => worker.url().includes('vision.worker');

/** Throws an uncaught error inside the page's vision worker (as an out-of-memory or a broken model would); resolves with the worker started in its place. */
export async function killVisionWorker(page: Page): Promise<Worker> {
  const worker = page.workers().find(isVisionWorker);
  if (!worker) throw new Error(`no vision worker in the page (workers: ${page.workers().map((w) => w.url()).join(', ')})`);
  const replacement = page.waitForEvent('worker', { predicate: isVisionWorker, timeout: 60_000 });
  await worker.evaluate(() => void setTimeout(() => {
    throw new Error('vision worker killed by the e2e test');
  }, 0));
  return replacement;
}

/** The track ids the camera overlays label their boxes with now (`#cam:<epoch>.<generation>:n`). */
export const overlayTrackLabels = (page: Page): Promise<string[]> => page.locator('.scene-face span').allTextContents();
