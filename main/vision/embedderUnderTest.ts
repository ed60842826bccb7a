import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { EvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { parseEvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { repoRoot } from './visionHarnessSession';

/**
 * The embedder a `faces eval` measures: any manifest (the shipped one, or an agency's from its own folder) and
 * its model file, served to the harness page so the app's own worker runs it. The report names the manifest
 * and the file's SHA-256, so a calibration is only ever written back to the manifest it was measured with.
 */
export interface EmbedderUnderTest {
  readonly manifestPath: string;
  readonly manifest: EvaluableEmbedderManifest;
  readonly modelFile: string;
  readonly sha256: string;
  /** The manifest as the worker gets it: `file` pointing where the page serves the model. */
  readonly served: EvaluableEmbedderManifest;
}

export const SHIPPED_EMBEDDER_MANIFEST = path.join(repoRoot, 'assets/models/fr_feature.json');

const exists = (file: string) => access(file).then(() => true, () => false);

/** The model file: beside the manifest (relative to its folder, or absolute), else where the app serves prepared models. */
export async function resolveModelFile(manifestPath: string, file: string): Promise<string> {
  const candidates = [path.resolve(path.dirname(manifestPath), file), path.join(repoRoot, 'assets/generated', file)];
  for (const candidate of candidates) if (await exists(candidate)) return candidate;
  throw new Error(`${manifestPath}: file "${file}" was found neither beside the manifest nor among the prepared models (${candidates.join(', ')})`);
}

export async function loadEmbedderUnderTest(manifestPath: string): Promise<EmbedderUnderTest> {
  const absolute = path.resolve(manifestPath);
  const manifest = parseEvaluableEmbedderManifest(JSON.parse(await readFile(absolute, 'utf8')), absolute);
  const modelFile = await resolveModelFile(absolute, manifest.file);
  const sha256 = createHash('sha256').update(await readFile(modelFile)).digest('hex');
  return { manifestPath: absolute, manifest, modelFile, sha256, served: { ...manifest, file: `__models/${sha256.slice(0, 16)}/${path.basename(modelFile)}` } };
}

/** Serves the model file where `served.file` says, for the harness page. */
export async function serveEmbedder(page: Page, embedder: EmbedderUnderTest): Promise<void> {
  const bytes = await readFile(embedder.modelFile);
  await page.route(`**/${embedder.served.file}`, (route) => route.fulfill({ status: 200, body: bytes, headers: { 'content-type': 'application/octet-stream' } }));
}
