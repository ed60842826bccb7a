import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelManifestError, channelValues, parseAnyModelManifest, parseDetectorManifest, parseEmbedderManifest, parseEvaluableEmbedderManifest, parseLandmarkerManifest, parsePadManifest } from './modelManifest';
import { thresholdForFmr } from './calibration';

const manifest = (name: string): unknown => JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../assets/models', name), 'utf8'));

describe('shipped model manifests', () => {
  it('parse, and the configured embedder is calibrated at FMR 1e-2, 1e-3 and 1e-4 and for face-ness', () => {
    parseDetectorManifest(manifest('blazeface_short_range.json'));
    parseDetectorManifest(manifest('blazeface_full_range.json'));
    parseLandmarkerManifest(manifest('fr_landmark.json'));
    const embedder = parseEmbedderManifest(manifest('fr_feature.json'));
    expect(embedder.faceness?.minRawNorm).toBeGreaterThan(0);
    const t2 = thresholdForFmr(embedder.calibration, 1e-2);
    const t4 = thresholdForFmr(embedder.calibration, 1e-4);
    expect(t4).toBeGreaterThan(t2);
  });

  it('reject a manifest with a wrong field, naming the field', () => {
    const broken = { ...(manifest('fr_feature.json') as object), colourOrder: 'YUV' };
    expect(() => parseEmbedderManifest(broken, 'broken.json')).toThrow(ModelManifestError);
    expect(() => parseEmbedderManifest(broken, 'broken.json')).toThrow(/broken\.json.*colourOrder/);
  });

  it('read the landmark crop: an older manifest without an offset keeps the plain box, a bad offset is refused', () => {
    const { boxOffset: _offset, ...older } = manifest('fr_landmark.json') as Record<string, unknown>;
    expect(parseLandmarkerManifest(older)).toMatchObject({ boxScale: 1, boxOffset: { x: 0, y: 0 } });
    expect(parseLandmarkerManifest({ ...older, boxOffset: { x: 0, y: -0.12 } }).boxOffset).toEqual({ x: 0, y: -0.12 });
    expect(() => parseLandmarkerManifest({ ...older, boxOffset: { x: 0, y: 3 } }, 'offset.json')).toThrow(/offset\.json.*boxOffset/);
  });

  it('describe real models: layout, per-channel normalisation, fixed or dynamic batch, each field validated', () => {
    const shipped = manifest('fr_feature.json') as Record<string, unknown>;
    const { layout: _layout, batch: _batch, ...older } = shipped;
    // Older manifests (no layout, no batch) keep what they meant: planar input, any batch.
    expect(parseEmbedderManifest(older)).toMatchObject({ layout: 'NCHW', batch: 'dynamic' });
    const vendor = parseEmbedderManifest({ ...shipped, layout: 'NHWC', colourOrder: 'RGB', normalisation: { mean: [123.7, 116.3, 103.5], std: [58.4, 57.1, 57.4] }, batch: 1 });
    expect(vendor).toMatchObject({ layout: 'NHWC', batch: 1 });
    expect(channelValues(vendor.normalisation.mean)).toEqual([123.7, 116.3, 103.5]);
    expect(channelValues(128)).toEqual([128, 128, 128]);
    expect(() => parseEmbedderManifest({ ...shipped, layout: 'CHW' }, 'vendor.json')).toThrow(/vendor\.json.*layout/);
    expect(() => parseEmbedderManifest({ ...shipped, normalisation: { mean: [1, 2], std: 1 } }, 'vendor.json')).toThrow(/vendor\.json.*normalisation\.mean/);
    expect(() => parseEmbedderManifest({ ...shipped, normalisation: { mean: 0, std: [1, 0, 1] } }, 'vendor.json')).toThrow(/normalisation\.std/);
    expect(() => parseEmbedderManifest({ ...shipped, batch: 0 }, 'vendor.json')).toThrow(/vendor\.json.*batch/);
  });

  it('let an uncalibrated embedder be evaluated but not used for decisions', () => {
    const { calibration: _c, faceness: _f, ...uncalibrated } = manifest('fr_feature.json') as Record<string, unknown>;
    expect(parseEvaluableEmbedderManifest(uncalibrated).calibration).toBeUndefined();
    expect(() => parseEmbedderManifest(uncalibrated, 'new.json')).toThrow(/new\.json.*calibration/);
  });

  it('pin each shipped model by the SHA-256 of its source file in an npm package', () => {
    for (const name of ['blazeface_short_range.json', 'blazeface_full_range.json', 'fr_landmark.json', 'fr_feature.json']) {
      expect(parseAnyModelManifest(manifest(name), name)).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), source: { package: expect.any(String), path: expect.any(String) } });
    }
  });

  it('validate where the file comes from and its hash, naming the field', () => {
    const shipped = manifest('fr_feature.json') as Record<string, unknown>;
    const { source: _s, sha256: _h, ...bare } = shipped;
    // Neither is required to evaluate: the file beside the manifest, measured and reported by its hash.
    expect(parseEvaluableEmbedderManifest(bare)).not.toHaveProperty('sha256');
    expect(parseEmbedderManifest({ ...shipped, source: { path: 'vendor/model.onnx' } }).source).toEqual({ path: 'vendor/model.onnx' });
    expect(() => parseEmbedderManifest({ ...shipped, sha256: 'ABC' }, 'v.json')).toThrow(/v\.json.*sha256: the SHA-256 of the model file/);
    expect(() => parseEmbedderManifest({ ...shipped, sha256: 'A'.repeat(64) }, 'v.json')).toThrow(/sha256/);
    expect(() => parseEmbedderManifest({ ...shipped, source: { package: 'Not A Package', path: 'm.onnx' } }, 'v.json')).toThrow(/v\.json.*source/);
    expect(() => parseEmbedderManifest({ ...shipped, source: { path: '' } }, 'v.json')).toThrow(/source/);
    expect(() => parseEmbedderManifest({ ...shipped, source: { url: 'https://example.org/m.onnx' } }, 'v.json')).toThrow(/source/);
    expect(() => parseDetectorManifest({ ...(manifest('blazeface_short_range.json') as object), attachInputMetadata: { mean: [], std: [1] } }, 'd.json')).toThrow(/d\.json.*attachInputMetadata\.mean/);
    expect(() => parseAnyModelManifest({ ...shipped, kind: 'face-recogniser' }, 'k.json')).toThrow(/k\.json.*kind/);
  });

  it('describe a presentation-attack detector, each field validated; uncalibrated it flags nothing', () => {
    const pad = {
      kind: 'presentation-attack-detector', id: 'pad', file: 'models/pad.onnx', licence: 'MIT', version: '1', provenance: 'test',
      inputName: 'input', outputName: 'output', inputSize: [128, 128], colourOrder: 'RGB', normalisation: { mean: 0, std: 1 },
      boxScale: 2.7, score: { activation: 'softmax', bonaFideIndex: 1 },
    };
    expect(parsePadManifest(pad)).toMatchObject({ layout: 'NCHW', batch: 'dynamic' });
    expect(parsePadManifest(pad).calibration).toBeUndefined();
    expect(parseAnyModelManifest(pad).kind).toBe('presentation-attack-detector');
    expect(() => parsePadManifest({ ...pad, boxScale: 0 }, 'p.json')).toThrow(/p\.json.*boxScale/);
    expect(() => parsePadManifest({ ...pad, score: { activation: 'relu', bonaFideIndex: 0 } }, 'p.json')).toThrow(/score\.activation/);
    expect(() => parsePadManifest({ ...pad, score: { activation: 'softmax', bonaFideIndex: -1 } }, 'p.json')).toThrow(/score\.bonaFideIndex/);
    expect(() => parsePadManifest({ ...pad, calibration: { version: 'v', source: 's', threshold: 2, bpcer: 0.01, apcer: 0.5 } }, 'p.json')).toThrow(/calibration\.threshold/);
  });
});
