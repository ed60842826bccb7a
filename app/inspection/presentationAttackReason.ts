import type { SeatFace } from './vehicleSessionInput';
import type { Evidence, Reason } from './reasons';

/** What the rule reads of a face: its track and, with PAD on, the check on its best shot (entry seats and exit occupants alike). */
export type PresentationAttackFace = Pick<SeatFace, 'trackId' | 'presentationAttack'>;

export type PresentationAttackEvidence = Extract<Evidence, { kind: 'presentation_attack' }>;

/**
 * The evidence of the face's check whatever its result (a pass included): score, threshold, model and calibration, or
 * why it was not checked. Null with PAD off (no check on the face).
 */
export function presentationAttackEvidence(face: PresentationAttackFace | undefined): PresentationAttackEvidence | null {
  const check = face?.presentationAttack;
  if (!face || !check) return null;
  if (check.status === 'checked') return { kind: 'presentation_attack', trackId: face.trackId, status: 'checked', score: check.score, threshold: check.threshold, modelId: check.modelId, calibrationVersion: check.calibrationVersion };
  return { kind: 'presentation_attack', trackId: face.trackId, status: 'not_checked', reason: check.reason, ...(check.modelId ? { modelId: check.modelId } : {}) };
}

/**
 * The presentation-attack rule: with PAD on (a check on the face), a flagged best shot is a referral the officer
 * sees ("possible photo or screen"), and a shot PAD could not check is a warning saying so: never a silent pass.
 * With PAD off the face carries no check and nothing is added. The evidence records the score, threshold, model and
 * calibration the flag rests on.
 */
export function presentationAttackReasons(face: PresentationAttackFace | undefined): Reason[] {
  const check = face?.presentationAttack;
  const evidence = presentationAttackEvidence(face);
  if (!check || !evidence) return [];
  if (check.status === 'checked') {
    if (!check.flagged) return [];
    return [
      {
        code: 'presentation_attack_suspected',
        severity: 'refer',
        message: `possible photo or screen: presentation-attack score ${check.score.toFixed(3)} is below ${check.threshold.toFixed(3)} (${check.modelId}); look at the person, not a picture of them`,
        evidence: [evidence],
      },
    ];
  }
  return [
    {
      code: 'presentation_attack_not_checked',
      severity: 'warning',
      message: `not checked for a photo or screen (${check.reason}): make sure a live person is in front of the camera`,
      evidence: [evidence],
    },
  ];
}
