import { describe, expect, it } from 'vitest';
import { finalRulePolicy, pilotEraPolicy, shippedPolicies } from './testSupport/shippedPolicies';
import { faceRuleOfDecision, policyOfDecision } from './policyOfDecision';

// A recorded decision is judged by the policy it was made under, never by today's when that one is not known.

describe('the policy a recorded decision is judged by', () => {
  it('the policy whose id it recorded, whatever is in force today', () => {
    expect(policyOfDecision(shippedPolicies, { policyId: pilotEraPolicy.id, decidedAt: '2026-11-23T10:00:00Z' })).toEqual({ kind: 'recorded', policy: pilotEraPolicy });
  });

  it('a recorded policy the booth no longer has is unknown, not replaced by another', () => {
    expect(policyOfDecision(shippedPolicies, { policyId: 'removed-policy', decidedAt: '2026-11-23T10:00:00Z' })).toEqual({ kind: 'unknown', policyId: 'removed-policy' });
  });

  it('a decision recorded before policies were data: the one in force when it was made, or unknown when none was', () => {
    expect(policyOfDecision(shippedPolicies, { decidedAt: '2020-06-01T12:00:00Z' })).toEqual({ kind: 'in_force_then', policy: pilotEraPolicy });
    expect(policyOfDecision(shippedPolicies, { decidedAt: '2026-06-01T12:00:00Z' })).toEqual({ kind: 'in_force_then', policy: finalRulePolicy });
    expect(policyOfDecision(shippedPolicies, { decidedAt: '2001-06-01T12:00:00Z' })).toEqual({ kind: 'unknown', policyId: null });
  });
});

describe('the face rule a decision was made under, in words', () => {
  it('names the age and direction, and the handling of a non-match', () => {
    expect(faceRuleOfDecision(pilotEraPolicy, 'entry', 41)).toBe('at 41 (entry), a face non-match is a mandatory referral');
    expect(faceRuleOfDecision(pilotEraPolicy, 'exit', 86)).toBe('at 86 (exit), a face non-match is compared by eye');
    expect(faceRuleOfDecision(finalRulePolicy, 'entry', 10)).toBe('at 10 (entry), a face non-match is a referral');
    expect(faceRuleOfDecision(pilotEraPolicy, 'entry', null)).toBe('age unknown (entry), a face non-match is a mandatory referral');
  });
});
