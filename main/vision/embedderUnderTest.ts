import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { EvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { parseEvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { prepareManifestModel } from '../build/prepareManifestModel';
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
  /** SHA-256 of the source file (what a manifest pins). */
  readonly sha256: string;
  /** SHA-256 of the prepared model (the bytes the worker is served and runs). */
  readonly preparedSha256: string;
  /** The prepared model the worker is served. */
  readonly bytes: Uint8Array;
  /** The manifest as the worker gets it: `file` pointing where the page serves the model. */
  readonly served: EvaluableEmbedderManifest;
}

export const SHIPPED_EMBEDDER_MANIFEST = path.join(repoRoot, 'assets/models/fr_feature.json');

/**
 * The manifest and its model, prepared by the step the booth uses at install and start (prepareManifestModel): the
 * file found from the manifest (npm package, or beside the manifest), checked against its SHA-256 when it pins one,
 * and prepared as the booth would run it. An unpinned manifest can be evaluated; the report names the hash measured.
 */
export async function loadEmbedderUnderTest(manifestPath: string): Promise<EmbedderUnderTest> {
  const absolute = path.resolve(manifestPath);
  const manifest = parseEvaluableEmbedderManifest(JSON.parse(await readFile(absolute, 'utf8')), absolute);
  const prepared = await prepareManifestModel({ manifestPath: absolute, manifest, modulesDir: path.join(repoRoot, 'node_modules'), requireSha256: false });
  const served = { ...manifest, file: `__models/${prepared.preparedSha256.slice(0, 16)}/${path.basename(manifest.file)}` };
  return { manifestPath: absolute, manifest, modelFile: prepared.sourceFile, sha256: prepared.sourceSha256, preparedSha256: prepared.preparedSha256, bytes: prepared.bytes, served };
}

/** Serves the model file where `served.file` says, for the harness page. */
export async function serveEmbedder(page: Page, embedder: EmbedderUnderTest): Promise<void> {
  const body = Buffer.from(embedder.bytes);
  await page.route(`**/${embedder.served.file}`, (route) => route.fulfill({ status: 200, body, headers: { 'content-type': 'application/octet-stream' } }));
}
