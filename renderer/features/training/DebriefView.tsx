import { describeEvidence, describeOutcome, describeScoreCounts, verdictLabels } from '../../../app/training/debriefHtml';
import type { TrainingDebrief } from '../../../app/training/trainingDebrief';

/**
 * A run's debrief as the trainer and the trainee see it: the score (impostors let through and genuine travellers
 * referred apart), each expected traveller with what was expected, what the trainee did, how long it took and the
 * evidence that was on screen when they decided, and what to practise next.
 */
export function DebriefView({ debrief }: { debrief: TrainingDebrief }) {
  const { score } = debrief;
  return (
    <section className="debrief" aria-label="Training debrief" data-testid="debrief" data-run={debrief.runId}>
      <h2>
        Debrief: {debrief.scenario} <span className="caption">({debrief.endedAt ? 'final' : 'run still open'})</span>
      </h2>
      <p data-testid="debrief-score">
        {score.percent}% correct ({score.counts.correct ?? 0} of {score.steps}); {describeScoreCounts(score)}
      </p>
      <p className="caption">
        Trainee {debrief.trainee}, started by {debrief.startedBy} at {new Date(debrief.startedAt).toLocaleTimeString()}
      </p>
      <table>
        <thead>
          <tr>
            <th>Step</th>
            <th>Expected</th>
            <th>Trainee did</th>
            <th>Evidence on screen</th>
            <th>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {debrief.steps.map((step) => (
            <tr key={`${step.step}-${step.occupant ?? 0}`} className={`verdict-${step.verdict ?? 'open'}`} data-testid={`debrief-step-${step.step}${step.occupant === null ? '' : `-${step.occupant}`}`} data-verdict={step.verdict ?? 'open'}>
              <td>
                {step.step}
                {step.occupant === null ? '' : `.${step.occupant + 1}`} {step.description}
                {step.impostor && <strong> (impostor)</strong>}
                {step.critical && <strong data-testid="debrief-critical"> (critical miss)</strong>}
              </td>
              <td>{step.expected}</td>
              <td>{describeOutcome(step)}</td>
              <td data-testid="debrief-evidence">{step.decision ? describeEvidence(step.decision.evidence) : (step.departure?.shown ?? '')}</td>
              <td>
                <strong>{step.verdict ? verdictLabels[step.verdict] : 'open'}</strong> {step.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>What to practise</h3>
      <ul data-testid="debrief-practise">
        {debrief.practise.length > 0 ? debrief.practise.map((line) => <li key={line}>{line}</li>) : <li>Nothing: every expected traveller was handled correctly.</li>}
      </ul>
      {debrief.notes.length > 0 && (
        <ul className="caption">
          {debrief.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
