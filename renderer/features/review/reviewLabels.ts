import type { OfficerReasonCode } from '../../../app/inspection/officerDecision';
import type { Evidence, ReasonCode } from '../../../app/inspection/reasons';
import type { DecisionRecord } from '../../../app/inspection/officerDecision';
import { assertNever } from '../../../app/shared/assertNever';
import type { ReviewKind } from '../../storage/reviewKinds';
import type { ReviewState } from '../../storage/rows';

/** Words the supervisor reads for the codes the store keeps. */

export const reviewKindLabels: Readonly<Record<ReviewKind, string>> = {
  override_attempt: 'Override attempt',
  dead_lettered_sync: 'Sync dead-lettered',
  forced_referral: 'Forced referral',
  override: 'Officer override',
  chip_failure: 'Chip failure',
  chip_not_verifiable: 'Chip not verifiable',
  offline_decision: 'Offline decision',
  storage_key_changed: 'Storage key changed',
};

export const reviewStateLabels: Readonly<Record<ReviewState, string>> = { open: 'Open', approved: 'Approved', returned: 'Returned' };

export const outcomeLabels: Readonly<Record<DecisionRecord['outcome'], string>> = { clear: 'Cleared', refer: 'Referred' };

export const routeLabels: Readonly<Record<DecisionRecord['route'], string>> = { standard: 'Standard', manual_document_inspection: 'Manual document inspection' };

export const reasonLabels: Readonly<Record<ReasonCode, string>> = {
  face_matched: 'Face matched the document',
  face_not_matched: 'Face did not match the document',
  face_not_matched_age_exempt: 'No face match (age exempt: compared by eye)',
  face_not_compared: 'Face not verified: no reference photo to compare it with',
  face_not_compared_age_exempt: 'Face not verified: no reference photo to compare it with (age exempt: compared by eye)',
  passive_authentication_failed: 'Chip passive authentication failed',
  passive_authentication_not_verifiable: 'Chip data not verifiable (signer not in the trust list, or a check could not be made)',
  chip_clone_suspected: 'Chip clone suspected',
  chip_clone_check_not_made: 'Clone check offered, not made',
  chip_data_mismatch: 'Chip data differs from the printed page',
  chip_not_read: 'Chip not read',
  lookout_hit: 'Lookout hit',
  overstay: 'Overstay',
  visa_invalid: 'Visa invalid',
  prior_removal: 'Prior removal',
  record_alert: 'Record alert',
  document_refused: 'Document refused',
  document_warning: 'Document warning',
  no_record: 'No record',
  records_unavailable: 'Records service unavailable',
  occupant_without_document: 'Occupant without document',
  photography_opt_out: 'Photography opt-out',
  opt_out_not_eligible: 'Opt-out not eligible',
  vehicle_alert: 'Vehicle alert',
  occupant_referred: 'An occupant was referred',
  plate_no_record: 'Plate has no record',
  plate_owner_not_present: 'Plate owner not present',
  rfid_count_mismatch: 'RFID card count differs from occupants',
  rfid_no_record: 'RFID card has no record',
  presentation_attack_suspected: 'Possible photo or screen (presentation attack)',
  presentation_attack_not_checked: 'Not checked for a photo or screen',
};

/** The rules versions that recorded a face seen with no reference photo to compare it with as face_not_matched(_age_exempt). */
const rulesBeforeFaceNotCompared: ReadonlySet<string> = new Set(['inspection-rules-2026.11.1']);

/**
 * The words for one rule reason of a stored decision. Decisions made before inspection-rules-2026.11.2 recorded a
 * face that could not be compared (no reference photo) as face_not_matched(_age_exempt); their stored codes stay as
 * they are, and such a decision is recognised by its rules version and its evidence: a face seen and no face
 * comparison at all (a real non-match always carries its comparison; papers with no face carry no face seen).
 */
