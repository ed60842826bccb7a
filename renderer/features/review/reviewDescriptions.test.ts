import { describe, expect, it } from 'vitest';
import { DecisionStoreError } from '../../storage/decisionStoreTypes';
import { sampleDecision } from '../../storage/testSupport/decisionFixtures';
import { parseReviewAlert } from './reviewAlert';
import { describeReviewProblem } from './reviewErrors';
import { describeEvidence } from './reviewLabels';

describe('what the supervisor reads', () => {
  it('names the figures of a face match and an outage', () => {
    expect(describeEvidence({ kind: 'face_match', trackId: 't-3', identityKey: 'doc:X', score: 0.38123, threshold: 0.42, decision: 'no_match', falseMatchRate: { fmr: 0.01, bound: false, text: '1 in 100' } })).toBe(
      'Face NO match: score 0.381 vs threshold 0.420, false match 1 in 100 (track t-3)',
    );
    expect(describeEvidence({ kind: 'document_rule', readId: 'r-1', code: 'validityBelowMinimum', severity: 'warn' })).toBe('Document rule validity below minimum: warn');
    expect(describeEvidence({ kind: 'chip_check', reportId: 'c-1', check: 'csca_chain', status: 'not_possible' })).toBe('Chip check csca chain: not possible');
    expect(sampleDecision(5).evidence.map(describeEvidence)).toEqual(['Identity: doc:UTO:L00000005', 'Age: 40 (born 1986-03-10)', 'Records service outage: records service timed out (timeout)']);
  });

  it('says which store refusal happened, also for an error from another bundle that only carries the code', () => {
    expect(describeReviewProblem(new DecisionStoreError('already_reviewed', 'review item r-1 was already approved by sup-2'), 'approve')).toEqual({
      code: 'already_reviewed',
      text: 'Already reviewed by someone else; the queue was updated (review item r-1 was already approved by sup-2)',
    });
    expect(describeReviewProblem(Object.assign(new Error('only a supervisor may review'), { code: 'not_permitted' }), 'approve').text).toMatch(/^You are not permitted to review/);
    expect(describeReviewProblem(new Error('QuotaExceededError'), 'return')).toEqual({ code: null, text: 'Could not return: QuotaExceededError' });
  });

  it('parses the sealed alert and keeps an unknown one visible as it is', () => {
    expect(parseReviewAlert(null)).toBeNull();
    expect(parseReviewAlert({ code: 'sync_dead_letter', alertId: 'a', itemId: 'o', idempotencyKey: 'decision:d', at: '2026-11-01T00:00:00Z', rejections: 3, lastError: '422', message: 'm', travellerKey: 'k' })).toMatchObject({ code: 'sync_dead_letter', rejections: 3 });
    expect(parseReviewAlert({ code: 'override_attempt_on_mandatory_referral', officer: 'o' })).toEqual({ code: 'unreadable', raw: '{"code":"override_attempt_on_mandatory_referral","officer":"o"}' });
  });
});
