import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { parseEvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { shippedModelSet } from '../../app/biometrics/modelSet';
import { writeVendorStyleModelFolder } from '../build/vendorStyleEmbedder';
import { LAST_WORKING_FILE, boothFaceModels, chooseFaceModelSet, type FaceModelSetOptions } from './faceModelSet';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const modulesDir = path.join(repoRoot, 'node_modules');
const shippedEmbedderFile = path.join(modulesDir, 'faceplugin-face-recognition-js/model/fr_feature.onnx');
const configuredEmbedder = parseEvaluableEmbedderManifest(JSON.parse(readFileSync(path.join(repoRoot, 'assets/models/fr_feature.json'), 'utf8')));

/** Which set the booth runs: the configured one when it verifies, else the last working one, else the shipped one; never an unverified model. */
describe.skipIf(!existsSync(shippedEmbedderFile))('chooseFaceModelSet', () => {
  let userDataDir: string;
  let agency: { manifestPath: string; modelPath: string; manifest: EvaluableEmbedderManifest };
  beforeEach(() => {
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'booth-models-user-'));
    agency = writeVendorStyleModelFolder(path.join(userDataDir, 'agency'), { manifest: configuredEmbedder, modelFile: shippedEmbedderFile });
  });
  afterEach(() => rmSync(userDataDir, { recursive: true, force: true }));

  const choose = (embedder: string | undefined, extra: Record<string, string> = {}) =>
    chooseFaceModelSet({ setting: { ...(embedder ? { embedder } : {}), ...extra }, presentationAttackDetection: 'off', userDataDir, modulesDir });

  it('runs the shipped models when none are configured, serving nothing from outside the build', async () => {
    const set = await choose(undefined);
    expect(set).toMatchObject({ origin: 'shipped', notices: [], models: shippedModelSet() });
    expect(set.files.size).toBe(0);
  });

  it('saves the last working set from booths starting together on one user data folder, each through its own temporary file', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await Promise.all(Array.from({ length: 8 }, () => choose(undefined)));
      expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([]);
      expect(JSON.parse(readFileSync(path.join(userDataDir, LAST_WORKING_FILE), 'utf8')).faceModels).toEqual({});
    } finally {
      warn.mockRestore();
    }
  });

  it('runs a configured, verified embedder: its prepared file served under its own name, remembered as the last working set', async () => {
    const set = await choose('agency/vendor_embedder.json');
    expect(set.origin).toBe('configured');
    expect(set.notices).toEqual([]);
    expect(set.models.embedder).toMatchObject({ id: agency.manifest.id, layout: 'NHWC', inputName: 'image' });
    expect(set.models.embedder.file).toMatch(/^model-set\/[0-9a-f]{16}\/vendor_embedder\.onnx$/);
    expect(set.files.get(set.models.embedder.file)?.length).toBeGreaterThan(1_000_000);
    // The other models stay the shipped ones.
    expect(set.models.landmarker).toEqual(shippedModelSet().landmarker);
    expect(JSON.parse(readFileSync(path.join(userDataDir, LAST_WORKING_FILE), 'utf8')).faceModels).toEqual({ embedder: agency.manifestPath });
  });

  it('falls back to the last working set when the configured model file changed (hash mismatch), saying which field', async () => {
    await choose(agency.manifestPath);
    const second = writeVendorStyleModelFolder(path.join(userDataDir, 'agency2'), { manifest: configuredEmbedder, modelFile: shippedEmbedderFile });
    const corrupted = new Uint8Array(readFileSync(second.modelPath));
    corrupted[corrupted.length - 100] = (corrupted[corrupted.length - 100] ?? 0) ^ 0xff;
    writeFileSync(second.modelPath, corrupted);
    const set = await choose(second.manifestPath);
    expect(set.origin).toBe('last-working');
    expect(set.models.embedder.id).toBe(agency.manifest.id);
    expect(set.notices[0]).toMatch(new RegExp(`^Face models: embedder \\(${second.manifestPath.replace(/[/.]/g, '\\$&')}\\): sha256: the model file .* has SHA-256 [0-9a-f]{64}, the manifest says ${second.manifest.sha256}.*the last working model set`));
    // The failed set is not remembered: the last working set stays the first one.
    expect(JSON.parse(readFileSync(path.join(userDataDir, LAST_WORKING_FILE), 'utf8')).faceModels).toEqual({ embedder: agency.manifestPath });
  });

  it('falls back to the shipped models when there is no last working set, and for each kind of failure names the field', async () => {
    const write = (name: string, manifest: unknown) => {
      const file = path.join(userDataDir, 'agency', name);
      writeFileSync(file, typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
      return file;
    };
    const { calibration: _c, ...uncalibrated } = agency.manifest;
    const { faceness: _f, ...withoutFaceness } = agency.manifest;
    const cases: [string, string][] = [
      [write('missing.json', { ...agency.manifest, file: 'gone.onnx' }), 'file: the model file'],
      [write('layout.json', { ...agency.manifest, layout: 'NCHW' }), 'layout:'],
      [write('uncalibrated.json', uncalibrated), 'calibration: '],
      [write('no-faceness.json', withoutFaceness), 'faceness: missing'],
      [write('kind.json', JSON.parse(readFileSync(path.join(repoRoot, 'assets/models/fr_landmark.json'), 'utf8'))), 'kind: "face-landmarker" cannot serve as the embedder'],
      [write('broken.json', '{ not json'), 'the manifest cannot be read as JSON'],
      [write('badfield.json', { ...agency.manifest, colourOrder: 'YUV' }), 'colourOrder:'],
    ];
    for (const [manifestPath, expected] of cases) {
      const set = await choose(manifestPath);
      expect(set.origin, manifestPath).toBe('shipped');
      expect(set.models.embedder.id).toBe(configuredEmbedder.id);
      expect(set.files.size).toBe(0);
      expect(set.notices[0], manifestPath).toContain(`embedder (${manifestPath}): ${expected}`);
      expect(set.notices[0]).toContain('the booth runs the shipped models');
    }
  });

  it('keeps PAD on without a model, saying so: the page then says "not checked" on every face (no silent pass)', async () => {
    // Changed by design (issue 16): PAD asked for without a model used to be reported as 'off'.
    const set = await chooseFaceModelSet({ setting: {}, presentationAttackDetection: 'flag', userDataDir, modulesDir });
    expect(set.presentationAttackDetection).toBe('flag');
    expect(set.models.pad).toBeNull();
    expect(set.notices).toEqual([expect.stringContaining('presentation attacks are not detected, and every face says it was not checked')]);
  });

  describe('presentation-attack detection', () => {
    const padManifest = (calibrated: boolean) => {
      const shipped = JSON.parse(readFileSync(path.join(repoRoot, 'assets/models/fr_liveness.json'), 'utf8')) as Record<string, unknown>;
      const file = path.join(userDataDir, calibrated ? 'pad.json' : 'pad-uncalibrated.json');
      writeFileSync(file, JSON.stringify({ ...shipped, ...(calibrated ? { calibration: { version: 'pad-test-1', source: 'test', threshold: 0.5, bpcer: 0.05, apcer: 0.5 } } : {}) }));
      return file;
    };

    it('with PAD on, verifies and serves the calibrated PAD model; with PAD off, neither verifies nor serves it', async () => {
      const on = await chooseFaceModelSet({ setting: { pad: padManifest(true) }, presentationAttackDetection: 'flag', userDataDir, modulesDir });
      expect(on).toMatchObject({ origin: 'configured', notices: [], presentationAttackDetection: 'flag', models: { pad: { id: 'faceplugin-fr-liveness', calibration: { version: 'pad-test-1' } } } });
      expect(on.files.get(on.models.pad?.file ?? '')?.length).toBeGreaterThan(1_000_000);
      const off = await chooseFaceModelSet({ setting: { pad: padManifest(true) }, presentationAttackDetection: 'off', userDataDir, modulesDir });
      expect(off).toMatchObject({ presentationAttackDetection: 'off', notices: [], models: { pad: null } });
      expect(off.files.size).toBe(0);
    });

    it('refuses an uncalibrated PAD model with PAD on, naming the field (it could flag no one)', async () => {
      const manifestPath = padManifest(false);
      const set = await chooseFaceModelSet({ setting: { pad: manifestPath }, presentationAttackDetection: 'flag', userDataDir, modulesDir });
      expect(set).toMatchObject({ origin: 'shipped', presentationAttackDetection: 'flag', models: { pad: null } });
      expect(set.notices[0]).toContain(`pad (${manifestPath}): calibration: missing`);
      expect(set.notices).toContainEqual(expect.stringContaining('every face says it was not checked'));
    });
  });

  describe('when the vision worker cannot load a verified set', () => {
    const optionsFor = (embedder: string): FaceModelSetOptions => ({ setting: { embedder }, presentationAttackDetection: 'off', userDataDir, modulesDir });
    const lastWorking = () => (existsSync(path.join(userDataDir, LAST_WORKING_FILE)) ? JSON.parse(readFileSync(path.join(userDataDir, LAST_WORKING_FILE), 'utf8')).faceModels : undefined);

    it('goes back to the set that worked before it (not remembering the one that failed), with a notice naming the error', async () => {
      await choose(agency.manifestPath);
      const second = writeVendorStyleModelFolder(path.join(userDataDir, 'agency2'), { manifest: { ...configuredEmbedder, id: 'agency-two' }, modelFile: shippedEmbedderFile });
      const models = boothFaceModels(optionsFor(second.manifestPath));
      expect(await models.current()).toMatchObject({ origin: 'configured', models: { embedder: { id: 'agency-two-vendor-style' } } });
      const fallback = (await models.workerCouldNotLoad('configured', 'vendor_embedder.onnx could not be loaded by onnxruntime-web: unknown op')).served;
      expect(fallback).toMatchObject({ origin: 'last-working', models: { embedder: { id: agency.manifest.id } } });
      expect(fallback?.notices[0]).toBe(
        `Face models: the vision worker could not load the configured model set (agency-two-vendor-style): vendor_embedder.onnx could not be loaded by onnxruntime-web: unknown op; the booth runs the last working model set (${agency.manifest.id}) until this is fixed`,
      );
      expect(fallback?.files.get(fallback.models.embedder.file)?.length).toBeGreaterThan(1_000_000);
      expect(lastWorking()).toEqual({ embedder: agency.manifestPath });
      // The booth now serves the fallback; a second report of the configured set (another page) gets it as it is.
      expect(await models.current()).toBe(fallback);
      expect(await models.workerCouldNotLoad('configured', 'again')).toEqual({ kind: 'stale', served: fallback });
      // The last working set fails in the worker too: the shipped set, and nothing remembered; then nothing is left.
      const shipped = (await models.workerCouldNotLoad('last-working', 'out of memory')).served;
      expect(shipped).toMatchObject({ origin: 'shipped', models: shippedModelSet() });
      expect(shipped?.notices[0]).toContain('the vision worker could not load the last working model set');
      expect(lastWorking()).toBeUndefined();
      expect(await models.workerCouldNotLoad('shipped', 'no WebAssembly')).toEqual({ kind: 'fell_back', served: undefined });
    });

    it('two windows reporting the same failure at once run the fallback once: both get the same set, one notice', async () => {
      await choose(agency.manifestPath);
      const second = writeVendorStyleModelFolder(path.join(userDataDir, 'agency2'), { manifest: { ...configuredEmbedder, id: 'agency-two' }, modelFile: shippedEmbedderFile });
      const models = boothFaceModels(optionsFor(second.manifestPath));
      await models.current();
      const audited: string[] = [];
      const [reported, joined] = await Promise.all([
        models.workerCouldNotLoad('configured', 'window 1: unknown op', async () => audited.push('window 1')),
        models.workerCouldNotLoad('configured', 'window 2: unknown op', async () => audited.push('window 2')),
      ]);
      // Before: each report ran its own fallback (the set was read before either had replaced it): two sets, two notices.
      expect(reported.kind).toBe('fell_back');
      expect(joined).toEqual({ kind: 'joined', served: reported.served });
      // Only the report that fell back ran its audit hook (before falling back).
      expect(audited).toEqual(['window 1']);
      const first = reported.served;
      expect(first).toMatchObject({ origin: 'last-working', models: { embedder: { id: agency.manifest.id } } });
      expect(first?.notices.filter((notice) => notice.includes('could not load'))).toEqual([expect.stringContaining('window 1: unknown op')]);
      expect(await models.current()).toBe(first);
    });

    it('goes to the shipped set when no set worked before the configured one', async () => {
      const models = boothFaceModels(optionsFor(agency.manifestPath));
      await models.current();
      expect(lastWorking()).toEqual({ embedder: agency.manifestPath });
      expect((await models.workerCouldNotLoad('configured', 'unknown op')).served).toMatchObject({ origin: 'shipped', models: shippedModelSet() });
      expect(lastWorking()).toBeUndefined();
    });
  });
});
