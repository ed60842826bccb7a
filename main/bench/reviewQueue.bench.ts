import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';

/**
 * `npm run bench:review`: the supervisor review screen over the real DecisionStore in Chromium, with 10,000 open
 * items. Measures, in the page, the time from render() of a fresh <ReviewScreen> to the first page of rows in the
 * DOM (store already open, as after sign-in), and to the next frame after it; several runs, each in a freshly
 * loaded page, median printed. Production build of the review harness page only (React in production mode).
 * Target: <= 200 ms.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const items = Number(process.env.BENCH_QUEUE ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 7);
const targetMs = 200;

interface Measurement {
  readonly rowsMs: number;
  readonly nextFrameMs: number;
  readonly rowsInDom: number;
  readonly total: string;
}

const outDir = mkdtempSync(path.join(tmpdir(), 'booth-review-bench-'));
await build({
  configFile: false,
  root: path.join(repoRoot, 'renderer'),
  base: './',
  publicDir: false,
  logLevel: 'error',
  build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: { reviewHarness: path.join(repoRoot, 'renderer/features/review/harness/index.html') } } },
});
const server = await preview({ configFile: false, root: path.join(repoRoot, 'renderer'), base: './', logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('vite preview server has no TCP address');
const url = `http://127.0.0.1:${address.port}/features/review/harness/index.html`;
const browser = await chromium.launch({ executablePath: process.env.BOOTH_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'] });

const call = <T>(page: Page, method: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([m, a]) => (globalThis as unknown as { boothReviewHarness: Record<string, (...x: unknown[]) => Promise<unknown>> }).boothReviewHarness[m as string]?.(...(a as unknown[])), [method, args] as const) as Promise<T>;

async function load(page: Page): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => 'boothReviewHarness' in globalThis, undefined, { timeout: 60_000 });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const round = (v: number) => Math.round(v * 10) / 10;

try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const name = 'bench-review-screen';
  const supervisor = { userId: 'sup-bench', role: 'supervisor' };
  await load(page);
  await call(page, 'reset', name);
  const seedStart = performance.now();
  await call(page, 'seedMany', name, items);
  const seedMs = performance.now() - seedStart;

  const measured: Measurement[] = [];
  for (let run = 0; run < runs; run++) {
    await load(page); // a fresh page each run: no cached React tree or queue pages
    measured.push(await call<Measurement>(page, 'measureMount', name, supervisor));
  }
  const rowsMs = median(measured.map((m) => m.rowsMs));
  console.log(
    JSON.stringify(
      {
        chromium: browser.version(),
        openItems: items,
        seededMs: Math.round(seedMs),
        runs,
        mountToFirstRowsMs: { median: round(rowsMs), all: measured.map((m) => round(m.rowsMs)) },
        mountToNextFrameMs: { median: round(median(measured.map((m) => m.nextFrameMs))), all: measured.map((m) => round(m.nextFrameMs)) },
        rowsInDom: measured[0]?.rowsInDom,
        totalShown: measured[0]?.total,
        targetMs,
        withinTarget: rowsMs <= targetMs,
      },
      null,
      2,
    ),
  );
  await call(page, 'reset', name);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  rmSync(outDir, { recursive: true, force: true });
}
