import { describe, expect, it } from 'vitest';
import { l2Normalise } from './embeddingMath';
import { calibratedFmr, formatOneIn } from './calibration';
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

describe('the decision threshold and the reported rates', () => {
  /** The same model with its 1e-3 threshold set to exactly `threshold`. */
  const withThreshold = (threshold: number): EmbedderManifest => ({ ...model, calibration: { ...model.calibration, thresholdsByFmr: { ...model.calibration.thresholdsByFmr, '1e-3': threshold } } });
  const probe = [l2Normalise([0.6, 0.8, 0, 0])];
  const reference = l2Normalise([1, 0, 0, 0]);

  it('a score exactly at the threshold is a match (verify and identify)', () => {
    const { score } = verify(probe, [reference], model, { targetFmr: 1e-3 });
    expect(verify(probe, [reference], withThreshold(score), { targetFmr: 1e-3 }).decision).toBe('match');
    const gallery = [{ subjectId: 'alice', embeddings: [reference] }];
    const atThreshold = identify(probe, gallery, withThreshold(score), { targetFmr: 1e-3 });
    expect(atThreshold.decision).toBe('match');
    expect(atThreshold.candidates).toEqual([{ subjectId: 'alice', score }]);
    // Just above the score: no match, no candidate.
    expect(verify(probe, [reference], withThreshold(score + 1e-9), { targetFmr: 1e-3 }).decision).toBe('no_match');
    expect(identify(probe, gallery, withThreshold(score + 1e-9), { targetFmr: 1e-3 }).candidates).toEqual([]);
  });

  it('one reference reports the calibrated rate of the score itself; n references the chance of n impostor tries', () => {
    // 0.35 lies between the table's points 0.3 (1e-3) and 0.4 (1e-4): sqrt(1e-7) by log-linear interpolation.
    const probe35 = [l2Normalise([0.35, Math.sqrt(1 - 0.35 ** 2), 0, 0])];
    const one = verify(probe35, [reference], model, { targetFmr: 1e-3 });
    expect(one.score).toBeCloseTo(0.35, 6);
    expect(one.falseMatchRate.fmr).toBe(calibratedFmr(model.calibration, one.score).fmr);
    expect(one.comparisons).toBe(1);
    const three = verify(probe35, [bob, reference, bob], model, { targetFmr: 1e-3 });
    expect(three.comparisons).toBe(3);
    expect(three.falseMatchRate.fmr).toBeCloseTo(1 - (1 - one.falseMatchRate.fmr) ** 3, 15);
    expect(three.falseMatchRate.text).toBe(formatOneIn(three.falseMatchRate.fmr));
  });

  it('a score beyond the measured range stays a bound ("below 1 in N") when several references were compared', () => {
    const two = verify(aliceLive, [alice, bob], model, { targetFmr: 1e-3 });
    expect(two.falseMatchRate.bound).toBe(true);
    expect(two.falseMatchRate.fmr).toBeCloseTo(1 - (1 - 1e-4) ** 2, 15);
    expect(two.falseMatchRate.text).toBe(`below ${formatOneIn(two.falseMatchRate.fmr)}`);
  });

  it('refuses to verify against no reference at all', () => {
    expect(() => verify(aliceLive, [], model, { targetFmr: 1e-3 })).toThrow(new RangeError('verify needs at least one reference embedding'));
  });

  it('a broken reference (not a number) never matches', () => {
    const broken = new Float32Array([Number.NaN, 0, 0, 0]);
    const result = verify(aliceLive, [broken], model, { targetFmr: 1e-3 });
    expect(result.decision).toBe('no_match');
    expect(result.score).toBe(-1);
  });

  it('an empty gallery identifies nobody; the identification rate counts every reference compared', () => {
    const empty = identify(aliceLive, [], model, { targetFmr: 1e-3 });
    expect(empty).toMatchObject({ decision: 'no_match', candidates: [], topScore: -1 });
    expect(empty.falsePositiveIdentificationRate.fmr).toBe(calibratedFmr(model.calibration, 0.3).fmr);
    const gallery = [
      { subjectId: 'bob', embeddings: [bob, bob] },
      { subjectId: 'alice', embeddings: [alice, bob, bob] },
    ];
    const five = identify(aliceLive, gallery, model, { targetFmr: 1e-3 });
    expect(five.falsePositiveIdentificationRate.fmr).toBeCloseTo(1 - (1 - calibratedFmr(model.calibration, 0.3).fmr) ** 5, 15);
  });
});
