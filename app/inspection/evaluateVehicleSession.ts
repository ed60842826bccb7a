import { citizenshipCategoryOf } from '../policy/citizenshipCategory';
import { photographyCollection } from '../policy/policyRules';
import type { Clock } from '../ports/Clock';
import type { LaneDirection } from '../settings/laneDirection';
import { assertNever } from '../shared/assertNever';
import { isEligibleOptOut, type Occupant, type VehicleSession } from './assembleVehicleSession';
import { occupantReasons } from './occupantRules';
import { presentationAttackReasons } from './presentationAttackReason';
import { identityAgeYears } from './sessionIdentities';
import { inspectionRulesVersion, type DecisionVersions, type Evidence, type Reason, type ReasonSeverity } from './reasons';

export type Outcome = 'clear' | 'refer';

export type DecisionSubject = { readonly kind: 'occupant'; readonly occupantId: string; readonly identityKey?: string } | { readonly kind: 'vehicle'; readonly sessionId: string };

/** What the rules recommend for one occupant or the vehicle, with everything it rests on. */
export interface Recommendation {
  readonly subject: DecisionSubject;
  readonly outcome: Outcome;
  /** A mandatory referral: the officer cannot clear it (an attempt alerts a supervisor). */
  readonly mandatory: boolean;
  readonly reasons: readonly Reason[];
  /** Where the inspection goes: the usual path, or a manual document inspection (photography opt-out). */
  readonly route: 'standard' | 'manual_document_inspection';
  /** Whether a face image or template of this person may be kept with the decision. */
  /** outside_collection: the policy in force does not collect this person's face (e.g. an exempt age band). */
  readonly biometric: { readonly retained: boolean; readonly reason?: 'us_citizen_opted_out' | 'no_face' | 'outside_collection' };
  readonly versions: DecisionVersions;
  /** The policy the rules were applied under (recorded with the decision; a review judges by it). */
  readonly policyId: string;
  readonly direction: LaneDirection;
  readonly evaluatedAt: string;
}

export interface SessionRecommendations {
  readonly occupants: readonly Recommendation[];
  readonly vehicle: Recommendation;
}

const referring: readonly ReasonSeverity[] = ['mandatory', 'refer'];

