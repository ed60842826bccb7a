import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseEvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { FaceModelSetError, prepareConfiguredSet } from '../services/faceModelSet';
import { writeVendorExample } from './vendorExample';
import { repoRoot } from './visionHarnessSession';

const modulesDir = path.join(repoRoot, 'node_modules');

/** The README's example as `faces vendor-example` writes it: a pinned, uncalibrated vendor model the booth refuses until calibrated. */
describe.skipIf(!existsSync(path.join(modulesDir, 'faceplugin-face-recognition-js/model/fr_feature.onnx')))('faces vendor-example', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'booth-vendor-example-'));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes the vendor-style model and its manifest, pinned by SHA-256 and with nothing measured; the booth refuses it until calibrated', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await writeVendorExample({ out: folder });
    const manifestPath = path.join(folder, 'vendor_embedder.json');
    const manifest = parseEvaluableEmbedderManifest(JSON.parse(readFileSync(manifestPath, 'utf8')));
    expect(manifest).toMatchObject({ file: 'vendor_embedder.onnx', layout: 'NHWC', colourOrder: 'RGB', inputName: 'image', outputName: 'embedding', batch: 1 });
    expect(manifest.sha256).toBe(createHash('sha256').update(readFileSync(path.join(folder, 'vendor_embedder.onnx'))).digest('hex'));
    expect([manifest.calibration, manifest.faceness, manifest.identification]).toEqual([undefined, undefined, undefined]);
    const refused = await prepareConfiguredSet({ embedder: manifestPath }, modulesDir).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FaceModelSetError);
    expect((refused as FaceModelSetError).field).toBe('calibration');
  });
});
