import type { DecisionRecord } from '../../app/inspection/officerDecision';

/**
 * What an audit entry says of a decision, real (`decision`) or training (`training_decision`): the outcome against the
 * recommendation, the reasons, the direction and the policy in force. One place, so the two entries never drift apart;
 * each recorder adds only what is its own (the outbox and review facts, or the run).
 */
export function decisionAuditDetails(decision: DecisionRecord) {
  return {
    outcome: decision.outcome,
    recommended: decision.recommended,
    overridden: decision.overridden,
    ruleReasons: [...decision.ruleReasons],
    officerReasons: [...decision.officerReasons],
    ...(decision.direction ? { direction: decision.direction } : {}),
    ...(decision.policyId ? { policyId: decision.policyId } : {}),
  };
}
