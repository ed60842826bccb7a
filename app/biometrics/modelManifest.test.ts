import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelManifestError, parseDetectorManifest, parseEmbedderManifest, parseLandmarkerManifest } from './modelManifest';
import { thresholdForFmr } from './calibration';

const manifest = (name: string): unknown => JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../assets/models', name), 'utf8'));

describe('shipped model manifests', () => {
  it('parse, and the embedder is calibrated at FMR 1e-2, 1e-3 and 1e-4', () => {
    parseDetectorManifest(manifest('blazeface_short_range.json'));
    parseDetectorManifest(manifest('blazeface_full_range.json'));
    parseLandmarkerManifest(manifest('fr_landmark.json'));
    const embedder = parseEmbedderManifest(manifest('fr_feature.json'));
    expect(embedder).toMatchObject({ colourOrder: 'BGR', outputSize: 512, inputSize: [112, 112], normalisation: { mean: 127, std: 128 } });
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
});
