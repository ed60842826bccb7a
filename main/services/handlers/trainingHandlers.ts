import type { HandlersOf } from '../../../app/host/dispatch';
import { HostFailure } from '../../../app/host/result';
import type { BoothSettings } from '../../../app/settings/boothSettings';
import { scenarioFitsLane } from '../../../app/training/trainingScenario';
import type { TrainingScenarioPlayer } from '../TrainingScenarioPlayer';
import { listBuiltInScenarios } from '../trainingScenarioFiles';

/** `training:*`: the trainer's scenario player (simulation only) and the built-in scenarios in `scenariosDir`. */
export function trainingHandlers(training: TrainingScenarioPlayer | undefined, settings: BoothSettings, scenariosDir: string | undefined): HandlersOf<'training'> {
  const trainer = () => {
    if (!training) throw new HostFailure('not_supported', 'Training scenarios are available only with --devices=sim.');
    return training;
  };
  // Without the folder the trainer has no scenario to pick.
  const builtInScenarios = () => (scenariosDir ? listBuiltInScenarios(scenariosDir) : []);
  return {
    'training:list': () => builtInScenarios().map((s) => ({ name: s.name, description: s.description, laneType: s.laneType, stepCount: s.steps.length })),
    'training:progress': () => trainer().progress(),
    'training:start': ({ scenario: name }) => {
      const player = trainer();
      if (name === undefined) {
        if (player.progress().state === 'idle') throw new HostFailure('invalid_request', 'No training scenario is loaded: name one.');
        return player.start();
      }
      const builtIns = builtInScenarios();
      const scenario = builtIns.find((s) => s.name === name);
      if (!scenario) throw new HostFailure('invalid_request', `There is no built-in training scenario "${name}"; built-in: ${builtIns.map((s) => s.name).join(', ')}.`);
      if (!scenarioFitsLane(scenario.laneType, settings.laneType)) throw new HostFailure('not_supported', `Training scenario "${name}" is for a ${scenario.laneType} lane; this booth's laneType is "${settings.laneType}".`);
      return player.start(scenario);
    },
    'training:stop': () => trainer().stop(),
  };
}
