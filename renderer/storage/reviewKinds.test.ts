import { describe, expect, it } from 'vitest';
import { reviewKindsOfDecision } from './reviewKinds';

describe('review kinds of chip verdicts', () => {
  const facts = { outcome: 'refer', overridden: false, offline: false, mandatory: false } as const;
  it('a chip that could not be verified is its own review item, not a chip failure', () => {
    expect(reviewKindsOfDecision({ ...facts, ruleReasons: ['passive_authentication_not_verifiable'] })).toEqual(['chip_not_verifiable']);
    expect(reviewKindsOfDecision({ ...facts, mandatory: true, ruleReasons: ['passive_authentication_failed'] })).toEqual(['forced_referral', 'chip_failure']);
  });
});
