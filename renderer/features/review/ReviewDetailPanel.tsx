import type { DecisionRecord } from '../../../app/inspection/officerDecision';
import { faceRuleOfDecision, policyOfDecision } from '../../../app/policy/policyOfDecision';
import type { PolicySet } from '../../../app/policy/policySet';
import { assertNever } from '../../../app/shared/assertNever';
import type { ReviewDetail } from '../../storage/decisionStoreTypes';
import { DepartureEvidence } from './DepartureEvidence';
import { formatAge } from './reviewAge';
import { parseReviewAlert, type ReviewAlert } from './reviewAlert';
import { describeEvidence, officerReasonLabels, outcomeLabels, reasonLabels, reviewKindLabels, reviewStateLabels, routeLabels, ruleReasonLabel } from './reviewLabels';
import { ReturnNoteField } from './ReturnNoteField';
import type { OpenedItem } from './useReviewController';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

function subjectText(subject: DecisionRecord['subject']): string {
  return subject.kind === 'vehicle' ? `Vehicle session ${subject.sessionId}` : `Occupant ${subject.occupantId}${subject.identityKey ? ` · ${subject.identityKey}` : ''}`;
}

function AlertBlock({ alert }: { alert: ReviewAlert }) {
  switch (alert.code) {
    case 'override_attempt_on_mandatory_referral':
      return (
        <section className="review-alert" data-testid="review-alert">
          <h3>Attempted override of a mandatory referral</h3>
          <p>{alert.message}</p>
          <p>
            By {alert.officer} at {when(alert.at)} · mandatory: {alert.mandatoryReasons.map((r) => (r in reasonLabels ? reasonLabels[r as keyof typeof reasonLabels] : r)).join(', ')}
          </p>
        </section>
      );
    case 'sync_dead_letter':
      return (
        <section className="review-alert" data-testid="review-alert">
          <h3>{alert.cause === 'unreadable' ? 'This decision cannot be synced: its stored copy does not open' : 'The records service kept rejecting this decision'}</h3>
          <p>{alert.message}</p>
          <p>
            {alert.cause === 'unreadable' ? 'not sent' : `${alert.rejections} rejections`}, last: {alert.lastError} · {alert.idempotencyKey} · approving sends it again
          </p>
        </section>
      );
    case 'storage_key_changed':
      return (
        <section className="review-alert" data-testid="review-alert">
          <h3>The booth's storage key changed</h3>
          <p>{alert.message}</p>
          <p>
            Noticed {when(alert.at)} · original key recorded {when(alert.originalRecordedAt)} · restore the original key file to recover the earlier records
          </p>
        </section>
      );
    case 'unreadable':
      return (
        <section className="review-alert" data-testid="review-alert">
          <h3>Alert in an unknown form</h3>
          <pre>{alert.raw}</pre>
        </section>
      );
    default:
      return assertNever(alert, 'review alert');
  }
}

/** The policy the decision was made under, and its face rule for this traveller's age: what the decision is judged by. */
function DecisionPolicyFacts({ decision, policies }: { decision: DecisionRecord; policies: PolicySet }) {
  const judgedBy = policyOfDecision(policies, decision);
  const direction = decision.direction ?? 'entry';
  const faceReason = decision.ruleReasons.some((code) => code.startsWith('face_not_'));
  const age = decision.evidence.find((e) => e.kind === 'age');
  return (
    <>
      <dt>Direction</dt>
      <dd data-testid="decision-direction">{direction === 'exit' ? 'Exit' : 'Entry'}</dd>
      <dt>Policy</dt>
      <dd data-testid="decision-policy">
        {judgedBy.kind === 'unknown'
          ? `${judgedBy.policyId ?? 'none recorded'}: not among this booth's policies (judge it by the rule in force on ${decision.decidedAt.slice(0, 10)})`
          : `${judgedBy.policy.title} (${judgedBy.policy.id}${judgedBy.kind === 'in_force_then' ? ', in force when decided' : ''})`}
        {judgedBy.kind !== 'unknown' && faceReason && <span className="muted"> · {faceRuleOfDecision(judgedBy.policy, direction, age?.ageYears ?? null)}</span>}
      </dd>
    </>
  );
}

