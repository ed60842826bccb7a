import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseEmbedderManifest } from '../../app/biometrics/modelManifest';
import { modelSourcePath } from '../build/prepareManifestModel';
import { writeVendorStyleModelFolder } from '../build/vendorStyleEmbedder';
import { repoRoot } from './visionHarnessSession';

/**
 * `booth faces vendor-example --out <dir>`: writes the README's bring-your-own-model example, a model as a vendor
 * would deliver it: the vendor-style embedder built from the shipped one (NHWC, RGB, per-channel normalisation,
 * its own input and output names, fixed batch 1; main/build/vendorStyleEmbedder.ts) and its manifest, pinned by
 * SHA-256 and uncalibrated, so an integrator can take it through evaluation, calibration and configuration.
 */
export const vendorExampleOptions = z.object({ out: z.string().min(1) });
export type VendorExampleOptions = z.infer<typeof vendorExampleOptions>;

export async function writeVendorExample(options: VendorExampleOptions): Promise<void> {
  const shippedFile = path.join(repoRoot, 'assets/models/fr_feature.json');
  const shipped = parseEmbedderManifest(JSON.parse(await readFile(shippedFile, 'utf8')), shippedFile);
  const modelFile = modelSourcePath(shippedFile, shipped, path.join(repoRoot, 'node_modules')).file;
  const folder = path.resolve(options.out);
  const written = writeVendorStyleModelFolder(folder, { manifest: shipped, modelFile });
  // As delivered: nothing measured yet (the booth refuses it until `faces calibrate` has stored what `faces eval` measured).
  const { calibration: _calibration, faceness: _faceness, identification: _identification, ...delivered } = written.manifest;
  await writeFile(written.manifestPath, `${JSON.stringify(delivered, null, 2)}\n`);
  console.log(`${written.modelPath}\n${written.manifestPath} (${delivered.id}, SHA-256 ${delivered.sha256 ?? '?'}, uncalibrated)`);
}
