import type { InspectionPolicy } from '../policy/inspectionPolicySchema';
import { faceNonMatchHandling } from '../policy/policyRules';
import type { LaneDirection } from '../settings/laneDirection';
import type { Occupant } from './assembleVehicleSession';
import { chipReasons } from './chipVerdictRules';
import type { Evidence, Reason } from './reasons';
import { faceNotComparedBecause, identityAgeYears } from './sessionIdentities';

/** What the rules are applied under: the policy in force at the instant of evaluation, and the lane's direction. */
export interface RuleContext {
  readonly policy: InspectionPolicy;
  readonly direction: LaneDirection;
}

/** What a face rule rests on: the best comparison made, the face that could not be compared, or the papers alone. */
function faceEvidence(occupant: Occupant, identityKey: string): Evidence[] {
  const best = occupant.bestComparison;
  if (best) {
    return [{ kind: 'face_match', trackId: best.trackId, identityKey, score: best.score, threshold: best.threshold, decision: best.decision, falseMatchRate: best.falseMatchRate }];
  }
  if (occupant.status === 'not_compared' && occupant.face) return [{ kind: 'faces_seen', trackIds: [occupant.face.trackId] }, { kind: 'identity', identityKey }];
  return [{ kind: 'identity', identityKey }];
}

/** Every reason that applies to one occupant; the outcome is derived from their severities. */
export function occupantReasons(occupant: Occupant, today: Date, { policy, direction }: RuleContext): Reason[] {
  const reasons: Reason[] = [];
  const identity = occupant.identity;
  if (!identity) {
    reasons.push({
      code: 'occupant_without_document',
      severity: 'refer',
      message: 'a person in the vehicle has no document, card or record matching their face',
      evidence: occupant.face ? [{ kind: 'faces_seen', trackIds: [occupant.face.trackId] }] : [],
    });
    return reasons;
  }

  const ageYears = identityAgeYears(identity, today);
  const ageEvidence: Evidence = { kind: 'age', ageYears, birthDate: identity.birthDate };
  if (occupant.status === 'opted_out' && occupant.optOut) {
    reasons.push({
      code: 'photography_opt_out',
      severity: 'warning',
      message: 'U.S. citizen opted out of photography: inspect the document by hand; no photograph is kept',
      evidence: [{ kind: 'opt_out', identityKey: identity.key, declaredAt: occupant.optOut.declaredAt, usCitizen: true }],
    });
  } else if (occupant.status === 'identity_without_face' || occupant.status === 'face_mismatch' || occupant.status === 'not_compared') {
    // not_compared is the same rule as papers with no matching face (the face is unverified), under its own code so a
    // supervisor reading only the codes (review queue, override alert) is not told the face did not match.
    const notCompared = occupant.status === 'not_compared' ? `${faceNotComparedBecause(identity)}: the face seen could not be verified` : null;
    const compared = faceEvidence(occupant, identity.key);
    // The policy says, by age band, whether a non-match is conclusive enough to force a referral.
    const handling = faceNonMatchHandling(policy, direction, ageYears);
    reasons.push(
      handling === 'mandatory_referral'
        ? {
            code: notCompared ? 'face_not_compared' : 'face_not_matched',
            severity: 'mandatory',
            message: notCompared ?? (occupant.status === 'face_mismatch' ? 'the face seen does NOT match this traveller\'s document or record photos' : 'no face seen matches this traveller\'s document or record photos'),
            evidence: [...compared, ageEvidence],
          }
        : {
            code: notCompared ? 'face_not_compared_age_exempt' : 'face_not_matched_age_exempt',
            // compare_by_eye: someone is there with these papers and does not match them, so the officer must compare
            // by eye and give a reason to clear; with no face seen at all, or no photo to compare it with, it is a
            // warning to look. refer: a referral either way.
            severity: handling === 'refer' || occupant.status === 'face_mismatch' ? 'refer' : 'warning',
            message: `${notCompared ?? 'no face match'}, but at ${ageYears} face matching is unreliable: compare by eye`,
            evidence: [...compared, ageEvidence],
          },
    );
  }

  const chip = identity.document?.chip;
  if (chip) reasons.push(...chipReasons(chip, policy));

  const record = identity.record;
  for (const alert of record?.alerts ?? []) {
    const evidence: Evidence[] = [{ kind: 'record_alert', recordId: record?.recordId ?? '', alertId: alert.alertId, alertKind: alert.kind, severity: alert.severity }];
    switch (alert.kind) {
      case 'lookout':
        reasons.push({ code: 'lookout_hit', severity: alert.severity === 'hit' ? 'mandatory' : 'warning', message: alert.summary, evidence });
        break;
      case 'overstay':
        reasons.push({ code: 'overstay', severity: 'refer', message: alert.summary, evidence });
        break;
      case 'prior_removal':
        reasons.push({ code: 'prior_removal', severity: 'refer', message: alert.summary, evidence });
        break;
      case 'visa':
      case 'vehicle':
        reasons.push({ code: 'record_alert', severity: alert.severity === 'hit' ? 'refer' : 'info', message: alert.summary, evidence });
        break;
    }
  }
  if (record && (record.visa.status === 'expired' || record.visa.status === 'revoked')) {
    reasons.push({ code: 'visa_invalid', severity: 'refer', message: `visa ${record.visa.status}`, evidence: [{ kind: 'visa', recordId: record.recordId, status: record.visa.status }] });
  }

  // Document validity comes from the document rules (expiry, lane, age bands); only their verdicts are mapped here.
  const document = identity.document;
  for (const finding of document?.rules.findings ?? []) {
    if (finding.severity === 'info') continue;
    reasons.push({
      code: finding.severity === 'refuse' ? 'document_refused' : 'document_warning',
      severity: finding.severity === 'refuse' ? 'refer' : 'warning',
      message: finding.message,
      evidence: [{ kind: 'document_rule', readId: document?.read.readId ?? '', code: finding.code, severity: finding.severity }],
    });
  }

  if (identity.recordStatus === 'unavailable') {
    reasons.push({ code: 'records_unavailable', severity: 'warning', message: `records could not be checked (${identity.recordError?.message ?? 'service unavailable'})`, evidence: identity.recordError ? [{ kind: 'records_outage', code: identity.recordError.code, message: identity.recordError.message }] : [] });
  } else if (identity.recordStatus === 'not_found') {
    reasons.push({ code: 'no_record', severity: 'info', message: 'the records service has no record of this traveller', evidence: [{ kind: 'identity', identityKey: identity.key }] });
  }
  return reasons;
}
