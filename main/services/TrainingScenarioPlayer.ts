import type { SimulatedChipFaults, SimulatedVehicleArrival } from '../../app/host/simulatorControls';
import type { MrzReadError } from '../../app/document/reader/mrzReadError';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import { deviceKinds, type DeviceKind } from '../../app/ports/deviceStatus';
import { simulatedChipFaultsSchema } from '../../app/host/simulatorControls';
import { assertNever } from '../../app/shared/assertNever';
import type { TrainingProgress } from '../../app/training/trainingProgress';
import { describeTrainingStep, type TrainingScenario, type TrainingStep } from '../../app/training/trainingScenario';
import type { Clock } from '../../app/ports/Clock';
import type { Timers } from '../../app/ports/Timers';
import { Emitter } from '../../app/shared/event';

/** What a scenario plays on: the simulated booth's controls (see createBoothServices). */
export interface TrainingTarget {
  setConnected(kind: DeviceKind, connected: boolean): unknown;
  /** Reads the scripted traveller's document as the simulated reader would; throws when the reader is unplugged. */
  readDocument(traveller: number): unknown;
  failDocumentRead(error: MrzReadError): void;
  setChipFaults(faults: SimulatedChipFaults): unknown;
  /** Resolves once every document handed over at the window has been read with its chip. */
  vehicleArrives(arrival: SimulatedVehicleArrival): Promise<unknown>;
}

const idle: TrainingProgress = { state: 'idle', scenario: null, stepCount: 0, stepsDone: 0, currentStep: null, nextAtSeconds: null, problems: [] };

/**
 * Plays a training scenario's steps in order, each at its `atSeconds` after the start, against the simulated
 * devices. Start (or restart) puts the booth back as a fresh simulated booth (every device plugged in, genuine
 * chips) and replays from the first step; stop cancels what has not happened yet. A step that cannot be played
 * (a read while the trainer has unplugged the reader) is noted in the progress and the run goes on.
 */
export class TrainingScenarioPlayer {
  private scenario: TrainingScenario | undefined;
  /** Bumped by every start and stop: a step finishing for an older run must not schedule anything. */
  private run = 0;
  private startedAt = 0;
  private timer: unknown;
  private inFlight: Promise<void> = Promise.resolve();
  private current: TrainingProgress = idle;
  private readonly progressChanges = new Emitter<TrainingProgress>('training progress');

  constructor(
    private readonly target: TrainingTarget,
    private readonly clock: Clock,
    private readonly timers: Timers,
  ) {}

  progress(): TrainingProgress {
    return this.current;
  }

  onProgress(listener: (progress: TrainingProgress) => void): Unsubscribe {
    return this.progressChanges.event(listener);
  }

  /** Loads a scenario without starting it (stops the one playing). */
  load(scenario: TrainingScenario): TrainingProgress {
    this.cancel();
    this.scenario = scenario;
    return this.publish({ ...idle, state: 'ready', scenario: scenario.name, stepCount: scenario.steps.length, nextAtSeconds: scenario.steps[0]?.atSeconds ?? null });
  }

  /** Starts `scenario` (or restarts the loaded one) from its first step. */
  start(scenario?: TrainingScenario): TrainingProgress {
    if (scenario) this.scenario = scenario;
    const loaded = this.scenario;
    if (!loaded) throw new Error('No training scenario is loaded.');
    this.cancel();
    const run = this.run;
    this.resetBooth();
    this.startedAt = this.clock.now().getTime();
    this.publish({ ...idle, state: 'playing', scenario: loaded.name, stepCount: loaded.steps.length, nextAtSeconds: loaded.steps[0]?.atSeconds ?? null });
    this.scheduleStep(loaded, run, 0);
    return this.current;
  }

  /** Stops the run: no further step happens (a step already under way, e.g. a vehicle at the window, completes). */
  stop(): TrainingProgress {
    const wasPlaying = this.current.state === 'playing';
    this.cancel();
    return wasPlaying ? this.publish({ ...this.current, state: 'stopped', nextAtSeconds: null }) : this.current;
  }

  /** Resolves when the step under way (if any) has been played. */
  settled(): Promise<void> {
    return this.inFlight;
  }

  private cancel(): void {
    this.run++;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A run starts on a fresh simulated booth, so a restart replays the same thing the first run did. */
  private resetBooth(): void {
    for (const kind of deviceKinds) this.target.setConnected(kind, true);
    this.target.setChipFaults(simulatedChipFaultsSchema.parse({}));
  }

  private scheduleStep(scenario: TrainingScenario, run: number, index: number): void {
    const step = scenario.steps[index];
    if (!step) {
      this.publish({ ...this.current, state: 'finished', nextAtSeconds: null });
      return;
    }
    const delay = Math.max(0, this.startedAt + step.atSeconds * 1000 - this.clock.now().getTime());
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.inFlight = this.playStep(scenario, run, index, step);
    }, delay);
  }

  private async playStep(scenario: TrainingScenario, run: number, index: number, step: TrainingStep): Promise<void> {
    const description = describeTrainingStep(step);
    this.publish({ ...this.current, currentStep: `${index + 1}/${scenario.steps.length}: ${description}`, nextAtSeconds: scenario.steps[index + 1]?.atSeconds ?? null });
    let problem: string | undefined;
    try {
      await this.perform(step);
    } catch (error) {
      problem = `step ${index + 1} (${description}) could not be played: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (run !== this.run) return;
    this.publish({ ...this.current, stepsDone: index + 1, problems: problem ? [...this.current.problems, problem] : this.current.problems });
    this.scheduleStep(scenario, run, index + 1);
  }

  private async perform(step: TrainingStep): Promise<void> {
    switch (step.kind) {
      case 'readDocument':
        this.target.readDocument(step.traveller);
        return;
      case 'documentReadFails':
        this.target.failDocumentRead({ code: step.code, message: step.message });
        return;
      case 'chipFaults':
        this.target.setChipFaults(step.faults);
        return;
      case 'device':
        this.target.setConnected(step.device, step.connected);
        return;
      case 'recordsOutage':
        this.target.setConnected('recordsService', !step.active);
        return;
      case 'vehicleArrives':
        await this.target.vehicleArrives(step.arrival);
        return;
      default:
        return assertNever(step, 'training step');
    }
  }

  private publish(progress: TrainingProgress): TrainingProgress {
    this.current = progress;
    this.progressChanges.fire(progress);
    return progress;
  }
}
