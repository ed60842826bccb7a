import type { LaneDirection } from '../settings/laneDirection';
import type { InspectionPolicy } from './inspectionPolicySchema';
import { faceNonMatchHandling } from './policyRules';
import { policyById, policyInForce, type PolicySet } from './policySet';

/**
 * The policy a recorded decision is judged by: the one whose id it recorded (whatever is in force today), or, for a
 * decision recorded before policies were data, the one in force when it was made. `unknown`: the booth no longer
 * knows the recorded policy (its file was removed) or none was in force then; a reviewer is told, never handed
 * today's rule in its place.
 */
export type DecisionPolicy =
  | { readonly kind: 'recorded' | 'in_force_then'; readonly policy: InspectionPolicy }
  | { readonly kind: 'unknown'; readonly policyId: string | null };

export function policyOfDecision(policies: PolicySet, decision: { readonly policyId?: string; readonly decidedAt: string }): DecisionPolicy {
  if (decision.policyId !== undefined) {
    const policy = policyById(policies, decision.policyId);
    return policy ? { kind: 'recorded', policy } : { kind: 'unknown', policyId: decision.policyId };
  }
  const policy = policyInForce(policies, new Date(decision.decidedAt));
  return policy ? { kind: 'in_force_then', policy } : { kind: 'unknown', policyId: null };
}

/** The face rule the decision was made under, in words, e.g. "at 86 (entry), a face non-match is a mandatory referral". */
export function faceRuleOfDecision(policy: InspectionPolicy, direction: LaneDirection, ageYears: number | null): string {
  const handling = faceNonMatchHandling(policy, direction, ageYears).replaceAll('_', ' ');
  return `${ageYears === null ? 'age unknown' : `at ${ageYears}`} (${direction}), a face non-match is ${handling === 'refer' ? 'a referral' : handling === 'compare by eye' ? 'compared by eye' : `a ${handling}`}`;
}