export function ruleReasonLabel(code: ReasonCode, decision: Pick<DecisionRecord, 'evidence' | 'versions'>): string {
  const faceSeenNotCompared =
    rulesBeforeFaceNotCompared.has(decision.versions.rules) && decision.evidence.some((e) => e.kind === 'faces_seen') && !decision.evidence.some((e) => e.kind === 'face_match');
  if (faceSeenNotCompared && code === 'face_not_matched') return reasonLabels.face_not_compared;
  if (faceSeenNotCompared && code === 'face_not_matched_age_exempt') return reasonLabels.face_not_compared_age_exempt;
  return reasonLabels[code];
}

export const officerReasonLabels: Readonly<Record<OfficerReasonCode, string>> = {
  officer_observation: 'Own observation',
  document_inspected_by_hand: 'Document inspected by hand',
  face_compared_by_eye: 'Face compared by eye',
  records_checked_by_phone: 'Records checked by phone',
  behaviour: 'Behaviour',
  other: 'Other (see note)',
};

/** snake_case and camelCase codes as words: 'chip_not_read', 'validityBelowMinimum' -> 'validity below minimum'. */
const words = (code: string) => code.replaceAll('_', ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/** One line per piece of evidence, with the figures a supervisor checks (score against threshold, check results). */
export function describeEvidence(evidence: Evidence): string {
  switch (evidence.kind) {
    case 'face_match':
      return `Face ${evidence.decision === 'match' ? 'match' : 'NO match'}: score ${evidence.score.toFixed(3)} vs threshold ${evidence.threshold.toFixed(3)}, false match ${evidence.falseMatchRate.text} (track ${evidence.trackId})`;
    case 'faces_seen':
      return `Faces seen: ${evidence.trackIds.length} (${evidence.trackIds.join(', ') || 'none'})`;
    case 'identity':
      return `Identity: ${evidence.identityKey}`;
    case 'age':
      return `Age: ${evidence.ageYears ?? 'unknown'}${evidence.birthDate ? ` (born ${evidence.birthDate})` : ''}`;
    case 'chip_check':
      return `Chip check ${words(evidence.check)}: ${words(evidence.status)}${evidence.reason ? ` (${evidence.reason})` : ''}`;
    case 'chip_report':
      return `Chip read ${evidence.outcome}${evidence.error ? `: ${evidence.error}` : ''} (report ${evidence.reportId})`;
    case 'record_alert':
      return `Record alert ${words(evidence.alertKind)}, ${evidence.severity} (record ${evidence.recordId})`;
    case 'visa':
      return `Visa: ${evidence.status} (record ${evidence.recordId})`;
    case 'document_rule':
      return `Document rule ${words(evidence.code)}: ${evidence.severity}`;
    case 'plate_read':
      return `Plate ${evidence.plate} (${evidence.region}), confidence ${Math.round(evidence.confidence * 100)}%`;
    case 'vehicle_record':
      return `Vehicle record ${evidence.vehicleId}`;
    case 'rfid_cards':
      return `RFID cards: ${evidence.count}`;
    case 'records_outage':
      return `Records service outage: ${evidence.message} (${evidence.code})`;
    case 'opt_out':
      return `Photography opt-out declared ${evidence.declaredAt}${evidence.usCitizen ? ' (U.S. citizen)' : ''}`;
    case 'occupant':
      return `Occupant ${evidence.occupantId}`;
    case 'presentation_attack':
      return evidence.status === 'checked'
        ? `Presentation attack check: score ${evidence.score?.toFixed(3) ?? '?'} vs threshold ${evidence.threshold?.toFixed(3) ?? '?'} (${evidence.modelId ?? 'model unknown'}, calibration ${evidence.calibrationVersion ?? 'unknown'}; track ${evidence.trackId})`
        : `Presentation attack NOT checked: ${evidence.reason ?? 'no reason recorded'} (track ${evidence.trackId})`;
    default:
      return assertNever(evidence, 'evidence kind');
  }
}
