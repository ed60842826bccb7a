import { describe, expect, it } from 'vitest';
import { l2Normalise } from './embeddingMath';
import { identify, verify } from './faceMatching';
import type { EmbedderManifest } from './modelManifest';
import { parseEmbedderManifest } from './modelManifest';

const model: EmbedderManifest = parseEmbedderManifest({
  kind: 'face-embedder',
  id: 'test-embedder',
  file: 'models/x.onnx',
  licence: 'test',
  version: '7',
  provenance: 'unit test',
  inputName: 'input',
  outputName: 'output',
  inputSize: [112, 112],
  colourOrder: 'BGR',
  normalisation: { mean: 127, std: 128 },
  alignment: { name: 'arcface', template: [[38, 51], [73, 51], [56, 71], [41, 92], [70, 92]] },
  outputSize: 4,
  flipAugmentation: false,
  calibration: {
    version: 'cal-3',
    source: 'synthetic',
    genuinePairs: 10,
    impostorPairs: 100000,
    table: [
      { threshold: 0.2, fmr: 1e-2 },
      { threshold: 0.3, fmr: 1e-3 },
      { threshold: 0.4, fmr: 1e-4 },
    ],
    thresholdsByFmr: { '1e-2': 0.2, '1e-3': 0.3, '1e-4': 0.4 },
  },
});

const alice = l2Normalise([1, 0.1, 0, 0]);
const aliceLive = [l2Normalise([0.9, 0.2, 0.1, 0]), l2Normalise([1, 0, 0.15, 0.05])];
const bob = l2Normalise([0, 0, 1, 0.2]);

describe('verify (1:1 and multi-reference)', () => {
  it('matches the right reference and names model, calibration and threshold', () => {
    const result = verify(aliceLive, [alice], model, { targetFmr: 1e-3 });
    expect(result).toMatchObject({ decision: 'match', modelId: 'test-embedder', modelVersion: '7', calibrationVersion: 'cal-3', threshold: 0.3, targetFmr: 1e-3 });
    expect(result.falseMatchRate.text).toBe('below 1 in 10,000');
  });

  it('does not match a wrong reference', () => {
    const result = verify(aliceLive, [bob], model, { targetFmr: 1e-3 });
    expect(result.decision).toBe('no_match');
    expect(result.score).toBeLessThan(0.3);
  });

  it('with several references uses the best one and accounts for the extra comparisons in the rate', () => {
    const one = verify([l2Normalise([0.35, 0, 0, 0.94])], [alice], model, { targetFmr: 1e-2 });
    const three = verify([l2Normalise([0.35, 0, 0, 0.94])], [bob, alice, bob], model, { targetFmr: 1e-2 });
    expect(three.bestReference).toBe(1);
    expect(three.score).toBeCloseTo(one.score, 9);
    expect(three.falseMatchRate.fmr).toBeGreaterThan(one.falseMatchRate.fmr * 2.9);
  });

  it('refuses a target FMR the model was not calibrated for', () => {
    expect(() => verify(aliceLive, [alice], model, { targetFmr: 1e-6 })).toThrow(/no threshold for FMR 1e-6/);
  });
});

describe('identify (1:N)', () => {
  it('ranks the gallery and returns only candidates above the threshold', () => {
    const result = identify(aliceLive, [{ subjectId: 'bob', embeddings: [bob] }, { subjectId: 'alice', embeddings: [bob, alice] }], model, { targetFmr: 1e-4 });
    expect(result.decision).toBe('match');
    expect(result.candidates.map((c) => c.subjectId)).toEqual(['alice']);
    expect(result.calibrationVersion).toBe('cal-3');
  });

  it('reports no match for a stranger', () => {
    const stranger = [l2Normalise([0, 1, 0, 0])];
    const result = identify(stranger, [{ subjectId: 'bob', embeddings: [bob] }], model, { targetFmr: 1e-4 });
    expect(result.decision).toBe('no_match');
    expect(result.candidates).toEqual([]);
  });
});
