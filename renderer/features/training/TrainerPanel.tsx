import { useCallback, useEffect, useState } from 'react';
import type { LaneType } from '../../../app/settings/boothSettings';
import type { TrainingProgress, TrainingScenarioSummary } from '../../../app/training/trainingProgress';
import type { TrainingDebrief, TrainingRunSummary } from '../../../app/training/trainingDebrief';
import { useBooth, useBoothStore, useHost } from '../../state/StoreContext';
import { DebriefView } from './DebriefView';
import { downloadDebrief } from './debriefExport';
import { RunHistory } from './RunHistory';
import { nextSelection, nextTrainee, playableScenarios, trainerKeyAction, trainerKeys } from './trainerKeys';
import { useRunEnd } from './useRunEnd';
import { useTrainerProgress } from './useTrainerProgress';

const stateLabels: Readonly<Record<TrainingProgress['state'], string>> = {
  idle: 'No scenario',
  ready: 'Ready',
  playing: 'Playing',
  finished: 'Finished',
  stopped: 'Stopped',
};

type View = 'scenarios' | 'debrief' | 'history';

/** "Score so far: 1 of 2 correct (50%); impostors let through 0; genuine referred 1". */
function liveScore(run: NonNullable<TrainingProgress['run']>): string {
  const { score } = run;
  const critical = score.criticalMisses > score.impostorsLetThrough ? `; critical misses ${score.criticalMisses}` : '';
  return `${run.open ? 'Score so far' : 'Final score'}: ${score.counts.correct ?? 0} of ${score.steps} correct (${score.percent}%); impostors let through ${score.impostorsLetThrough}; genuine referred ${score.genuineReferred}${critical}`;
}

/**
 * The trainer's screen (simulation, trainer role; the host checks the role too): the built-in scenarios this lane
 * can play with their descriptions, start / stop, the live score, the debrief of the run (shown when it ends, and
 * exported as JSON or printable HTML), and the run history by trainee. Every action is an Alt+letter key.
 */
