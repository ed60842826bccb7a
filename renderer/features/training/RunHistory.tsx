import type { TrainingRunSummary } from '../../../app/training/trainingDebrief';

/** The kept runs, newest first, one row each, so a trainee's runs can be compared side by side; the selected one opens with Alt+D. */
export function RunHistory({ runs, selected, trainee }: { runs: readonly TrainingRunSummary[]; selected: number; trainee: string | null }) {
  return (
    <section aria-label="Run history" data-testid="run-history">
      <h3>Run history: {trainee ?? 'every trainee'}</h3>
      {runs.length === 0 ? (
        <p className="caption">No run kept yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Started</th>
              <th>Trainee</th>
              <th>Scenario</th>
              <th>Correct</th>
              <th>Critical misses</th>
              <th>Impostors let through</th>
              <th>Genuine referred</th>
              <th>Wrong reason</th>
              <th>Too slow</th>
              <th>Missed</th>
              <th>Held, could leave</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run, index) => (
              <tr key={run.runId} aria-current={index === selected} className={index === selected ? 'selected' : undefined} data-testid={`run-${run.runId}`}>
                <td>{new Date(run.startedAt).toLocaleString()}</td>
                <td>{run.trainee}</td>
                <td>{run.scenario}</td>
                <td>
                  {run.score.percent}% ({run.score.counts.correct ?? 0}/{run.score.steps})
                </td>
                <td>{run.score.criticalMisses}</td>
                <td>{run.score.impostorsLetThrough}</td>
                <td>{run.score.genuineReferred}</td>
                <td>{run.score.counts.wrong_reason ?? 0}</td>
                <td>{run.score.counts.too_slow ?? 0}</td>
                <td>{run.score.counts.missed ?? 0}</td>
                <td>{run.score.counts.wrongly_held ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
