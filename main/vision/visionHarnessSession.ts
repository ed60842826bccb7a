import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import type { ViteDevServer } from 'vite';
import { createServer } from 'vite';

/**
 * Runs the renderer's vision harness page (renderer/vision/harness/) in headless Chromium, served by vite with
 * the app's own config (COOP/COEP headers, prepared assets), so CLIs measure exactly the worker the app runs.
 * Dataset files are served to the page from `datasetDir` under /__dataset/ by request interception.
 */
export interface HarnessSessionOptions {
  readonly datasetDir?: string;
  readonly chromiumPath?: string;
  /** Extra Chromium flags (e.g. a fake camera). */
  readonly extraArgs?: readonly string[];
  readonly log?: (line: string) => void;
}

export interface HarnessSession {
  readonly page: Page;
  readonly baseUrl: string;
  /** Resident memory of the browser's renderer processes (the harness page and its workers), from /proc. */
  rendererResidentBytes(): Promise<number | null>;
  close(): Promise<void>;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const DATASET_PREFIX = '/__dataset/';

const contentType = (file: string): string => {
  const ext = path.extname(file).toLowerCase();
  return ext === '.png' ? 'image/png' : ext === '.bmp' ? 'image/bmp' : ext === '.webp' ? 'image/webp' : 'image/jpeg';
};

export async function openHarnessSession(options: HarnessSessionOptions = {}): Promise<HarnessSession> {
  const log = options.log ?? (() => undefined);
  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await createServer({
      configFile: path.join(repoRoot, 'vite.config.ts'),
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
      // Pre-bundle only what the harness imports: the rest of the renderer is not needed here. The worker and the
      // runtimes it imports dynamically are listed too: found only when the page first asks for them, vite would
      // re-bundle mid-run and the page's import of the old bundle fails ("Failed to fetch dynamically imported
      // module …/.vite/deps/onnxruntime-web_wasm.js" on the first run of a fresh checkout).
      optimizeDeps: {
        entries: ['vision/harness/index.html', 'vision/vision.worker.ts', 'vision/harness/*.ts'],
        include: ['onnxruntime-web/wasm', 'onnxruntime-web/webgpu', '@mediapipe/tasks-vision', 'comlink', 'zod'],
      },
      logLevel: 'error',
      clearScreen: false,
    });
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('vite dev server has no TCP address');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    log(`vite serving the harness at ${baseUrl}`);
    browser = await chromium.launch({ executablePath: options.chromiumPath ?? '/usr/bin/chromium', args: [...CHROMIUM_FLAGS, ...(options.extraArgs ?? [])] });
    const page = await browser.newPage();
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') log(`page ${message.type()}: ${message.text()}`);
    });
    const datasetDir = options.datasetDir ? path.resolve(options.datasetDir) : undefined;
    if (datasetDir) {
      await page.route(`${baseUrl}${DATASET_PREFIX}**`, async (route) => {
        const relative = decodeURIComponent(new URL(route.request().url()).pathname.slice(DATASET_PREFIX.length));
        const file = path.resolve(datasetDir, relative);
        if (!file.startsWith(datasetDir + path.sep)) return route.fulfill({ status: 403, body: 'outside the dataset' });
        try {
          // COEP require-corp: a same-origin response needs no CORP header, but say so for clarity.
          await route.fulfill({ status: 200, body: await readFile(file), headers: { 'content-type': contentType(file), 'cross-origin-resource-policy': 'same-origin' } });
        } catch {
          await route.fulfill({ status: 404, body: `not found: ${relative}` });
        }
      });
    }
    await page.goto(`${baseUrl}/vision/harness/index.html`);
    await page.waitForFunction(() => 'boothVisionHarness' in globalThis, undefined, { timeout: 60_000 });
    const openedServer = server;
    const openedBrowser = browser;
    return {
      page,
      baseUrl,
      rendererResidentBytes: () => rendererResidentBytes(openedBrowser),
      async close() {
        await openedBrowser.close();
        await openedServer.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    throw error;
  }
}

/**
 * What the OS charges the renderer processes (VmRSS): JS heaps, WASM memories and decoded frames alike, which
 * in-page APIs do not see in a worker. Linux only (null elsewhere or when Chromium does not list its processes).
 */
async function rendererResidentBytes(browser: Browser): Promise<number | null> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    let total = 0;
    for (const process of info.processInfo.filter((p) => p.type === 'renderer')) {
      const status = await readFile(`/proc/${process.id}/status`, 'utf8').catch(() => '');
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      if (kb) total += Number(kb) * 1024;
    }
    return total || null;
  } catch {
    return null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
