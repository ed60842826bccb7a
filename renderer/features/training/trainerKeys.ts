import type { LaneType } from '../../../app/settings/boothSettings';
import type { TrainingScenarioSummary } from '../../../app/training/trainingProgress';
import { scenarioFitsBooth } from '../../../app/training/trainingScenario';
import type { LaneDirection } from '../../../app/settings/laneDirection';

/** What a trainer's key asks the panel to do. */
export type TrainerKeyAction = 'select-next' | 'start-selected' | 'stop' | 'toggle-panel' | 'debrief' | 'history' | 'next-trainee' | 'export-json' | 'export-html';

/** The trainer panel's keys, shown on the panel. Alt+letter by physical key: never a keyboard-wedge scan, same on every layout. */
export const trainerKeys: readonly { readonly keys: string; readonly code: string; readonly action: TrainerKeyAction; readonly label: string }[] = [
  { keys: 'Alt+T', code: 'KeyT', action: 'select-next', label: 'next scenario (or run)' },
  { keys: 'Alt+S', code: 'KeyS', action: 'start-selected', label: 'start / restart' },
  { keys: 'Alt+X', code: 'KeyX', action: 'stop', label: 'stop' },
  { keys: 'Alt+D', code: 'KeyD', action: 'debrief', label: 'debrief' },
  { keys: 'Alt+R', code: 'KeyR', action: 'history', label: 'run history' },
  { keys: 'Alt+F', code: 'KeyF', action: 'next-trainee', label: 'history of the next trainee' },
  { keys: 'Alt+J', code: 'KeyJ', action: 'export-json', label: 'debrief as JSON' },
  { keys: 'Alt+P', code: 'KeyP', action: 'export-html', label: 'debrief as printable HTML' },
  { keys: 'Alt+H', code: 'KeyH', action: 'toggle-panel', label: 'hide / show' },
];

export function trainerKeyAction(event: Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): TrainerKeyAction | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  return trainerKeys.find((key) => key.code === event.code)?.action;
}

/** The built-ins this booth can play (see scenarioFitsBooth: its lane and its direction), in the host's order. */
export function playableScenarios<S extends Pick<TrainingScenarioSummary, 'laneType'> & { readonly direction?: LaneDirection }>(scenarios: readonly S[], laneType: LaneType, direction: LaneDirection = 'entry'): S[] {
  return scenarios.filter((scenario) => scenarioFitsBooth(scenario, { laneType, direction }));
}

/** The selection after `select-next`: the following scenario, wrapping round. */
export function nextSelection(selected: number, count: number): number {
  return count === 0 ? 0 : (selected + 1) % count;
}

/** The trainee filter after `next-trainee`: all, then each trainee in turn, then all again. */
export function nextTrainee(current: string | null, trainees: readonly string[]): string | null {
  if (current === null) return trainees[0] ?? null;
  const index = trainees.indexOf(current);
  return index < 0 || index === trainees.length - 1 ? null : (trainees[index + 1] ?? null);
}
