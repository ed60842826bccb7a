import type { CalibratedRate } from '../biometrics/calibration';
import type { MatchProvenance } from '../biometrics/faceMatching';
import type { ChipCheckName, ChipCheckStatus } from '../document/lds/chipCheck';
import type { ChipVerdict } from '../document/lds/chipVerdict';
import type { DocumentRuleCode, DocumentRuleSeverity } from '../document/rules/evaluateDocumentRules';
import type { RecordAlert } from '../ports/travellerRecord';

/** Bumped whenever a decision rule changes, so every decision says which rules it was made under. */
// 2026.12.1: presentation-attack reasons (only with PAD on). 2026.12.2: a clone check the chip offered and could not be made.
export const inspectionRulesVersion = 'inspection-rules-2026.12.2';

export type ReasonCode =
  /** The face seen matches the identity (information: the evidence of the match). */
  | 'face_matched'
  /** Age 14-79 and no face seen matches the document: mandatory, no officer override. */
  | 'face_not_matched'
  /** No face match, but the traveller is under 14 or over 79, where face matching is unreliable: the officer compares by eye. */
  | 'face_not_matched_age_exempt'
  /**
   * Age 14-79 and a face seen but no reference photo to compare it with (a one-traveller lane, a scan without a
   * chip read): mandatory, as with no face. Decisions before inspection-rules-2026.11.2 recorded it as face_not_matched.
   */
  | 'face_not_compared'
  /** No reference photo to compare the face seen with, and the traveller is under 14 or over 79: the officer compares by eye. */
  | 'face_not_compared_age_exempt'
  | 'passive_authentication_failed'
  /**
   * Passive Authentication could not be made (no CSCA for the state in the trust list, a data group not read, no
   * usable CRL where one is needed): nothing proves the chip data genuine. Severity from the chip policy (refer by default).
   */
  | 'passive_authentication_not_verifiable'
  /** Active or Chip Authentication failed: the chip may be a clone. */
  | 'chip_clone_suspected'
  /**
   * The chip offers Active or Chip Authentication (DG15, DG14) but none could be made (an ECDSA hash this booth cannot
   * compute, a key it cannot use) and none passed: nothing shows it is not a copy. Severity from the policy (refer by default).
   */
  | 'chip_clone_check_not_made'
  | 'chip_data_mismatch'
  | 'chip_not_read'
  | 'lookout_hit'
  | 'overstay'
  | 'visa_invalid'
  | 'prior_removal'
  | 'record_alert'
  | 'document_refused'
  | 'document_warning'
  | 'no_record'
  | 'records_unavailable'
  /** A face in the vehicle with no document, card or record. */
  | 'occupant_without_document'
  | 'photography_opt_out'
  | 'opt_out_not_eligible'
  | 'vehicle_alert'
  | 'occupant_referred'
  | 'plate_no_record'
  | 'plate_owner_not_present'
  | 'rfid_count_mismatch'
  | 'rfid_no_record'
  /** PAD on: the face's best shot scored below the calibrated threshold ("possible photo or screen"). */
  | 'presentation_attack_suspected'
  /** PAD on, but it could not check the face (model failed, crop unusable, no verified model): not a pass. */
  | 'presentation_attack_not_checked';

/**
 * mandatory: referral that no officer can override (a supervisor is alerted instead);
 * refer: referral the officer may override with a reason; warning: the officer must look; info: shown only.
 */
export type ReasonSeverity = 'mandatory' | 'refer' | 'warning' | 'info';

export type Evidence =
  | {
      readonly kind: 'face_match';
      readonly trackId: string;
      readonly identityKey: string;
      readonly score: number;
      readonly threshold: number;
      readonly decision: 'match' | 'no_match';
      readonly falseMatchRate: CalibratedRate;
      readonly bestShotEmbeddingId?: string;
    }
  | { readonly kind: 'faces_seen'; readonly trackIds: readonly string[] }
  | { readonly kind: 'identity'; readonly identityKey: string }
  | { readonly kind: 'age'; readonly ageYears: number | null; readonly birthDate: string | null }
  | { readonly kind: 'chip_check'; readonly reportId: string; readonly check: ChipCheckName; readonly status: ChipCheckStatus; readonly reason?: string }
  | { readonly kind: 'chip_report'; readonly reportId: string; readonly outcome: 'read' | 'failed'; readonly verdict?: ChipVerdict; readonly error?: string }
  | { readonly kind: 'record_alert'; readonly recordId: string; readonly alertId: string; readonly alertKind: RecordAlert['kind']; readonly severity: RecordAlert['severity'] }
  | { readonly kind: 'visa'; readonly recordId: string; readonly status: string }
  | { readonly kind: 'document_rule'; readonly readId: string; readonly code: DocumentRuleCode; readonly severity: DocumentRuleSeverity }
  | { readonly kind: 'plate_read'; readonly readId: string; readonly plate: string; readonly region: string; readonly confidence: number }
  | { readonly kind: 'vehicle_record'; readonly vehicleId: string }
  | { readonly kind: 'rfid_cards'; readonly readIds: readonly string[]; readonly count: number }
  | { readonly kind: 'records_outage'; readonly code: string; readonly message: string }
  | { readonly kind: 'opt_out'; readonly identityKey: string; readonly declaredAt: string; readonly usCitizen: boolean }
  | { readonly kind: 'occupant'; readonly occupantId: string }
  | {
      readonly kind: 'presentation_attack';
      readonly trackId: string;
      readonly status: 'checked' | 'not_checked';
      readonly score?: number;
      readonly threshold?: number;
      readonly modelId?: string;
      readonly calibrationVersion?: string;
      readonly reason?: string;
    };

export interface Reason {
  readonly code: ReasonCode;
  readonly severity: ReasonSeverity;
  readonly message: string;
  readonly evidence: readonly Evidence[];
}

/** What a decision was made with: the rules, and the face model and threshold (even when no face was compared). */
export interface DecisionVersions {
  readonly rules: string;
  readonly faceModel: MatchProvenance;
}