function DecisionEvidence({ stored, policies }: { stored: NonNullable<ReviewDetail['decision']>; policies: PolicySet }) {
  const { decision } = stored;
  const face = decision.versions.faceModel;
  return (
    <>
      <p className={`review-outcome outcome-${decision.outcome}`}>
        {outcomeLabels[decision.outcome]}
        {decision.overridden && <span className="flag bad">against the rules ({outcomeLabels[decision.recommended].toLowerCase()} recommended)</span>}
        {stored.offline && (
          <span className="flag warn" data-testid="offline-flag">
            offline: decided without the records service
          </span>
        )}
        {stored.mandatory && <span className="flag bad">mandatory referral</span>}
      </p>
      <dl className="review-facts">
        <dt>Officer</dt>
        <dd>{decision.officer}</dd>
        <dt>Decided</dt>
        <dd>{when(decision.decidedAt)}</dd>
        <dt>Subject</dt>
        <dd>{subjectText(decision.subject)}</dd>
        <dt>Route</dt>
        <dd>{routeLabels[decision.route]}</dd>
        <dt>Recommended</dt>
        <dd>{outcomeLabels[decision.recommended]}</dd>
        <dt>Biometrics kept</dt>
        <dd>{decision.biometricRetained ? 'Yes' : decision.route === 'manual_document_inspection' ? 'No (photography opt-out)' : 'No'}</dd>
        <DecisionPolicyFacts decision={decision} policies={policies} />
      </dl>
      <h3>Rule reasons</h3>
      <ul className="reasons" data-testid="rule-reasons">
        {decision.ruleReasons.length === 0 && <li className="muted">none</li>}
        {decision.ruleReasons.map((code) => (
          <li key={code} className="reason">
            {ruleReasonLabel(code, decision)} <span className="muted">({code})</span>
          </li>
        ))}
      </ul>
      <h3>Officer reasons</h3>
      <ul className="reasons" data-testid="officer-reasons">
        {decision.officerReasons.length === 0 && <li className="muted">none given</li>}
        {decision.officerReasons.map((code) => (
          <li key={code} className="reason">
            {officerReasonLabels[code]}
          </li>
        ))}
      </ul>
      {decision.note && <blockquote className="officer-note">“{decision.note}”</blockquote>}
      <h3>Evidence</h3>
      <ul className="review-evidence" data-testid="evidence">
        {decision.evidence.length === 0 && <li className="muted">none recorded</li>}
        {decision.evidence.map((e, i) => (
          <li key={i}>{describeEvidence(e)}</li>
        ))}
      </ul>
      <h3>Versions</h3>
      <p className="review-versions" data-testid="versions">
        Rules {decision.versions.rules} · face model {face.modelId} v{face.modelVersion} · calibration {face.calibrationVersion} · threshold {face.threshold} at target FMR {face.targetFmr}
      </p>
    </>
  );
}

interface ReviewDetailPanelProps {
  readonly opened: OpenedItem;
  readonly noting: boolean;
  readonly busy: boolean;
  onSubmitReturn(note: string): void;
  onCancelReturn(): void;
  /** The booth's policies: a decision is judged by the one it recorded. */
  readonly policies: PolicySet;
}

/** Everything the decision rests on, beside the list; the verdict keys act on what is shown here. */
export function ReviewDetailPanel({ opened, noting, busy, onSubmitReturn, onCancelReturn, policies }: ReviewDetailPanelProps) {
  const { detail, problem } = opened;
  if (problem) {
    return (
      <aside className="review-detail panel" data-testid="review-detail">
        <p className="notice-error">{problem.text}</p>
      </aside>
    );
  }
  if (!detail) {
    return (
      <aside className="review-detail panel" data-testid="review-detail" aria-busy="true">
        <p className="placeholder">Opening {opened.reviewId}…</p>
      </aside>
    );
  }
  const { review, decision } = detail;
  const alert = parseReviewAlert(detail.alert);
  return (
    <aside className="review-detail panel" data-testid="review-detail" data-review-id={review.reviewId} aria-label="Evidence">
      <div className="panel-title">
        <h2>{review.kinds.map((k) => reviewKindLabels[k]).join(' · ')}</h2>
        <span className={`state-badge state-${review.state}`} data-testid="detail-state">
          {reviewStateLabels[review.state]}
        </span>
      </div>
      <p className="review-age-line">
        Waiting <strong data-testid="detail-age">{formatAge(review.ageMs)}</strong> · queued {when(review.createdAt)} · <span className="muted">{review.reviewId}</span>
      </p>
      {alert && <AlertBlock alert={alert} />}
      {decision ? (
        <DecisionEvidence stored={decision} policies={policies} />
      ) : detail.departure ? (
        <DepartureEvidence stored={detail.departure} policies={policies} />
      ) : (
        !alert && <p className="placeholder">No decision is attached to this item.</p>
      )}
      {review.state === 'open' ? (
        noting ? (
          <ReturnNoteField busy={busy} onSubmit={onSubmitReturn} onCancel={onCancelReturn} />
        ) : (
          <p className="review-verdict-hint">
            <kbd>A</kbd> approve · <kbd>R</kbd> return with a note
          </p>
        )
      ) : (
        <section className="review-resolution" data-testid="review-resolution">
          <h3>
            {reviewStateLabels[review.state]} by {review.resolvedBy ?? '—'} at {when(review.resolvedAt)}
          </h3>
          {review.supervisorNote && <blockquote data-testid="supervisor-note">“{review.supervisorNote}”</blockquote>}
        </section>
      )}
    </aside>
  );
}
