import type { Recommendation } from '../../../app/inspection/evaluateVehicleSession';
import type { DecisionState } from '../../state/laneSlice';

/** What the rules recommend, and what the officer decided (shown as recorded only once it is durable). */
export function RecommendationLine({ recommendation, decision, testId }: { recommendation: Recommendation; decision: DecisionState | undefined; testId: string }) {
  const advice = recommendation.mandatory ? 'REFER (mandatory)' : recommendation.outcome === 'refer' ? 'Refer' : 'Clear';
  let status: string;
  let phase: string;
  if (!decision) {
    phase = 'undecided';
    status = 'Not decided';
  } else if (decision.phase === 'saving') {
    phase = 'saving';
    status = `Recording ${decision.outcome}…`;
  } else if (decision.phase === 'failed') {
    phase = 'failed';
    status = `NOT recorded: ${decision.message}`;
  } else {
    phase = 'recorded';
    status = `${decision.decision.outcome === 'clear' ? 'Cleared' : 'Referred'} · recorded`;
  }
  return (
    <p className={`recommendation advice-${recommendation.outcome} decision-${phase}`} data-testid={testId} data-advice={recommendation.outcome} data-mandatory={recommendation.mandatory} data-decision={decision?.phase === 'recorded' ? decision.decision.outcome : phase}>
      <span className="advice">Rules: {advice}</span>
      <span className="decision-status">{status}</span>
    </p>
  );
}
