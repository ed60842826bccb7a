import type { DepartureEvidence as Evidence, DepartureRecord } from '../../../app/inspection/exit/departureRecord';
import { policyOfDecision } from '../../../app/policy/policyOfDecision';
import type { PolicySet } from '../../../app/policy/policySet';
import type { StoredDeparture } from '../../storage/decisionStoreTypes';
import { departureEvidenceLines, exitPolicyRuleText, officerChoiceLine } from './departureLabels';

const when = (iso: string) => new Date(iso).toLocaleString();

/** The policy the departure was recorded under (its recorded id), and what that policy says at exit: what it is judged by. */
function DeparturePolicy({ departure, policies }: { departure: DepartureRecord; policies: PolicySet }) {
  const judgedBy = policyOfDecision(policies, { policyId: departure.versions.policy, decidedAt: departure.departedAt });
  return (
    <dd data-testid="departure-policy">
      {judgedBy.kind === 'unknown'
        ? `${departure.versions.policy}: not among this booth's policies (judge it by the rule in force on ${departure.departedAt.slice(0, 10)})`
        : `${judgedBy.policy.title} (${judgedBy.policy.id})`}
      {judgedBy.kind !== 'unknown' && <span className="muted"> · {exitPolicyRuleText(judgedBy.policy, departure.evidence.method)}</span>}
    </dd>
  );
}

function OfficerChoice({ evidence }: { evidence: Evidence }) {
  const line = officerChoiceLine(evidence);
  return (
    <>
      <h3>Officer's choice</h3>
      <p data-testid="departure-officer-choice" className={line ? undefined : 'muted'}>
        {line ?? 'none: the booth identified the traveller on its own'}
      </p>
    </>
  );
}

/**
 * A departure under review (an exit lane's confirmation made offline): who left, where and when, what the officer
 * chose (a look-alike over another, an opt-out) and the evidence, with the policy it was recorded under, as a
 * decision is shown.
 */
export function DepartureEvidence({ stored, policies }: { stored: StoredDeparture; policies: PolicySet }) {
  const { departure, offline } = stored;
  const face = departure.versions.faceModel;
  return (
    <>
      <p className="review-outcome outcome-clear" data-testid="departure-outcome">
        Departure recorded: {departure.travellerId}
        {offline && (
          <span className="flag warn" data-testid="offline-flag">
            offline: recorded without the records service
          </span>
        )}
      </p>
      <dl className="review-facts">
        <dt>Officer</dt>
        <dd>{departure.officer}</dd>
        <dt>Departed</dt>
        <dd>{when(departure.departedAt)}</dd>
        <dt>Where</dt>
        <dd>
          {departure.port} · {departure.lane.laneType} lane {departure.lane.laneId}
          {departure.plate ? ` · plate ${departure.plate}` : ''}
        </dd>
        <dt>Direction</dt>
        <dd data-testid="decision-direction">Exit</dd>
        <dt>Stay</dt>
        <dd>{departure.overstayDays === null ? 'duration of status (no admit-until date)' : departure.overstayDays === 0 ? 'on time' : `overstay ${departure.overstayDays} day${departure.overstayDays === 1 ? '' : 's'}`}</dd>
        <dt>Policy</dt>
        <DeparturePolicy departure={departure} policies={policies} />
      </dl>
      <OfficerChoice evidence={departure.evidence} />
      <h3>Evidence</h3>
      <ul className="review-evidence" data-testid="evidence">
        {departureEvidenceLines(departure).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <h3>Versions</h3>
      <p className="review-versions" data-testid="versions">
        Rules {departure.versions.rules} · {face ? `face model ${face.modelId} v${face.modelVersion} · calibration ${face.calibrationVersion}` : 'no face model'}
      </p>
    </>
  );
}