/** Applies every decision rule to an assembled session. Pure; the clock only stamps the result. */
export function evaluateVehicleSession(session: VehicleSession, clock: Clock): SessionRecommendations {
  const now = clock.now();
  const evaluatedAt = now.toISOString();
  const versions = (occupant?: Occupant): DecisionVersions => {
    const m = occupant?.match ?? occupant?.bestComparison ?? session.input.matchPolicy;
    return { rules: inspectionRulesVersion, faceModel: { modelId: m.modelId, modelVersion: m.modelVersion, calibrationVersion: m.calibrationVersion, targetFmr: m.targetFmr, threshold: m.threshold } };
  };

  const { policy, direction } = session.input;
  /** Whether the policy collects this occupant's face (someone without papers is unknown: the strictest reading). */
  const collected = (occupant: Occupant): boolean => {
    const identity = occupant.identity;
    if (!identity) return photographyCollection(policy, direction, 'non_citizen', null) !== 'exempt';
    return photographyCollection(policy, direction, citizenshipCategoryOf(identity), identityAgeYears(identity, now)) !== 'exempt';
  };
  const occupants = session.occupants.map((occupant): Recommendation => {
    const reasons = [...occupantReasons(occupant, now, { policy, direction }), ...presentationAttackReasons(occupant.face)];
    if (occupant.match && occupant.face && occupant.identity) {
      const match = occupant.match;
      reasons.unshift({
        code: 'face_matched',
        severity: 'info',
        message: `face matches (false-match rate ${match.falseMatchRate.text})`,
        evidence: [
          { kind: 'face_match', trackId: occupant.face.trackId, identityKey: occupant.identity.key, score: match.score, threshold: match.threshold, decision: match.decision, falseMatchRate: match.falseMatchRate, bestShotEmbeddingId: occupant.face.bestShotEmbeddingId },
          // The occupant's face lost and seen again as other tracks (faceSeenAgain.ts): named, so the record says why they are no one else.
          ...(occupant.seenAgain?.length ? [{ kind: 'faces_seen' as const, trackIds: [occupant.face.trackId, ...occupant.seenAgain.map((f) => f.trackId)] }] : []),
        ],
      });
    }
    const attempted = session.input.photographyOptOuts.find((o) => o.identityKey === occupant.identity?.key);
    if (attempted && !isEligibleOptOut(session.input, session.identities, attempted)) {
      const category = occupant.identity ? citizenshipCategoryOf(occupant.identity) : 'non_citizen';
      const who = policy.optOut[direction].map((c) => c.replaceAll('_', ' ')).join(', ');
      const rule = who ? `only ${who} may opt out of photography` : `no one may opt out of photography at ${direction}`;
      reasons.push({ code: 'opt_out_not_eligible', severity: 'warning', message: `${rule} (${policy.id}): the photograph is required`, evidence: [{ kind: 'opt_out', identityKey: attempted.identityKey, declaredAt: attempted.declaredAt, usCitizen: category === 'us_citizen' }] });
    }
    const optedOut = occupant.status === 'opted_out';
    return {
      subject: { kind: 'occupant', occupantId: occupant.occupantId, ...(occupant.identity ? { identityKey: occupant.identity.key } : {}) },
      ...verdict(reasons),
      reasons,
      route: optedOut ? 'manual_document_inspection' : 'standard',
      biometric: optedOut ? { retained: false, reason: 'us_citizen_opted_out' } : !occupant.face ? { retained: false, reason: 'no_face' } : collected(occupant) ? { retained: true } : { retained: false, reason: 'outside_collection' },
      versions: versions(occupant),
      policyId: policy.id,
      direction,
      evaluatedAt,
    };
  });

  const vehicleReasons: Reason[] = [];
  const referred = occupants.filter((o) => o.outcome === 'refer');
  if (referred.length > 0) {
    vehicleReasons.push({
      code: 'occupant_referred',
      severity: referred.some((o) => o.mandatory) ? 'mandatory' : 'refer',
      message: `${referred.length} of ${occupants.length} occupant(s) referred`,
      evidence: referred.map((o) => ({ kind: 'occupant', occupantId: o.subject.kind === 'occupant' ? o.subject.occupantId : '' })),
    });
  }
  for (const alert of session.vehicleRecord?.alerts ?? []) {
    vehicleReasons.push({
      code: 'vehicle_alert',
      severity: alert.severity === 'hit' ? 'mandatory' : 'warning',
      message: alert.summary,
      evidence: [{ kind: 'vehicle_record', vehicleId: session.vehicleRecord?.vehicleId ?? '' }],
    });
  }
  for (const flag of session.flags) {
    switch (flag.code) {
      case 'plate_no_record':
      case 'plate_owner_not_present':
      case 'rfid_count_mismatch':
      case 'rfid_no_record':
        vehicleReasons.push({ code: flag.code, severity: 'warning', message: flag.message, evidence: flag.evidence });
        break;
      case 'records_unavailable':
        vehicleReasons.push({ code: 'records_unavailable', severity: 'warning', message: flag.message, evidence: flag.evidence });
        break;
      case 'face_mismatch':
      case 'face_not_compared':
      case 'unmatched_face':
      case 'unmatched_document':
        // Already a reason of the occupant concerned, which refers the vehicle through occupant_referred.
        break;
      default:
        assertNever(flag.code, 'consistency flag');
    }
  }
  const vehicle: Recommendation = {
    subject: { kind: 'vehicle', sessionId: session.input.sessionId },
    ...verdict(vehicleReasons),
    reasons: vehicleReasons,
    route: occupants.some((o) => o.route === 'manual_document_inspection') ? 'manual_document_inspection' : 'standard',
    biometric: { retained: occupants.some((o) => o.biometric.retained) },
    versions: versions(),
    policyId: policy.id,
    direction,
    evaluatedAt,
  };
  return { occupants, vehicle };
}

function verdict(reasons: readonly Reason[]): { outcome: Outcome; mandatory: boolean } {
  const mandatory = reasons.some((r) => r.severity === 'mandatory');
  return { outcome: reasons.some((r) => referring.includes(r.severity)) ? 'refer' : 'clear', mandatory };
}

/** All evidence a recommendation rests on, flattened (for the decision record). */
export function evidenceOf(recommendation: Recommendation): readonly Evidence[] {
  return recommendation.reasons.flatMap((r) => r.evidence);
}
