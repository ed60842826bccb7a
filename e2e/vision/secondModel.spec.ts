import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cosineSimilarity } from '../../app/biometrics/embeddingMath';
import type { Embedding } from '../../app/biometrics/embeddingMath';
import { verify } from '../../app/biometrics/faceMatching';
import { parseEmbedderManifest } from '../../app/biometrics/modelManifest';
import { writeVendorStyleModelFolder } from '../../main/build/vendorStyleEmbedder';
import { datasetsDir } from '../support/paths';
import { call, configuredEmbedder, configuredEmbedderSource, openHarness } from './visionHarnessPage';

/**
 * Bring-your-own-model, proven: a second embedder built from the configured one that differs in every way a
 * vendor's can (NHWC, RGB, per-channel normalisation folded into new input nodes, other input and output names,
 * fixed batch 1), described by its own manifest, run by the app's worker: the same embeddings and the same
 * match decisions; a manifest that contradicts the model is an init error naming the field.
 */
const lfw = path.join(datasetsDir, 'faces-lfw');
const configured = configuredEmbedder();
const vendorFile = '__models/vendor/vendor_embedder.onnx';
// The agency's folder as an integrator hands it over (main/build/vendorStyleEmbedder.ts), its model served to the page.
const vendorFolder = writeVendorStyleModelFolder(mkdtempSync(path.join(tmpdir(), 'booth-e2e-vendor-')), { manifest: configured, modelFile: configuredEmbedderSource(configured) });
const vendorManifest = { ...vendorFolder.manifest, file: vendorFile };
const photos = ['Abel_Pacheco/Abel_Pacheco_0001.jpg', 'Abel_Pacheco/Abel_Pacheco_0004.jpg', 'Abdullah_Gul/Abdullah_Gul_0001.jpg', 'Aaron_Peirsol/Aaron_Peirsol_0001.jpg'];

const floats = (base64: string | undefined): Embedding => {
  const bytes = Buffer.from(base64 ?? '', 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

test.describe('a second embedder brought by a manifest', () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeEach(async ({ page }) => {
    const model = readFileSync(vendorFolder.modelPath);
    await page.route(`**/${vendorFile}`, (route) => route.fulfill({ status: 200, body: Buffer.from(model), headers: { 'content-type': 'application/octet-stream' } }));
    await openHarness(page);
  });

  test('gives the configured model\'s embeddings and match decisions', async ({ page }) => {
    test.skip(!existsSync(lfw), `needs ${lfw} (set BOOTH_DATASETS)`);
    const urls = photos.map((p) => `/__dataset/faces-lfw/images/${p}`);
    await call(page, 'init', {});
    const shipped = await call<{ ok: boolean; embedding?: string }[]>(page, 'embedUrls', urls, { select: 'central', minInterEyePx: 0 });
    const info = await call<{ embedderId: string; batched: boolean }>(page, 'init', { embedderManifest: vendorManifest });
    expect(info).toMatchObject({ embedderId: vendorManifest.id, batched: false });
    const vendor = await call<{ ok: boolean; embedding?: string }[]>(page, 'embedUrls', urls, { select: 'central', minInterEyePx: 0 });
    const model = parseEmbedderManifest(vendorManifest, 'vendor manifest');
    for (const [i, reply] of vendor.entries()) {
      expect(reply.ok && shipped[i]?.ok).toBe(true);
      expect(cosineSimilarity(floats(reply.embedding), floats(shipped[i]?.embedding))).toBeGreaterThan(0.9999);
    }
    // Same person, then three others: the same decisions at FMR 1e-3 with either model.
    for (let j = 1; j < photos.length; j++) {
      const withVendor = verify([floats(vendor[0]?.embedding)], [floats(vendor[j]?.embedding)], model, { targetFmr: 1e-3 }).decision;
      const withShipped = verify([floats(shipped[0]?.embedding)], [floats(shipped[j]?.embedding)], configured, { targetFmr: 1e-3 }).decision;
      expect(withVendor).toBe(withShipped);
      expect(withVendor).toBe(j === 1 ? 'match' : 'no_match');
    }
  });

  test('a manifest that contradicts its model is an init error naming the field', async ({ page }) => {
    const wrong = (field: Record<string, unknown>) => call(page, 'init', { embedderManifest: { ...vendorManifest, ...field } }).then(() => 'no error', (e: unknown) => String(e));
    expect(await wrong({ layout: 'NCHW' })).toMatch(/vendor_embedder\.onnx: with layout NCHW .* \(manifest field "layout"\)/);
    expect(await wrong({ outputName: 'output' })).toMatch(/outputName "output" is not an output of the model \(it has "embedding"\)/);
    expect(await wrong({ batch: 'dynamic' })).toMatch(/manifest field "batch"/);
    expect(await wrong({ normalisation: { mean: [1, 2], std: 1 } })).toMatch(/configured embedder manifest.*normalisation\.mean/);
  });
});
