import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { datasetsDir } from '../support/paths';

/**
 * The vision worker in Chromium, through the harness page that the build ships beside the booth: model
 * loading, stills (match / no match / errors), a live fake camera, a corrupt model and a worker crash.
 */
const lfw = path.join(datasetsDir, 'faces-lfw');
const multi = path.join(datasetsDir, 'faces-multi');
const haveData = existsSync(lfw) && existsSync(multi);
if (!haveData) console.warn(`vision e2e: datasets not found under ${datasetsDir} (set BOOTH_DATASETS); dataset tests are skipped`);

type Harness = Record<string, (...args: unknown[]) => Promise<unknown>>;
const call = <T>(page: Page, method: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([m, a]) => ((globalThis as unknown as { boothVisionHarness: Harness }).boothVisionHarness[m as string] as (...x: unknown[]) => Promise<unknown>)(...(a as unknown[])), [method, args] as const) as Promise<T>;

async function openHarness(page: Page): Promise<void> {
  await page.route('**/__dataset/**', async (route) => {
    const relative = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^.*\/__dataset\//, ''));
    const file = path.resolve(datasetsDir, relative);
    if (!file.startsWith(path.resolve(datasetsDir) + path.sep) || !existsSync(file)) return route.fulfill({ status: 404 });
    await route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': 'image/jpeg' } });
  });
  await page.goto('vision/harness/index.html');
  await page.waitForFunction(() => 'boothVisionHarness' in globalThis);
}

test.describe('vision worker', () => {
  test.describe.configure({ timeout: 120_000 });

  test('loads with progress on WASM (the SwiftShader adapter is never used) and matches the right reference only', async ({ page }) => {
    test.skip(!haveData, 'needs ../shared/datasets');
    await openHarness(page);
    const info = await call<{ backend: string; crossOriginIsolated: boolean; threads: number }>(page, 'init', {});
    expect(info.backend).toBe('wasm');
    expect(info.crossOriginIsolated).toBe(true);
    const stages = await page.evaluate(() => (globalThis as unknown as { boothVisionHarness: { progress: { stage: string }[] } }).boothVisionHarness.progress.map((p) => p.stage));
    expect(stages).toEqual(expect.arrayContaining(['detector', 'landmarker', 'embedder', 'ready']));

    const same = await call<{ decision: string; modelId: string; calibrationVersion: string; falseMatchRate: { text: string } }>(
      page,
      'verifyStills',
      '/__dataset/faces-lfw/images/Aaron_Peirsol/Aaron_Peirsol_0001.jpg',
      '/__dataset/faces-lfw/images/Aaron_Peirsol/Aaron_Peirsol_0002.jpg',
      1e-3,
    );
    expect(same.decision).toBe('match');
    expect(same.modelId).toBe('faceplugin-fr-feature');
    expect(same.calibrationVersion).not.toBe('');
    const other = await call<{ decision: string }>(
      page,
      'verifyStills',
      '/__dataset/faces-lfw/images/Aaron_Peirsol/Aaron_Peirsol_0001.jpg',
      '/__dataset/faces-lfw/images/Abdullah_Gul/Abdullah_Gul_0001.jpg',
      1e-3,
    );
    expect(other.decision).toBe('no_match');
  });

  test('refuses stills with several faces or no face, with clear codes', async ({ page }) => {
    test.skip(!haveData, 'needs ../shared/datasets');
    await openHarness(page);
    await call(page, 'init', {});
    const truth = z.array(z.object({ image: z.string(), face_count: z.number().optional() })).parse(JSON.parse(readFileSync(path.join(multi, 'ground_truth.json'), 'utf8')));
    const group = truth.find((entry) => (entry.face_count ?? 0) >= 3)?.image;
    test.skip(!group, 'faces-multi lists no image with several faces');
    const several = await call<{ ok: boolean; error?: string; faceCount: number }[]>(page, 'embedUrls', [`/__dataset/faces-multi/${group}`], { select: 'single', minInterEyePx: 0 });
    expect(several[0]?.ok).toBe(false);
    expect(several[0]?.error).toMatch(/^several_faces/);
    const blank = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(320, 240);
      const c = canvas.getContext('2d')!;
      c.fillStyle = '#808080';
      c.fillRect(0, 0, 320, 240);
      return URL.createObjectURL(await canvas.convertToBlob({ type: 'image/png' }));
    });
    const none = await call<{ ok: boolean; error?: string }[]>(page, 'embedUrls', [blank], { select: 'single', minInterEyePx: 0 });
    expect(none[0]?.error).toMatch(/^no_face/);
  });

  test('tracks faces of the live fake camera, dropping frames while busy and keeping the page responsive', async ({ page }) => {
    await openHarness(page);
    await call(page, 'init', {});
    const live = await call<{ framesProcessed: number; framesDropped: number; facesSeen: number; trackIds: string[]; embeddings: number; longestMainThreadTaskMs: number }>(page, 'liveCamera', 'booth-1', 4000);
    expect(live.framesProcessed).toBeGreaterThan(3);
    expect(live.framesDropped).toBeGreaterThan(0);
    if (haveData) {
      expect(live.facesSeen).toBeGreaterThan(0);
      expect(live.embeddings).toBeGreaterThan(0);
      expect(live.trackIds.every((id) => id.startsWith('booth-1:'))).toBe(true);
    }
    console.log(`live camera: ${JSON.stringify(live)}`);
  });

  test('a corrupt model gives a clear error and the page keeps running', async ({ page }) => {
    await page.route('**/models/fr_feature.onnx', (route) => route.fulfill({ status: 200, body: Buffer.from('this is not an onnx model'), headers: { 'content-type': 'application/octet-stream' } }));
    await openHarness(page);
    const error = await call(page, 'init', {}).then(
      () => 'no error',
      (e: unknown) => String(e),
    );
    expect(error).toContain('models/fr_feature.onnx could not be loaded');
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
  });

  test('a crashing worker is detected, restarted, and given up on in a crash loop', async ({ page }) => {
    await openHarness(page);
    const probe = await call<{ initError: string; crashes: { restarts: number; willRestart: boolean }[] }>(page, 'crashProbe');
    expect(probe.initError).toContain('worker_crashed');
    expect(probe.crashes[0]).toMatchObject({ restarts: 1, willRestart: true });
    expect(probe.crashes.at(-1)?.willRestart).toBe(false);
  });
});
