import type { Clock } from '../../app/ports/Clock';
import type { Ids } from '../../app/ports/Ids';
import type { Timers } from '../../app/ports/Timers';
import type { ResolvedSettings } from '../../app/settings/boothSettings';
import { scenarioFitsBooth, scenarioMisfit, type TrainingScenario } from '../../app/training/trainingScenario';
import type { EmbedderManifest } from '../../app/biometrics/modelManifest';
import type { BoothDevices } from './BoothDevices';
import type { DocumentIntake } from './DocumentIntake';
import { TrainingDecisionGuard } from './TrainingDecisionGuard';
import { TrainingFacePicker } from './TrainingFacePicker';
import { TrainingRunStore } from './TrainingRunStore';
import { TrainingScenarioPlayer, type TrainingTarget } from './TrainingScenarioPlayer';
import { documentNumbersOfStep, travellersOfArrival } from './TrainingStepDocuments';
import { personFaces, scenarioGallery } from './scenarioPeopleFaces';

export interface BoothTrainingOptions {
  readonly settings: ResolvedSettings['settings'];
  readonly devices: BoothDevices;
  readonly intake: DocumentIntake;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly timers: Timers;
  /** The folder the run history and the look-alike index are kept in (beside the accounts). */
  readonly userData: string;
  /** The run history; default training-runs/ in `userData`. */
  readonly runs?: TrainingRunStore;
  /** The embedder the booth matches with: look-alikes are picked against it (the model set is chosen on first need). */
  readonly embedder: () => Promise<EmbedderManifest>;
  /** A scenario to play from the start (`--scenario`); simulation only, on a lane it fits. */
  readonly scenario?: TrainingScenario;
}

/** What the booth's services need of training: the player (simulation only), the guard holding run decisions back, the run history. */
export interface BoothTraining {
  readonly player?: TrainingScenarioPlayer;
  readonly guard: TrainingDecisionGuard;
  readonly runs: TrainingRunStore;
}

/** Training on a booth: a scenario player over the simulator's controls (none with real devices), its decision guard and run history. */
export function createBoothTraining(options: BoothTrainingOptions): BoothTraining {
  const { settings, devices, scenario } = options;
  if (scenario && !devices.simulator) throw new Error('Training scenarios play on simulated devices only (--devices=sim).');
  if (scenario && !scenarioFitsBooth(scenario, settings)) throw new Error(scenarioMisfit(scenario, settings));
  const runs = options.runs ?? TrainingRunStore.inUserData(options.userData);
  const guard = new TrainingDecisionGuard(options.clock);
  if (!devices.simulator) return { guard, runs };

  const facePicker = new TrainingFacePicker({ embedder: options.embedder, targetFmr: settings.faceMatchTargetFmr, userData: options.userData });
  const player = new TrainingScenarioPlayer(simulatorTarget(devices, options.intake, facePicker), options.clock, options.timers, {
    ids: options.ids,
    // The run history is kept whole or not at all; a failed write is said, never silent: on the console and to the
    // trainer (the progress's problems), who would otherwise take the debrief on screen for one in the history.
    onRunEnded: (debrief) =>
      void runs.save(debrief).catch((error: unknown) => {
        console.error(`[booth] training run ${debrief.runId} could not be kept:`, error);
        player.problem(`The debrief of ${debrief.runId} could not be kept in the run history: ${error instanceof Error ? error.message : String(error)}`);
      }),
  });
  if (scenario) player.load(scenario);
  // Subscribed from the start (not when the host serves): a run opened before then must still hold its decisions back.
  player.onProgress((progress) => guard.progressed(progress));
  return { player, guard, runs };
}

/** What a scenario plays on: the simulator's controls, with the faces a step asks for cast from the look-alike index. */
function simulatorTarget(devices: BoothDevices, intake: DocumentIntake, facePicker: TrainingFacePicker): TrainingTarget {
  const controls = devices.simulator!;
  return {
    setConnected: (kind, connected) => controls.setConnected(kind, connected),
    readDocument: async (traveller, faces) => {
      if (faces) {
        const cast = await facePicker.cast(traveller, faces);
        if (!devices.documentReader.status().connected) throw new Error('the document reader is disconnected');
        controls.castNextTraveller(cast);
        console.info(`[booth] training: ${cast.note}`);
      }
      return controls.readDocument(traveller);
    },
    failDocumentRead: (error) => controls.failDocumentRead(error),
    setChipFaults: (faults) => controls.setChipFaults(faults),
    vehicleArrives: async (arrival, occupantFaces) => {
      if (!occupantFaces) return intake.vehicleArrives(controls, arrival);
      // Each seat a step recasts gets its faces; the others keep their own (see simulatedVehicleArrival).
      const occupants = await Promise.all(
        travellersOfArrival(arrival).map(async (traveller, seat) => {
          const given = arrival.occupants?.[seat] ?? { traveller, showsDocument: true };
          const faces = occupantFaces[seat];
          if (!faces) return given;
          const cast = await facePicker.cast(traveller, faces);
          console.info(`[booth] training: occupant ${seat + 1}: ${cast.note}`);
          return { ...given, face: cast.live, ...(cast.documentPhoto ? { documentPhoto: cast.documentPhoto } : {}) };
        }),
      );
      return intake.vehicleArrives(controls, { ...arrival, occupants });
    },
    documentNumbers: documentNumbersOfStep,
    serveExitGallery: (scenario, startDate) => {
      if (!scenario) return (controls.serveTrainingGallery(null), []);
      const { entries, missing } = scenarioGallery(scenario.people ?? [], startDate);
      controls.serveTrainingGallery(entries);
      return missing.map((problem) => `not in the run's exit gallery: ${problem}`);
    },
    departs: (step, scenario) => {
      const people = step.occupants.map((id) => (scenario.people ?? []).find((p) => p.id === id)).filter((p) => p !== undefined);
      const summary = intake.departCast(controls, people.map((person) => personFaces(person).live), step.occupants.join(', '), step.vehicle);
      console.info(`[booth] training: departing ${summary.label}${summary.plate ? ` (${summary.plate})` : ''}`);
      return summary;
    },
  };
}
