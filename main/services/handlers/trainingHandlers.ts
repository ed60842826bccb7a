import type { HandlersOf } from '../../../app/host/dispatch';
import type { DispatchCaller } from '../../../app/host/dispatchCaller';
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
 * and the run history. The trainer's controls check the caller's role on the host, not only on the screen (dispatch,
 * by app/host/channelAccess.ts): an officer's window cannot start, stop or list runs, nor read the steps or the live
 * score (only whether a run is open), and sees a debrief only of a run they were the trainee of, once it ended (here).
 */
export function trainingHandlers({ training, settings, scenariosDir, callers, runs }: TrainingHandlerDeps): HandlersOf<'training'> {
  const trainer = () => {
    if (!training) throw new HostFailure('not_supported', 'Training scenarios are available only with --devices=sim.');
    return training;
  };
  // Who may call each channel (trainer, or trainee) is checked by dispatch (app/host/channelAccess.ts); a handler
  // here only needs to know who that was. The host's own code calling unsigned is a bug, not a user to refuse.
  const signedIn = (caller: DispatchCaller) => {
    const user = callers.userOf(caller);
    if (!user) throw new Error(`nobody is signed in on ${caller.client}`);
    return user;
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
    'training:list': () => builtInScenarios().map((s) => ({ name: s.name, description: s.description, laneType: s.laneType, direction: s.direction, stepCount: s.steps.length })),
    'training:progress': () => trainer().progress(),
    // Every window, signed in or not: whether its decisions are training ones. A booth on real devices never has a run.
    'training:run': () => (training ? trainingRunStateOf(training.progress()) : { run: null }),
    'training:start': ({ scenario: name, trainee }, caller) => {
      const player = trainer();
      const people = { startedBy: signedIn(caller).userId, ...(trainee ? { trainee } : {}) };
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
    'training:stop': async () => {
      const player = trainer();
      const stopped = player.stop();
      // "Stopped" is said once the run's debrief is kept.
      await runs.settled();
      return stopped;
    },
    'training:decided': (report, caller) => {
      const player = trainer();
      if (player.openRunId() !== report.runId) throw new HostFailure('invalid_request', `Training run ${report.runId} is not the open run; the decision stays recorded as training but is not scored.`);
      return trainingRunStateOf(player.decided(report, signedIn(caller).userId));
    },
    'training:departed': (report, caller) => {
      const player = trainer();
      if (player.openRunId() !== report.runId) throw new HostFailure('invalid_request', `Training run ${report.runId} is not the open run; the confirmation stays recorded as training but is not scored.`);
      return trainingRunStateOf(player.departed(report, signedIn(caller).userId));
    },
    'training:alerted': (report) => {
      const player = trainer();
      // Said, not swallowed: an alert for a run that is not open is not counted, and the booth is told so.
      if (player.openRunId() !== report.runId) throw new HostFailure('invalid_request', `Training run ${report.runId} is not the open run; the alert stays recorded as training but is not counted.`);
      return trainingRunStateOf(player.alerted(report));
    },
    'training:debrief': async ({ runId }, caller) => {
      const user = signedIn(caller);
      const current = training?.debrief() ?? null;
      const debrief = runId === undefined || current?.runId === runId ? current : await storedRun(runId);
      if (!debrief) throw new HostFailure('invalid_request', 'No training run yet on this booth.');
      if (user.role !== 'trainer' && debrief.trainee !== user.userId) throw new HostFailure('not_permitted', `The debrief of ${debrief.runId} is for its trainee ${debrief.trainee} and the trainers.`);
      // A live debrief lists what is expected of every traveller already at the booth (refer, an impostor): the
      // trainee sees it once the run has ended, never while deciding.
      if (user.role !== 'trainer' && debrief.endedAt === null) throw new HostFailure('not_permitted', `The debrief of ${debrief.runId} opens for its trainee when the run ends.`);
      return debrief;
    },
    'training:runs': ({ trainee }) => runs.list(trainee),
  };
}
