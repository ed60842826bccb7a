import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyModelManifest, EvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { parseAnyModelManifest, parseEvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { readModelIo } from './onnxModel';
import { ModelPreparationError, prepareManifestModel, sha256Of } from './prepareManifestModel';
import { writeVendorStyleModelFolder } from './vendorStyleEmbedder';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const modulesDir = path.join(repoRoot, 'node_modules');
const shipped = (name: string) => JSON.parse(readFileSync(path.join(repoRoot, 'assets/models', name), 'utf8')) as Record<string, unknown>;
const configuredEmbedder = parseEvaluableEmbedderManifest(shipped('fr_feature.json'));
const haveModels = existsSync(path.join(modulesDir, 'faceplugin-face-recognition-js/model/fr_feature.onnx'));

/** Preparation of an arbitrary manifest: an agency's folder in a temp directory, the vendor-style model in it. */
describe.skipIf(!haveModels)('prepareManifestModel', () => {
  let folder: string;
  let vendor: { manifestPath: string; modelPath: string; manifest: EvaluableEmbedderManifest };
  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'booth-agency-models-'));
    vendor = writeVendorStyleModelFolder(folder, { manifest: configuredEmbedder, modelFile: path.join(modulesDir, 'faceplugin-face-recognition-js/model/fr_feature.onnx') });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const prepare = (manifest: unknown, requireSha256 = true) => prepareManifestModel({ manifestPath: vendor.manifestPath, manifest: parseAnyModelManifest(manifest) as AnyModelManifest, modulesDir, requireSha256 });
  const fieldOf = async (manifest: unknown, requireSha256 = true) => {
    const error = await prepare(manifest, requireSha256).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ModelPreparationError);
    return { field: (error as ModelPreparationError).field, message: (error as Error).message };
  };

  it('finds the file beside the manifest, checks its SHA-256, keeps its fixed batch and checks it against the manifest', async () => {
    const prepared = await prepare(vendor.manifest);
    expect(prepared.sourceFile).toBe(vendor.modelPath);
    expect(prepared.sourceSha256).toBe(vendor.manifest.sha256);
    expect(readModelIo(prepared.bytes, 'prepared')).toMatchObject({ inputNames: ['image'], outputNames: ['embedding'] });
    expect(readModelIo(prepared.bytes, 'prepared').inputShapes.get('image')).toEqual([1, 112, 112, 3]);
    expect(prepared.preparedSha256).toBe(sha256Of(prepared.bytes));
  });

  it('makes the batch symbolic where the manifest asks for it and the model allows it', async () => {
    const prepared = await prepare({ ...vendor.manifest, batch: 'dynamic' });
    expect(readModelIo(prepared.bytes, 'prepared').inputShapes.get('image')).toEqual(['batch', 112, 112, 3]);
  });

  it('finds a file of an npm package (source.package) and prepares it as the install step does', async () => {
    const prepared = await prepareManifestModel({ manifestPath: path.join(repoRoot, 'assets/models/fr_landmark.json'), manifest: parseAnyModelManifest(shipped('fr_landmark.json')), modulesDir, requireSha256: true });
    expect(prepared.sourceFile).toBe(path.join(modulesDir, 'faceplugin-face-recognition-js/model/fr_landmark.onnx'));
    expect(readModelIo(prepared.bytes, 'landmarks').inputShapes.get('input')?.[0]).toBe('batch');
  });

  it('refuses, naming the field: a changed file, a missing or unpinned file, a shape the manifest contradicts', async () => {
    expect(await fieldOf({ ...vendor.manifest, sha256: '0'.repeat(64) })).toMatchObject({ field: 'sha256', message: expect.stringMatching(/has SHA-256 [0-9a-f]{64}, the manifest says 0{64}/) });
    const { sha256: _pin, ...unpinned } = vendor.manifest;
    expect(await fieldOf(unpinned)).toMatchObject({ field: 'sha256', message: expect.stringContaining('missing') });
    await expect(prepare(unpinned, false)).resolves.toMatchObject({ sourceSha256: vendor.manifest.sha256 });
    expect(await fieldOf({ ...vendor.manifest, file: 'nowhere.onnx' })).toMatchObject({ field: 'file', message: expect.stringContaining('does not exist') });
    expect(await fieldOf({ ...vendor.manifest, source: { path: 'models/absent.onnx' } })).toMatchObject({ field: 'source.path' });
    expect(await fieldOf({ ...vendor.manifest, source: { package: 'no-such-package-booth', path: 'm.onnx' } })).toMatchObject({ field: 'source', message: expect.stringContaining('no-such-package-booth') });
    expect(await fieldOf({ ...vendor.manifest, inputName: 'input' })).toMatchObject({ field: 'inputName' });
    expect(await fieldOf({ ...vendor.manifest, outputName: 'output' })).toMatchObject({ field: 'outputName' });
    expect(await fieldOf({ ...vendor.manifest, layout: 'NCHW' })).toMatchObject({ field: 'layout' });
    expect(await fieldOf({ ...vendor.manifest, inputSize: [128, 128] })).toMatchObject({ field: 'inputSize' });
    expect(await fieldOf({ ...vendor.manifest, batch: 4 })).toMatchObject({ field: 'batch' });
  });

  it('refuses a file that is not a model (corrupt), naming the field', async () => {
    const corrupt = path.join(folder, 'corrupt.onnx');
    writeFileSync(corrupt, Buffer.from('not a model at all'));
    const manifest = { ...vendor.manifest, file: 'corrupt.onnx', sha256: sha256Of(new Uint8Array(readFileSync(corrupt))) };
    expect(await fieldOf(manifest)).toMatchObject({ field: 'file' });
  });
});
