import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';

/**
 * `npm run bench:store`: the DecisionStore on real Chromium IndexedDB (the storage harness page, served by vite with
 * the app's config): decisions recorded per second (one transaction each: decision, outbox item, audit entry, all
 * sealed), sync throughput against an in-page stand-in records service, and the supervisor queue's first page +
 * count out of 10,000 open items (target for the whole render: <= 200 ms; the UI's own render time is added by
 * the review feature's benchmark).
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const decisions = Number(process.env.BENCH_DECISIONS ?? 1000);
const queueSize = Number(process.env.BENCH_QUEUE ?? 10_000);

const server = await createServer({
  configFile: path.join(repoRoot, 'vite.config.ts'),
  server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  optimizeDeps: { entries: ['storage/harness/index.html'] },
  logLevel: 'error',
  clearScreen: false,
});
await server.listen();
const address = server.httpServer?.address();
if (!address || typeof address === 'string') throw new Error('vite dev server has no TCP address');
const browser = await chromium.launch({ executablePath: process.env.BOOTH_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${address.port}/storage/harness/index.html`);
  await page.waitForFunction(() => 'boothStorageHarness' in globalThis, undefined, { timeout: 60_000 });
  const call = <T>(page: Page, method: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(([m, a]) => (globalThis as unknown as { boothStorageHarness: Record<string, (...x: unknown[]) => Promise<unknown>> }).boothStorageHarness[m as string]?.(...(a as unknown[])), [method, args] as const) as Promise<T>;

  const name = 'bench-store';
  await call(page, 'deleteDatabase', name);
  await call(page, 'record', name, 0); // warm-up: open, migrations, key derivation
  const record = await call<{ count: number; ms: number; perSecond: number }>(page, 'benchRecord', name, decisions);
  const sync = await call<{ items: number; ms: number; perSecond: number }>(page, 'benchSync', name, 25);

  const queueName = 'bench-review-queue';
  await call(page, 'deleteDatabase', queueName);
  await call(page, 'fillReviewQueue', queueName, queueSize);
  const queue = await call<{ total: number; firstPageMs: number; filteredTotal: number; filteredFirstPageMs: number }>(page, 'benchReviewQueue', queueName, 15);

  const round = (v: number) => Math.round(v * 10) / 10;
  console.log(
    JSON.stringify(
      {
        chromium: browser.version(),
        decisionsRecordedPerSecond: round(record.perSecond),
        decisionsRecorded: record.count,
        syncItemsPerSecond: round(sync.perSecond),
        syncItems: sync.items,
        syncBatchSize: 25,
        reviewQueue: { openItems: queue.total, firstPagePlusCountMs: round(queue.firstPageMs), filteredByKind: { items: queue.filteredTotal, firstPagePlusCountMs: round(queue.filteredFirstPageMs) } },
        reviewQueueRenderMs: 'printed next, by main/bench/reviewQueue.bench.ts (npm run bench:review)',
      },
      null,
      2,
    ),
  );
  await call(page, 'deleteDatabase', name);
  await call(page, 'deleteDatabase', queueName);
} finally {
  await browser.close();
  await server.close();
}
