import type { DecisionRecord } from '../../app/inspection/officerDecision';
import type { ReasonCode } from '../../app/inspection/reasons';

/**
 * Why something is in the supervisor's queue. (Pure domain logic: it belongs in app/ once there is an app/decisions
 * area; it lives here because the migrations need it and this area may not write app/ folders other than its own.)
 */
export const reviewKinds = ['override_attempt', 'dead_lettered_sync', 'forced_referral', 'override', 'chip_failure', 'chip_not_verifiable', 'offline_decision', 'storage_key_changed'] as const;
export type ReviewKind = (typeof reviewKinds)[number];

const chipFailureReasons: readonly ReasonCode[] = ['chip_not_read', 'passive_authentication_failed', 'chip_clone_suspected', 'chip_data_mismatch'];

/** The facts of a decision that decide whether it needs review (all of them stored in clear). */
export interface DecisionReviewFacts {
  readonly outcome: DecisionRecord['outcome'];
  readonly overridden: boolean;
  readonly offline: boolean;
  readonly mandatory: boolean;
  readonly ruleReasons: readonly ReasonCode[];
}

/** Every reason this decision needs review, most important first (the order of `reviewKinds`); empty when none. */
export function reviewKindsOfDecision(facts: DecisionReviewFacts): ReviewKind[] {
  const kinds: ReviewKind[] = [];
  if (facts.mandatory && facts.outcome === 'refer') kinds.push('forced_referral');
  if (facts.overridden) kinds.push('override');
  if (facts.ruleReasons.some((r) => chipFailureReasons.includes(r))) kinds.push('chip_failure');
  // A chip nobody could verify (no CSCA for its state, no usable CRL) is not a failure, but a supervisor must see it.
  if (facts.ruleReasons.includes('passive_authentication_not_verifiable')) kinds.push('chip_not_verifiable');
  if (facts.offline) kinds.push('offline_decision');
  return kinds;
}

/** A decision made while the records service was unreachable: decided on what the booth had, reviewed afterwards. */
export const isOfflineDecision = (decision: Pick<DecisionRecord, 'ruleReasons'>): boolean => decision.ruleReasons.includes('records_unavailable');
