import type { Clock } from '../ports/Clock';
import type { Ids } from '../ports/Ids';
import type { LaneDirection } from '../settings/laneDirection';
import { evidenceOf, type DecisionSubject, type Outcome, type Recommendation } from './evaluateVehicleSession';
import type { DecisionVersions, Evidence, ReasonCode } from './reasons';

/** Reasons an officer picks from the list when deciding against the recommendation or referring on their own. */
export const officerReasonCodes = ['officer_observation', 'document_inspected_by_hand', 'face_compared_by_eye', 'records_checked_by_phone', 'behaviour', 'other'] as const;
export type OfficerReasonCode = (typeof officerReasonCodes)[number];

export interface OfficerAction {
  readonly officer: string;
  readonly outcome: Outcome;
  /** Required when the officer clears what the rules would refer. */
  readonly reasons: readonly OfficerReasonCode[];
  readonly note?: string;
}

/** The decision as recorded: who decided what, on which evidence, under which rules, model and threshold. */
export interface DecisionRecord {
  readonly decisionId: string;
  readonly subject: DecisionSubject;
  readonly outcome: Outcome;
  readonly recommended: Outcome;
  /** The officer cleared what the rules would have referred (never possible for a mandatory referral). */
  readonly overridden: boolean;
  readonly officer: string;
  readonly decidedAt: string;
  readonly ruleReasons: readonly ReasonCode[];
  readonly officerReasons: readonly OfficerReasonCode[];
  readonly note?: string;
  readonly evidence: readonly Evidence[];
  readonly versions: DecisionVersions;
  readonly route: Recommendation['route'];
  /** False for a traveller who opted out of photography: no face image or template is kept with this decision. */
  readonly biometricRetained: boolean;
  /**
   * The lane's direction and the policy the rules were applied under (a review judges the decision by it). Absent
   * only from decisions recorded before policies were data: they were made at entry under the policy then in force.
   */
  readonly direction?: LaneDirection;
  readonly policyId?: string;
}

/** An officer tried to clear a mandatory referral: nothing is decided, a supervisor is told. */
export interface SupervisorAlert {
  readonly alertId: string;
  readonly code: 'override_attempt_on_mandatory_referral';
  readonly subject: DecisionSubject;
  readonly officer: string;
  readonly at: string;
  readonly mandatoryReasons: readonly ReasonCode[];
  readonly message: string;
}

export type OfficerDecisionResult =
  | { readonly kind: 'recorded'; readonly decision: DecisionRecord }
  | { readonly kind: 'override_refused'; readonly alert: SupervisorAlert }
  | { readonly kind: 'reason_required'; readonly message: string };

/** Applies the officer's keystroke to a recommendation, enforcing the no-override rule. */
export function applyOfficerDecision(recommendation: Recommendation, action: OfficerAction, clock: Clock, ids: Ids): OfficerDecisionResult {
  const at = clock.now().toISOString();
  if (recommendation.mandatory && action.outcome === 'clear') {
    const mandatoryReasons = recommendation.reasons.filter((r) => r.severity === 'mandatory').map((r) => r.code);
    return {
      kind: 'override_refused',
      alert: {
        alertId: ids.next('supervisor-alert'),
        code: 'override_attempt_on_mandatory_referral',
        subject: recommendation.subject,
        officer: action.officer,
        at,
        mandatoryReasons,
        message: `${action.officer} tried to clear a mandatory referral (${mandatoryReasons.join(', ')}); the referral stands`,
      },
    };
  }
  const overridden = recommendation.outcome === 'refer' && action.outcome === 'clear';
  if (overridden && action.reasons.length === 0) return { kind: 'reason_required', message: 'clearing against a referral needs a reason from the list' };
  const evidence = recommendation.biometric.retained ? evidenceOf(recommendation) : evidenceOf(recommendation).filter((e) => e.kind !== 'face_match');
  return {
    kind: 'recorded',
    decision: {
      decisionId: ids.next('decision'),
      subject: recommendation.subject,
      outcome: action.outcome,
      recommended: recommendation.outcome,
      overridden,
      officer: action.officer,
      decidedAt: at,
      ruleReasons: recommendation.reasons.map((r) => r.code),
      officerReasons: action.reasons,
      ...(action.note ? { note: action.note } : {}),
      evidence,
      versions: recommendation.versions,
      route: recommendation.route,
      biometricRetained: recommendation.biometric.retained,
      direction: recommendation.direction,
      policyId: recommendation.policyId,
    },
  };
}
