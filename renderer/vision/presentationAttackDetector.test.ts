import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePadManifest, type PadManifest } from '../../app/biometrics/modelManifest';
import { bonaFideScore, padInputTensor } from '../../app/biometrics/padInput';
import { presentationAttack, type RgbImage } from '../../app/biometrics/presentationAttacks';
import { seededRandom } from '../../app/shared/seededRandom';
import { PresentationAttackDetector, loadPadModel, type PadModelRun, type RegionReader } from './presentationAttackDetector';

/**
 * The worker's PAD step: the crop it reads from a frame's region gives the model exactly the input `faces pad-eval`
 * measured (so the calibrated threshold means the same), the real model loads over HTTP and scores, and every way it
 * can fail (model missing or not matching its manifest, a run that throws, an unusable crop) is "not checked".
 */
const modelFile = new URL('../../assets/generated/models/fr_liveness.onnx', import.meta.url);
const haveModel = existsSync(modelFile);
const manifest: PadManifest = parsePadManifest({
  ...JSON.parse(readFileSync(new URL('../../assets/models/fr_liveness.json', import.meta.url), 'utf8')),
  calibration: { version: 'pad-test-1', source: 'test', threshold: 0.5, bpcer: 0.05, apcer: 0.5 },
});

/** A 320x240 frame of seeded texture (so every crop differs), its face box near the right edge. */
function frame(): RgbImage {
  const random = seededRandom('pad-detector-test');
  const data = new Uint8ClampedArray(320 * 240 * 3);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * 256);
  return { width: 320, height: 240, data };
}
const box = { x: 230.4, y: 60.7, width: 70.2, height: 80.9 };
const reader =
  (image: RgbImage): RegionReader =>
  (region) => {
    const data = new Uint8ClampedArray(region.width * region.height * 3);
    for (let y = 0; y < region.height; y++) data.set(image.data.subarray(3 * ((region.y + y) * image.width + region.x), 3 * ((region.y + y) * image.width + region.x + region.width)), 3 * y * region.width);
    return { width: region.width, height: region.height, data };
  };
/** A model run that records its input and answers fixed outputs. */
const recording = (outputs: number[]) => {
  const inputs: { input: Float32Array; dims: readonly number[] }[] = [];
  const run: PadModelRun = { run: async (input, dims) => (inputs.push({ input: input.slice(), dims }), outputs) };
  return { run, inputs };
};

describe('presentation-attack detection in the worker', () => {
  it('feeds the model, from the crop region alone, the same tensor pad-eval computes on the whole frame, and judges its score', async () => {
    const image = frame();
    const { run, inputs } = recording([2, 0, -1]);
    const check = await PresentationAttackDetector.of(manifest, run).check(box, image.width, image.height, reader(image));
    expect(inputs).toHaveLength(1);
    expect(inputs[0]?.dims).toEqual([1, 3, 128, 128]);
    // The same samples (only float rounding differs, the crop being placed relative to its region).
    const whole = padInputTensor(image, box, manifest);
    const fed = inputs[0]?.input ?? new Float32Array(0);
    expect(fed.length).toBe(whole.length);
    expect(Math.max(...whole.map((v, i) => Math.abs(v - (fed[i] ?? Number.NaN))))).toBeLessThan(1e-3);
    const score = bonaFideScore([2, 0, -1], manifest.score);
    expect(check).toEqual({ status: 'checked', score, threshold: 0.5, flagged: false, modelId: manifest.id, calibrationVersion: 'pad-test-1' });
  });

  it('pads a fixed batch with zeros and reads this face\'s outputs only; NHWC models get NHWC dims', async () => {
    const image = frame();
    const { run, inputs } = recording([-3, 3, 0, 9, 0, 0]);
    const check = await PresentationAttackDetector.of({ ...manifest, batch: 2, layout: 'NHWC' }, run).check(box, image.width, image.height, reader(image));
    expect(inputs[0]?.dims).toEqual([2, 128, 128, 3]);
    expect(inputs[0]?.input.length).toBe(2 * 3 * 128 * 128);
    expect(inputs[0]?.input.subarray(3 * 128 * 128).every((v) => v === 0)).toBe(true);
    expect(check).toMatchObject({ status: 'checked', flagged: true, score: bonaFideScore([-3, 3, 0], manifest.score) });
  });

  it('says "not checked" when the model could not be loaded, a run fails, or the crop is unusable', async () => {
    const image = frame();
    expect(await PresentationAttackDetector.of(manifest, { failed: 'HTTP 404' }).check(box, 320, 240, reader(image))).toEqual({
      status: 'not_checked',
      reason: 'the presentation-attack model could not be loaded: HTTP 404',
      modelId: manifest.id,
    });
    const throwing: PadModelRun = { run: () => Promise.reject(new Error('out of memory')) };
    expect(await PresentationAttackDetector.of(manifest, throwing).check(box, 320, 240, reader(image))).toMatchObject({ status: 'not_checked', reason: 'the presentation-attack model failed on this face: out of memory' });
    const { run, inputs } = recording([1, 0, 0]);
    expect(await PresentationAttackDetector.of(manifest, run).check({ x: 10, y: 10, width: 0, height: 0 }, 320, 240, reader(image))).toMatchObject({ status: 'not_checked', reason: expect.stringContaining('the face crop is unusable') });
    const unreadable: RegionReader = () => {
      throw new Error('the frame cannot be read');
    };
    expect(await PresentationAttackDetector.of(manifest, run).check(box, 320, 240, unreadable)).toMatchObject({ status: 'not_checked', reason: expect.stringContaining('the frame cannot be read') });
    expect(inputs).toEqual([]);
  });

  describe.skipIf(!haveModel)('with the real model served over HTTP (assets/generated: npm run prepare:assets)', () => {
    let server: Server;
    let base = '';
    beforeAll(async () => {
      ort.env.wasm.numThreads = 1;
      const bytes = readFileSync(modelFile);
      server = createServer((request, response) => {
        if (request.url === '/models/fr_liveness.onnx') response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
        else response.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('loads it, checks its shape, and scores a screen replay as pad-eval does', async () => {
      const model = await loadPadModel(ort, base, manifest, () => undefined);
      expect('failed' in model ? model.failed : 'loaded').toBe('loaded');
      const attack = presentationAttack('screen', frame(), 1);
      const check = await PresentationAttackDetector.of(manifest, model).check(box, attack.width, attack.height, reader(attack));
      const session = await ort.InferenceSession.create(readFileSync(modelFile));
      const direct = await session.run({ input: new ort.Tensor('float32', padInputTensor(attack, box, manifest), [1, 3, 128, 128]) });
      const expected = bonaFideScore(Array.from(direct.output?.data as Float32Array), manifest.score);
      expect(check).toMatchObject({ status: 'checked', modelId: manifest.id });
      expect(check.status === 'checked' && check.score).toBeCloseTo(expected, 5);
    });

    it('a missing file or a manifest the model contradicts is a load failure naming it', async () => {
      const missing = await loadPadModel(ort, base, { ...manifest, file: 'models/absent.onnx' }, () => undefined);
      expect(missing).toEqual({ failed: expect.stringContaining('models/absent.onnx: cannot fetch') });
      const wrongOutput = await loadPadModel(ort, base, { ...manifest, outputName: 'liveness' }, () => undefined);
      expect(wrongOutput).toEqual({ failed: expect.stringContaining('outputName "liveness" is not an output of the model') });
    });
  });
});
