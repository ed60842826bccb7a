import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedderManifestSchema, parsePadManifest } from '../biometrics/modelManifest';
import { judgePresentation, notChecked, type PresentationAttackCheck } from '../biometrics/presentationAttackCheck';
import { sequentialIds } from '../ports/Ids';
import { scriptedVehicleSession } from '../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import { assembleVehicleSession } from './assembleVehicleSession';
import { parseDecisionRecord } from './decisionRecordSchema';
import { evaluateVehicleSession, type Recommendation } from './evaluateVehicleSession';
import { applyOfficerDecision } from './officerDecision';
import { presentationAttackReasons } from './presentationAttackReason';
import type { SeatFace } from './vehicleSessionInput';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const pad = parsePadManifest({
  ...JSON.parse(readFileSync(new URL('../../assets/models/fr_liveness.json', import.meta.url), 'utf8')),
  calibration: { version: 'pad-test-1', source: 'test', threshold: 0.4, bpcer: 0.05, apcer: 0.5 },
});
const now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };
const face: SeatFace = { trackId: 'cam-1#3', cameraId: 'cam-1', cameraPosition: 'driver', bestShotEmbeddingId: 'cam-1#3#best' };

/** The scripted car with every face's best shot given this PAD check (undefined: PAD off). */
function anna(check: PresentationAttackCheck | undefined): Recommendation {
  const input = scriptedVehicleSession({ now, model });
  const faces = input.faces.map((f) => (check ? { ...f, presentationAttack: check } : f));
  const { occupants } = evaluateVehicleSession(assembleVehicleSession({ ...input, faces }, clock), clock);
  const found = occupants.find((o) => o.subject.kind === 'occupant' && o.subject.identityKey === 'record:TR-0001');
  if (!found) throw new Error('Anna is not among the occupants');
  return found;
}
const codes = (r: Recommendation) => r.reasons.map((x) => `${x.code}:${x.severity}`);

describe('the presentation-attack rule', () => {
  it('judges a score against the calibrated threshold: below it the face is flagged; an uncalibrated model checks nothing', () => {
    expect(judgePresentation(0.12, pad)).toEqual({ status: 'checked', score: 0.12, threshold: 0.4, flagged: true, modelId: 'faceplugin-fr-liveness', calibrationVersion: 'pad-test-1' });
    expect(judgePresentation(0.4, pad)).toMatchObject({ status: 'checked', flagged: false });
    const { calibration: _calibration, ...uncalibrated } = pad;
    expect(judgePresentation(0.01, uncalibrated)).toEqual({ status: 'not_checked', reason: 'the presentation-attack model faceplugin-fr-liveness is not calibrated', modelId: 'faceplugin-fr-liveness' });
    expect(judgePresentation(Number.NaN, pad)).toMatchObject({ status: 'not_checked' });
  });

  it('adds nothing with PAD off (no check on the face) or for a face PAD passed', () => {
    expect(presentationAttackReasons(undefined)).toEqual([]);
    expect(presentationAttackReasons(face)).toEqual([]);
    expect(presentationAttackReasons({ ...face, presentationAttack: judgePresentation(0.9, pad) })).toEqual([]);
  });

  it('a flagged best shot is a referral saying "possible photo or screen", its evidence the score, threshold, model and calibration', () => {
    const [reason, ...others] = presentationAttackReasons({ ...face, presentationAttack: judgePresentation(0.12, pad) });
    expect(others).toEqual([]);
    expect(reason).toMatchObject({ code: 'presentation_attack_suspected', severity: 'refer' });
    expect(reason?.message).toMatch(/^possible photo or screen: presentation-attack score 0\.120 is below 0\.400 \(faceplugin-fr-liveness\)/);
    expect(reason?.evidence).toEqual([{ kind: 'presentation_attack', trackId: 'cam-1#3', status: 'checked', score: 0.12, threshold: 0.4, modelId: 'faceplugin-fr-liveness', calibrationVersion: 'pad-test-1' }]);
  });

  it('a shot PAD could not check is a warning saying it was not checked (never a pass)', () => {
    const [reason] = presentationAttackReasons({ ...face, presentationAttack: notChecked('the model failed: out of memory', 'faceplugin-fr-liveness') });
    expect(reason).toMatchObject({ code: 'presentation_attack_not_checked', severity: 'warning' });
    expect(reason?.message).toContain('not checked for a photo or screen (the model failed: out of memory)');
    expect(reason?.evidence).toEqual([{ kind: 'presentation_attack', trackId: 'cam-1#3', status: 'not_checked', reason: 'the model failed: out of memory', modelId: 'faceplugin-fr-liveness' }]);
  });

  it('in the decision rules: a matching traveller is referred when flagged, warned when not checked, cleared as before with PAD off or passed', () => {
    expect(codes(anna(undefined))).toEqual(['face_matched:info']);
    expect(codes(anna(judgePresentation(0.9, pad)))).toEqual(['face_matched:info']);
    const flagged = anna(judgePresentation(0.12, pad));
    expect(flagged).toMatchObject({ outcome: 'refer', mandatory: false });
    expect(codes(flagged)).toEqual(['face_matched:info', 'presentation_attack_suspected:refer']);
    const unchecked = anna(notChecked('the crop was unusable'));
    expect(unchecked.outcome).toBe('clear');
    expect(codes(unchecked)).toContain('presentation_attack_not_checked:warning');
  });

  it('the decision record keeps the PAD evidence and parses at the boundary', () => {
    const decided = applyOfficerDecision(anna(judgePresentation(0.12, pad)), { officer: 'officer-7', outcome: 'refer', reasons: [] }, clock, sequentialIds());
    if (decided.kind !== 'recorded') throw new Error(decided.kind);
    const parsed = parseDecisionRecord(JSON.parse(JSON.stringify(decided.decision)));
    expect(parsed.ruleReasons).toContain('presentation_attack_suspected');
    expect(parsed.evidence).toContainEqual(expect.objectContaining({ kind: 'presentation_attack', status: 'checked', score: 0.12, threshold: 0.4, modelId: 'faceplugin-fr-liveness', calibrationVersion: 'pad-test-1' }));
  });
});
