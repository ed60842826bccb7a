import type { HandlersOf } from '../../../app/host/dispatch';
import { HostFailure } from '../../../app/host/result';
import type { BoothSettings } from '../../../app/settings/boothSettings';
import { scenarioFitsBooth, scenarioMisfit } from '../../../app/training/trainingScenario';
import { trainingRunStateOf } from '../../../app/training/trainingProgress';
import type { SignedInCallers } from '../SignedInCallers';
import type { TrainingScenarioPlayer } from '../TrainingScenarioPlayer';
import { TrainingRunStoreError, type TrainingRunStore } from '../TrainingRunStore';
import { listBuiltInScenarios } from '../trainingScenarioFiles';

export interface TrainingHandlerDeps {
  readonly training: TrainingScenarioPlayer | undefined;
  readonly settings: BoothSettings;
  /** The built-in scenarios' folder; without it the trainer has none to pick. */
  readonly scenariosDir: string | undefined;
  readonly callers: SignedInCallers;
  readonly runs: TrainingRunStore;
}

/**
 * `training:*`: the trainer's scenario player (simulation only), the scoring of the trainee's decisions, debriefs
 * and the run history. The trainer's controls check the caller's role here, not only on the screen: an officer's
 * window cannot start, stop or list runs, nor read the steps or the live score (only whether a run is open), and
 * sees a debrief only of a run they were the trainee of, once it ended.
 */
export function trainingHandlers({ training, settings, scenariosDir, callers, runs }: TrainingHandlerDeps): HandlersOf<'training'> {
  const trainer = () => {
    if (!training) throw new HostFailure('not_supported', 'Training scenarios are available only with --devices=sim.');
    return training;
  };
  const builtInScenarios = () => (scenariosDir ? listBuiltInScenarios(scenariosDir) : []);
  const storedRun = async (runId: string) => {
    try {
      return await runs.get(runId);
    } catch (error) {
      if (error instanceof TrainingRunStoreError) throw new HostFailure('invalid_request', error.message);
      throw error;
    }
  };
  return {
    'training:list': (_, caller) => {
      callers.require(caller, ['trainer'], 'The scenario list');
      return builtInScenarios().map((s) => ({ name: s.name, description: s.description, laneType: s.laneType, direction: s.direction, stepCount: s.steps.length }));
    },
    'training:progress': (_, caller) => {
      const player = trainer();
      callers.require(caller, ['trainer'], "The scenario's progress and live score");
      return player.progress();
    },
    // Every window, signed in or not: whether its decisions are training ones. A booth on real devices never has a run.
    'training:run': () => (training ? trainingRunStateOf(training.progress()) : { run: null }),
    'training:start': ({ scenario: name, trainee }, caller) => {
      const player = trainer();
      const user = callers.require(caller, ['trainer'], 'Starting a training scenario');
      const people = { startedBy: user.userId, ...(trainee ? { trainee } : {}) };
      if (name === undefined) {
        if (player.progress().state === 'idle') throw new HostFailure('invalid_request', 'No training scenario is loaded: name one.');
        return player.start(undefined, people);
      }
      const builtIns = builtInScenarios();
      const scenario = builtIns.find((s) => s.name === name);
      if (!scenario) throw new HostFailure('invalid_request', `There is no built-in training scenario "${name}"; built-in: ${builtIns.map((s) => s.name).join(', ')}.`);
      if (!scenarioFitsBooth(scenario, settings)) throw new HostFailure('not_supported', scenarioMisfit(scenario, settings));
      return player.start(scenario, people);
    },
    'training:stop': async (_, caller) => {
      const player = trainer();
      callers.require(caller, ['trainer'], 'Stopping a training scenario');
      const stopped = player.stop();
      // "Stopped" is said once the run's debrief is kept.
      await runs.settled();
      return stopped;
    },
    'training:decided': (report, caller) => {
      const player = trainer();
      const user = callers.require(caller, ['officer', 'trainer'], 'A training decision');
      if (player.openRunId() !== report.runId) throw new HostFailure('invalid_request', `Training run ${report.runId} is not the open run; the decision stays recorded as training but is not scored.`);
      return trainingRunStateOf(player.decided(report, user.userId));
    },
    'training:departed': (report, caller) => {
      const player = trainer();
      const user = callers.require(caller, ['officer', 'trainer'], 'A training departure');
      if (player.openRunId() !== report.runId) throw new HostFailure('invalid_request', `Training run ${report.runId} is not the open run; the confirmation stays recorded as training but is not scored.`);
      return trainingRunStateOf(player.departed(report, user.userId));
    },
    'training:alerted': (report, caller) => {
      const player = trainer();
      callers.require(caller, ['officer', 'trainer'], 'A training alert');
      // Said, not swallowed: an alert for a run that is not open is not counted, and the booth is told so.
      if (player.openRunId() !== report.runId) throw new HostFailure('invalid_request', `Training run ${report.runId} is not the open run; the alert stays recorded as training but is not counted.`);
      return trainingRunStateOf(player.alerted(report));
    },
    'training:debrief': async ({ runId }, caller) => {
      const user = callers.require(caller, ['officer', 'trainer'], 'A debrief');
      const current = training?.debrief() ?? null;
      const debrief = runId === undefined || current?.runId === runId ? current : await storedRun(runId);
      if (!debrief) throw new HostFailure('invalid_request', 'No training run yet on this booth.');
      if (user.role !== 'trainer' && debrief.trainee !== user.userId) throw new HostFailure('not_permitted', `The debrief of ${debrief.runId} is for its trainee ${debrief.trainee} and the trainers.`);
      // A live debrief lists what is expected of every traveller already at the booth (refer, an impostor): the
      // trainee sees it once the run has ended, never while deciding.
      if (user.role !== 'trainer' && debrief.endedAt === null) throw new HostFailure('not_permitted', `The debrief of ${debrief.runId} opens for its trainee when the run ends.`);
      return debrief;
    },
    'training:runs': async ({ trainee }, caller) => {
      callers.require(caller, ['trainer'], 'The run history');
      return runs.list(trainee);
    },
  };
}
