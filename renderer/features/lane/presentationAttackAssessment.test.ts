import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePadManifest } from '../../../app/biometrics/modelManifest';
import { shippedModelSet } from '../../../app/biometrics/modelSet';
import type { PresentationAttackCheck } from '../../../app/biometrics/presentationAttackCheck';
import { createBoothStore } from '../../state/createBoothStore';
import { boothInfo, frameWithFace, laneSession } from '../../state/testSupport/laneFixtures';
import { assessLane } from './useLaneAssessment';

/**
 * From the worker's frame results to the occupant card's reasons: with PAD on, the best shot's check decides (a
 * flag refers, a shot without a check is "not checked"); with PAD off nothing is added, whatever the worker sent.
 */
const pad = parsePadManifest({
  ...JSON.parse(readFileSync(new URL('../../../assets/models/fr_liveness.json', import.meta.url), 'utf8')),
  file: 'model-set/0123456789abcdef/fr_liveness.onnx',
  calibration: { version: 'pad-test-1', source: 'test', threshold: 0.5, bpcer: 0.05, apcer: 0.5 },
});
const flagged: PresentationAttackCheck = { status: 'checked', score: 0.1, threshold: 0.5, flagged: true, modelId: pad.id, calibrationVersion: 'pad-test-1' };
const passed: PresentationAttackCheck = { ...flagged, score: 0.9, flagged: false };

function booth(mode: 'off' | 'flag', padModel: typeof pad | null) {
  const store = createBoothStore();
  const state = () => store.getState();
  state().infoLoaded(boothInfo('pedestrian'));
  state().modelSetLoaded({ origin: 'configured', models: { ...shippedModelSet(), pad: padModel }, notices: [], presentationAttackDetection: mode });
  state().laneSessionReceived(laneSession('s1'));
  /** A frame of the traveller's track, its face carrying this PAD check (quality decides which shot is best). */
  const frame = (check: PresentationAttackCheck | undefined, qualityScore: number) => {
    const base = frameWithFace('t1');
    const [face] = base.faces;
    if (!face) throw new Error('no face');
    state().sceneFrameProcessed('camera-1', { ...base, faces: [{ ...face, qualityScore, embedding: new Float32Array([1, 0, 0]), ...(check ? { presentationAttack: check } : {}) }] });
  };
  const reasons = () => assessLane(state())?.recommendations.occupants.flatMap((o) => o.reasons.map((r) => `${r.code}:${r.severity}`)) ?? [];
  return { frame, reasons };
}

describe('presentation-attack detection on the occupant card', () => {
  it('PAD on: the best shot flagged is "possible photo or screen" (a later, worse shot does not undo it); a better passing shot decides', () => {
    const { frame, reasons } = booth('flag', pad);
    frame(flagged, 0.9);
    frame(passed, 0.5);
    expect(reasons()).toContain('presentation_attack_suspected:refer');
    frame(passed, 0.95);
    expect(reasons().filter((r) => r.startsWith('presentation_attack'))).toEqual([]);
  });

  it('PAD on: a best shot without a check, or no verified PAD model, says not checked', () => {
    const unchecked = booth('flag', pad);
    unchecked.frame(undefined, 0.9);
    expect(unchecked.reasons()).toContain('presentation_attack_not_checked:warning');
    const noModel = booth('flag', null);
    noModel.frame(undefined, 0.9);
    expect(noModel.reasons()).toContain('presentation_attack_not_checked:warning');
  });

  it('PAD off: nothing is added', () => {
    const { frame, reasons } = booth('off', null);
    frame(flagged, 0.9);
    expect(reasons().filter((r) => r.startsWith('presentation_attack'))).toEqual([]);
  });
});
