import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { EmbedderManifest } from '../../app/biometrics/modelManifest';
import { parseEmbedderManifest } from '../../app/biometrics/modelManifest';
import { datasetsDir, repoRoot } from '../support/paths';

/** The embedder the booth is configured with (the worker's default): what the vision specs check against. */
export function configuredEmbedder(): EmbedderManifest {
  const file = path.join(repoRoot, 'assets/models/fr_feature.json');
  return parseEmbedderManifest(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** The source file of the configured embedder's model, as its manifest names it (an npm package's file, or beside the manifest). */
export function configuredEmbedderSource(manifest: EmbedderManifest = configuredEmbedder()): string {
  const source = manifest.source;
  if (source && 'package' in source) return path.join(repoRoot, 'node_modules', source.package, source.path);
  return path.join(repoRoot, 'assets/models', source?.path ?? manifest.file);
}

/**
 * The vision harness page (renderer/vision/harness) as the vision specs drive it: dataset files served under
 * /__dataset/, and `call` to run a method of `window.boothVisionHarness` in the page.
 */
type Harness = Record<string, (...args: unknown[]) => Promise<unknown>>;

export const call = <T>(page: Page, method: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([m, a]) => ((globalThis as unknown as { boothVisionHarness: Harness }).boothVisionHarness[m as string] as (...x: unknown[]) => Promise<unknown>)(...(a as unknown[])), [method, args] as const) as Promise<T>;

export async function openHarness(page: Page): Promise<void> {
  await page.route('**/__dataset/**', async (route) => {
    const relative = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^.*\/__dataset\//, ''));
    const file = path.resolve(datasetsDir, relative);
    if (!file.startsWith(path.resolve(datasetsDir) + path.sep) || !existsSync(file)) return route.fulfill({ status: 404 });
    await route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': 'image/jpeg' } });
  });
  await page.goto('vision/harness/index.html');
  await page.waitForFunction(() => 'boothVisionHarness' in globalThis);
}

/** Serves `body` at /__synthetic/<name> for the page (images the test made). */
export async function serveSynthetic(page: Page, name: string, body: Buffer, contentType: string): Promise<string> {
  await page.route(`**/__synthetic/${name}`, (route) => route.fulfill({ status: 200, body, headers: { 'content-type': contentType } }));
  return `/__synthetic/${name}`;
}
