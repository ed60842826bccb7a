import { useEffect, useState } from 'react';
import type { LaneType } from '../../../app/settings/boothSettings';
import type { TrainingProgress, TrainingScenarioSummary } from '../../../app/training/trainingProgress';
import { useHost } from '../../state/StoreContext';
import { nextSelection, playableScenarios, trainerKeyAction, trainerKeys } from './trainerKeys';

const stateLabels: Readonly<Record<TrainingProgress['state'], string>> = {
  idle: 'No scenario',
  ready: 'Ready',
  playing: 'Playing',
  finished: 'Finished',
  stopped: 'Stopped',
};

/**
 * The trainer's scenario panel (simulation, trainer role): the built-in scenarios this lane can play, the
 * selected one started or restarted from the keyboard, and where the run is. The host plays the steps.
 */
export function TrainerPanel({ laneType }: { laneType: LaneType }) {
  const host = useHost();
  const [scenarios, setScenarios] = useState<TrainingScenarioSummary[]>([]);
  const [selected, setSelected] = useState(0);
  const [progress, setProgress] = useState<TrainingProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Folded to one line, so the trainer can see the whole traveller card the officer sees.
  const [folded, setFolded] = useState(false);

  useEffect(() => {
    let live = true;
    void host.call('training:list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setScenarios(playableScenarios(result.value, laneType));
      else setProblem(result.error.message);
    });
    void host.call('training:progress', {}).then((result) => live && result.ok && setProgress(result.value));
    const unsubscribe = host.on('training:onProgress', setProgress);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [host, laneType]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented) return;
      const action = trainerKeyAction(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'toggle-panel') return setFolded((was) => !was);
      if (action === 'select-next') return setSelected((index) => nextSelection(index, scenarios.length));
      const chosen = scenarios[selected];
      if (action === 'start-selected' && !chosen) return setProblem('No training scenario for this lane.');
      const call = action === 'stop' ? host.call('training:stop', {}) : host.call('training:start', { scenario: chosen?.name });
      void call.then((result) => {
        if (result.ok) {
          setProgress(result.value);
          setProblem(null);
        } else setProblem(result.error.message);
      });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [host, scenarios, selected]);

  const status = progress && progress.scenario ? `${stateLabels[progress.state]}: ${progress.scenario}, ${progress.stepsDone}/${progress.stepCount} steps` : stateLabels.idle;
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
    <aside className="trainer-panel" aria-label="Training scenarios" data-testid="trainer-panel" data-folded="false">
      <h2>Training scenarios</h2>
      <ol>
        {scenarios.map((scenario, index) => (
          <li key={scenario.name} className={index === selected ? 'selected' : undefined} aria-current={index === selected} title={scenario.description} data-testid={`trainer-scenario-${scenario.name}`}>
            {scenario.name} <span className="caption">({scenario.stepCount} steps)</span>
          </li>
        ))}
      </ol>
      <p data-testid="trainer-progress" data-state={progress?.state ?? 'idle'}>
        {status}
      </p>
      {progress?.currentStep && <p className="caption" data-testid="trainer-current-step">{progress.currentStep}</p>}
      {[...(progress?.problems ?? []), ...(problem ? [problem] : [])].map((text) => (
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