export function TrainerPanel({ laneType }: { laneType: LaneType }) {
  const host = useHost();
  const booth = useBoothStore();
  const { progress, problem: progressProblem, progressed } = useTrainerProgress();
  const direction = useBooth((state) => state.info?.direction ?? 'entry');
  const [scenarios, setScenarios] = useState<TrainingScenarioSummary[]>([]);
  const [selected, setSelected] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [folded, setFolded] = useState(false);
  const [view, setView] = useState<View>('scenarios');
  const [debrief, setDebrief] = useState<TrainingDebrief | null>(null);
  const [runs, setRuns] = useState<TrainingRunSummary[]>([]);
  const [trainees, setTrainees] = useState<string[]>([]);
  const [trainee, setTrainee] = useState<string | null>(null);
  const [runSelected, setRunSelected] = useState(0);

  useEffect(() => {
    let live = true;
    void host.call('training:list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setScenarios(playableScenarios(result.value, laneType, direction));
      else setProblem(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [host, laneType, direction]);

  const showDebrief = useCallback(
    (runId?: string) =>
      void host.call('training:debrief', runId ? { runId } : {}).then((result) => {
        if (!result.ok) return setProblem(result.error.message);
        setDebrief(result.value);
        setView('debrief');
        setProblem(null);
      }),
    [host],
  );
  // At the end of a run the trainer sees its debrief.
  useRunEnd(showDebrief);

  const loadHistory = useCallback(
    async (filter: string | null) => {
      const [all, filtered] = await Promise.all([host.call('training:runs', {}), host.call('training:runs', filter ? { trainee: filter } : {})]);
      if (!all.ok) return setProblem(all.error.message);
      if (!filtered.ok) return setProblem(filtered.error.message);
      setTrainees([...new Set(all.value.runs.map((run) => run.trainee))].sort());
      setRuns(filtered.value.runs);
      setRunSelected(0);
      setView('history');
      setProblem(filtered.value.problems[0] ?? null);
    },
    [host],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented) return;
      const action = trainerKeyAction(event);
      if (!action) return;
      event.preventDefault();
      switch (action) {
        case 'toggle-panel':
          return setFolded((was) => !was);
        case 'select-next':
          return view === 'history' ? setRunSelected((index) => nextSelection(index, runs.length)) : setSelected((index) => nextSelection(index, scenarios.length));
        case 'debrief':
          if (view === 'debrief') return setView('scenarios');
          return showDebrief(view === 'history' ? runs[runSelected]?.runId : undefined);
        case 'history':
          return view === 'history' ? setView('scenarios') : void loadHistory(trainee);
        case 'next-trainee': {
          const next = nextTrainee(trainee, trainees);
          setTrainee(next);
          return void loadHistory(next);
        }
        case 'export-json':
        case 'export-html':
          if (!debrief || view !== 'debrief') return setProblem('Open a debrief first (Alt+D).');
          return booth.getState().announce(`Debrief saved as ${downloadDebrief(debrief, action === 'export-json' ? 'json' : 'html')}`);
        case 'start-selected':
        case 'stop': {
          const chosen = scenarios[selected];
          if (action === 'start-selected' && !chosen) return setProblem('No training scenario for this lane.');
          const call = action === 'stop' ? host.call('training:stop', {}) : host.call('training:start', { scenario: chosen?.name });
          if (action === 'start-selected') setView('scenarios');
          return void call.then((result) => {
            if (result.ok) {
              progressed(result.value);
              setProblem(null);
            } else setProblem(result.error.message);
          });
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [host, booth, scenarios, selected, view, runs, runSelected, trainee, trainees, debrief, showDebrief, loadHistory, progressed]);

  const status = progress && progress.scenario ? `${stateLabels[progress.state]}: ${progress.scenario}, ${progress.stepsDone}/${progress.stepCount} steps` : stateLabels.idle;
  const score = progress?.run ? <p data-testid="trainer-score">{liveScore(progress.run)}</p> : null;
  if (folded) {
    return (
      <aside className="trainer-panel folded" aria-label="Training scenarios" data-testid="trainer-panel" data-folded="true">
        <p data-testid="trainer-progress" data-state={progress?.state ?? 'idle'}>
          {status} <kbd>Alt+H</kbd> show
        </p>
      </aside>
    );
  }
  return (
    <aside className={`trainer-panel${view === 'scenarios' ? '' : ' wide'}`} aria-label="Training scenarios" data-testid="trainer-panel" data-folded="false" data-view={view}>
      <h2>Training scenarios</h2>
      {view === 'scenarios' && (
        <ol>
          {scenarios.map((scenario, index) => (
            <li key={scenario.name} className={index === selected ? 'selected' : undefined} aria-current={index === selected} title={scenario.description} data-testid={`trainer-scenario-${scenario.name}`}>
              {scenario.name} <span className="caption">({scenario.stepCount} steps)</span>
              {index === selected && <p className="caption scenario-description">{scenario.description}</p>}
            </li>
          ))}
        </ol>
      )}
      <p data-testid="trainer-progress" data-state={progress?.state ?? 'idle'}>
        {status}
      </p>
      {score}
      {progress?.currentStep && <p className="caption" data-testid="trainer-current-step">{progress.currentStep}</p>}
      {view === 'debrief' && debrief && <DebriefView debrief={debrief} />}
      {view === 'history' && <RunHistory runs={runs} selected={runSelected} trainee={trainee} />}
      {[...(progress?.problems ?? []), ...(progressProblem ? [progressProblem] : []), ...(problem ? [problem] : [])].map((text) => (
        <p key={text} className="notice-warning">
          {text}
        </p>
      ))}
      <p className="caption">
        {trainerKeys.map((key) => (
          <span key={key.keys}>
            <kbd>{key.keys}</kbd> {key.label}{' '}
          </span>
        ))}
      </p>
    </aside>
  );
}
