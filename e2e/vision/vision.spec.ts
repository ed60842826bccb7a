import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { cosineSimilarity } from '../../app/biometrics/embeddingMath';
import { makeStillsClip } from '../../main/vision/faceClip';
import { chromiumBaseArgs, chromiumPath, datasetsDir, e2eOutputDir } from '../support/paths';

/**
 * The vision worker in Chromium, through the harness page that the test build (vite --mode test) adds beside the booth: model
 * loading, stills (match / no match / errors), a live fake camera, a corrupt model and a worker crash.
 */
const lfw = path.join(datasetsDir, 'faces-lfw');
const multi = path.join(datasetsDir, 'faces-multi');
const haveData = existsSync(lfw) && existsSync(multi);
if (!haveData) console.warn(`vision e2e: datasets not found under ${datasetsDir} (set BOOTH_DATASETS); dataset tests are skipped`);

// This file's fake camera: three LFW travellers in turn at booth distance (the shared crowd clip's faces are
// too small for a booth camera's short-range detector).
const visionClip = path.join(e2eOutputDir, 'vision-camera.y4m');
if (haveData) {
  makeStillsClip(
    ['Abel_Pacheco/Abel_Pacheco_0001.jpg', 'Abdullah_Gul/Abdullah_Gul_0001.jpg', 'Abel_Pacheco/Abel_Pacheco_0004.jpg'].map((p) => path.join(lfw, 'images', p)),
    visionClip,
  );
  test.use({
    launchOptions: {
      executablePath: chromiumPath,
      // WebGPU exposed (SwiftShader here): the worker must still choose WASM unasked, and compute the same when forced.
      args: [...chromiumBaseArgs, '--enable-unsafe-webgpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${visionClip}`],
    },
  });
}

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
      '/__dataset/faces-lfw/images/Abel_Pacheco/Abel_Pacheco_0001.jpg',
      '/__dataset/faces-lfw/images/Abel_Pacheco/Abel_Pacheco_0004.jpg',
      1e-3,
    );
    expect(same.decision).toBe('match');
    expect(same.modelId).toBe('faceplugin-fr-feature');
    expect(same.calibrationVersion).not.toBe('');
    const other = await call<{ decision: string }>(
      page,
      'verifyStills',
      '/__dataset/faces-lfw/images/Abel_Pacheco/Abel_Pacheco_0001.jpg',
      '/__dataset/faces-lfw/images/Abdullah_Gul/Abdullah_Gul_0001.jpg',
      1e-3,
    );
    expect(other.decision).toBe('no_match');
  });

  test('refuses stills with several faces or no face, with clear codes', async ({ page }) => {
    test.skip(!haveData, 'needs ../shared/datasets');
    await openHarness(page);
    await call(page, 'init', {});
    const truth = z
      .array(z.object({ image: z.string(), boxes_xywh: z.array(z.array(z.number()).length(4)).nullish() }))
      .parse(JSON.parse(readFileSync(path.join(multi, 'ground_truth.json'), 'utf8')));
    // A group photo whose faces are all booth-sized (>= 60 px), as a document page or a chip photo would be.
    const group = truth.find((entry) => (entry.boxes_xywh?.length ?? 0) >= 2 && (entry.boxes_xywh ?? []).every((b) => (b[2] ?? 0) >= 60))?.image;
    test.skip(!group, 'faces-multi lists no group photo with large faces');
    const several = await call<{ ok: boolean; error?: string; faceCount: number }[]>(page, 'embedUrls', [`/__dataset/faces-multi/${group}`], { select: 'single', minInterEyePx: 0 });
    expect(several[0]?.ok).toBe(false);
    expect(several[0]?.error).toMatch(/^several_faces/);
    // A plain grey picture (made by ffmpeg, served by the test): no face at all.
    const blankFile = path.join(e2eOutputDir, 'blank.png');
    execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=gray:s=320x240', '-frames:v', '1', blankFile]);
    await page.route('**/__synthetic/blank.png', (route) => route.fulfill({ status: 200, body: readFileSync(blankFile), headers: { 'content-type': 'image/png' } }));
    const blank = '/__synthetic/blank.png';
    const none = await call<{ ok: boolean; error?: string }[]>(page, 'embedUrls', [blank], { select: 'single', minInterEyePx: 0 });
    expect(none[0]?.error).toMatch(/^no_face/);
  });

  test('the faces of one frame, landmarked and embedded in one batch, each keep their own embedding', async ({ page }) => {
    test.skip(!haveData, 'needs ../shared/datasets');
    await openHarness(page);
    const info = await call<{ batched: boolean }>(page, 'init', {});
    expect(info.batched).toBe(true);
    const people = ['Abel_Pacheco/Abel_Pacheco_0001.jpg', 'Abdullah_Gul/Abdullah_Gul_0001.jpg', 'Aaron_Peirsol/Aaron_Peirsol_0001.jpg', 'Abdoulaye_Wade/Abdoulaye_Wade_0001.jpg'];
    const faces = await call<{ tile: number; similarities: number[] }[]>(page, 'frameFacesAgainstStills', people.map((p) => `/__dataset/faces-lfw/images/${p}`));
    expect(faces.map((f) => f.tile).sort()).toEqual([0, 1, 2, 3]);
    for (const face of faces) {
      // The same photo, smaller and on a grey frame: far above any other person's photo.
      const own = face.similarities[face.tile] ?? NaN;
      const others = face.similarities.filter((_, i) => i !== face.tile);
      expect(own).toBeGreaterThan(0.8);
      expect(Math.max(...others)).toBeLessThan(0.4);
    }
  });

  test('tracks faces of the live fake camera, dropping frames while busy and keeping the page responsive', async ({ page }) => {
    await openHarness(page);
    await call(page, 'init', {});
    const live = await call<{ framesOffered: number; framesProcessed: number; framesDropped: number; facesSeen: number; trackIds: string[]; embeddings: number; longestMainThreadTaskMs: number }>(page, 'liveCamera', 'booth-1', 6000);
    expect(live.framesProcessed).toBeGreaterThan(3);
    // 15 fps offered; whatever the worker cannot take is dropped, not queued.
    expect(live.framesProcessed + live.framesDropped).toBe(live.framesOffered);
    if (haveData) {
      expect(live.facesSeen).toBeGreaterThan(0);
      expect(live.embeddings).toBeGreaterThan(0);
      expect(live.trackIds.every((id) => id.startsWith('booth-1:'))).toBe(true);
      // Different people in turn: more than one track, and the first one ended.
      expect(live.trackIds.length).toBeGreaterThan(1);
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

// WebGPU here is SwiftShader (a CPU emulation): never chosen on its own, and, when forced, it must compute what
// WASM computes (the path a booth with a real GPU takes; drift between execution providers has been reported).
test.describe('vision worker on WebGPU', () => {
  test.describe.configure({ timeout: 240_000 });

  const photos = ['Abel_Pacheco/Abel_Pacheco_0001.jpg', 'Abel_Pacheco/Abel_Pacheco_0004.jpg', 'Abdullah_Gul/Abdullah_Gul_0001.jpg'].map((p) => `/__dataset/faces-lfw/images/${p}`);
  const toFloats = (base64: string | undefined) => {
    const bytes = Buffer.from(base64 ?? '', 'base64');
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  };

  test('a fallback adapter is never used unasked; forced, WebGPU embeds like WASM', async ({ page }) => {
    test.skip(!haveData, 'needs ../shared/datasets');
    await openHarness(page);
    const auto = await call<{ backend: string; adapter: string }>(page, 'init', {});
    expect(auto.backend).toBe('wasm');
    expect(auto.adapter).toMatch(/fallback adapter, not used/);
    const onWasm = await call<{ ok: boolean; embedding?: string }[]>(page, 'embedUrls', photos, { select: 'central', minInterEyePx: 0 });

    const forced = await call<{ backend: string; adapter: string }>(page, 'init', { backend: 'webgpu' });
    expect(forced.backend).toBe('webgpu');
    const onWebGpu = await call<{ ok: boolean; embedding?: string }[]>(page, 'embedUrls', photos, { select: 'central', minInterEyePx: 0 });
    const wasm = onWasm.map((r) => toFloats(r.embedding));
    const gpu = onWebGpu.map((r) => toFloats(r.embedding));
    for (const [i, embedding] of gpu.entries()) {
      expect(onWebGpu[i]?.ok).toBe(true);
      expect(embedding.length).toBe(512);
      expect(cosineSimilarity(embedding, wasm[i] ?? new Float32Array(0))).toBeGreaterThan(0.999);
    }
    // Same person matches, another does not, on either backend.
    expect(cosineSimilarity(gpu[0]!, gpu[1]!)).toBeGreaterThan(0.4);
    expect(cosineSimilarity(gpu[0]!, gpu[2]!)).toBeLessThan(0.2);
  });
});
