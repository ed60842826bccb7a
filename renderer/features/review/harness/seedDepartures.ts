import { faceIdentifiedDeparture } from '../../../../app/inspection/exit/testSupport/faceIdentifiedDeparture';
import { finalRulePolicy } from '../../../../app/policy/testSupport/shippedPolicies';
import type { ExitConfirmation } from '../../../storage/DepartureRecorder';

/**
 * What an exit lane confirms while the records service is down, for the review tests: Ada Okafor picked by the
 * officer over her identical twin (the search was ambiguous; the face passed the PAD check), and a U.S. citizen's
 * photography opt-out, both under the 90 FR 48604 policy. Ids sort in that order (the queue lists items recorded together by id).
 */
export function offlineDepartures(officer: string, at: string): ExitConfirmation {
  const versions = { rules: 'exit-rules-2026.12.3', policy: finalRulePolicy.id, faceModel: { modelId: 'fr_feature', modelVersion: '1', calibrationVersion: 'lfw-2026-12' } };
  const picked = faceIdentifiedDeparture(1, 'EX-0005', {
    departureId: `departure-review-a-picked-${at}`,
    departedAt: at,
    officer,
    versions,
    evidence: {
      method: 'face_identification',
      trackId: 't5',
      candidateId: 'EX-0005',
      score: 0.612,
      threshold: 0.5,
      calibratedFpir: { fpir: 2e-4, bound: false, text: '1 in 5,000' },
      gallerySize: 6,
      officerChoice: { among: [{ candidateId: 'EX-0005', score: 0.612 }, { candidateId: 'EX-0006', score: 0.604 }], chosenAt: at },
      presentationAttack: { kind: 'presentation_attack', trackId: 't5', status: 'checked', score: 0.04, threshold: 0.5, modelId: 'pad-model', calibrationVersion: 'pad-cal-1' },
    },
  });
  const optOut = faceIdentifiedDeparture(2, 'EX-0003', { departureId: `departure-review-b-opt-out-${at}`, departedAt: at, officer, versions, overstayDays: null, evidence: { method: 'opt_out', declaredAt: at } });
  return { sessionId: `exit-review-${at}`, departures: [picked, optOut], citizens: [], optOuts: [{ occupantId: 'occupant-t3', travellerId: 'EX-0003', declaredAt: at }], resolutions: [{ occupantId: 'occupant-t5', choice: 'picked', candidates: 2 }], offline: true };
}
