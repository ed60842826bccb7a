import type { SimulatedChipFaults, SimulatedVehicleArrival } from '../../app/host/simulatorControls';
import type { MrzReadError } from '../../app/document/reader/mrzReadError';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import { deviceKinds, type DeviceKind } from '../../app/ports/deviceStatus';
import { simulatedChipFaultsSchema } from '../../app/host/simulatorControls';
import { assertNever } from '../../app/shared/assertNever';
import type { TrainingProgress } from '../../app/training/trainingProgress';
import type { TrainingAlertReport, TrainingDebrief, TrainingDecisionReport, TrainingDepartureReport } from '../../app/training/trainingDebrief';
import { TrainingRun } from '../../app/training/trainingRun';
import type { StepFaces } from '../../app/training/lookAlike';
import type { Ids } from '../../app/ports/Ids';
import { randomIds } from './randomIds';
import { describeTrainingStep, type TrainingScenario, type TrainingStep } from '../../app/training/trainingScenario';
import type { Clock } from '../../app/ports/Clock';
import type { Timers } from '../../app/ports/Timers';
import { Emitter } from '../../app/shared/event';

/** What a scenario plays on: the simulated booth's controls (see createBoothServices). */
export interface TrainingTarget {
  setConnected(kind: DeviceKind, connected: boolean): unknown;
  /** Reads the scripted traveller's document as the simulated reader would, presented by `faces` when given; throws when the reader is unplugged or the faces cannot be cast. */
  readDocument(traveller: number, faces?: StepFaces): unknown;
  failDocumentRead(error: MrzReadError): void;
  setChipFaults(faults: SimulatedChipFaults): unknown;
  /** Resolves once every document handed over at the window has been read with its chip. */
  vehicleArrives(arrival: SimulatedVehicleArrival, occupantFaces?: readonly (StepFaces | null)[]): Promise<unknown>;
  /** The document numbers of the travellers a step brings, in order (null where the booth cannot tell): how decisions find their step. */
  documentNumbers(step: TrainingStep): readonly (string | null)[];
  /**
   * Exit scenarios: the records service serves the run's exit gallery (the scenario's people who entered, dates from
   * `startDate`); null: the scripted gallery again. Returns what could not be served (people without faces).
   */
  serveExitGallery(scenario: TrainingScenario | null, startDate: string): readonly string[];
  /** Exit scenarios: the step's people leave (their faces on the exit cameras, the plate read). */
  departs(step: Extract<TrainingStep, { kind: 'departs' }>, scenario: TrainingScenario): unknown;
}

/** Who runs a training run: the trainer who started it, and the trainee it scores (default: whoever decides first). */
export interface RunPeople {
  readonly startedBy: string;
  readonly trainee?: string;
}

export interface TrainingPlayerOptions {
  readonly ids?: Ids;
  /** Told once when a run ends (stopped, restarted, or every step played and every traveller decided), with its final debrief. */
  readonly onRunEnded?: (debrief: TrainingDebrief) => void;
}

const idle: TrainingProgress = { state: 'idle', scenario: null, stepCount: 0, stepsDone: 0, currentStep: null, nextAtSeconds: null, problems: [], run: null };

/**
 * Plays a training scenario's steps in order, each at its `atSeconds` after the start, against the simulated
 * devices. Start (or restart) puts the booth back as a fresh simulated booth (every device plugged in, genuine
 * chips) and replays from the first step; stop cancels what has not happened yet. A step that cannot be played
 * (a read while the trainer has unplugged the reader) is noted in the progress and the run goes on.
 *
 * Each start opens a training run (TrainingRun): the trainee's decisions are reported to it and scored live; the
 * run is open (every decision at the booth is a training decision) until the trainer stops it, starts another, or
 * every step has been played and every expected traveller decided. Then its debrief is final.
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
  private trainingRun: TrainingRun | undefined;

  constructor(
    private readonly target: TrainingTarget,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly options: TrainingPlayerOptions = {},
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
    this.endRun();
    this.scenario = scenario;
    return this.publish({ ...idle, state: 'ready', scenario: scenario.name, stepCount: scenario.steps.length, nextAtSeconds: scenario.steps[0]?.atSeconds ?? null });
  }

  /** Starts `scenario` (or restarts the loaded one) from its first step, as a new training run. */
  start(scenario?: TrainingScenario, people: RunPeople = { startedBy: 'booth' }): TrainingProgress {
    if (scenario) this.scenario = scenario;
    const loaded = this.scenario;
    if (!loaded) throw new Error('No training scenario is loaded.');
    this.cancel();
    this.endRun();
    const run = this.run;
    const now = this.clock.now();
    const problems = this.resetBooth(loaded, now);
    this.startedAt = now.getTime();
    this.trainingRun = new TrainingRun((this.options.ids ?? randomIds).next('run'), loaded, people.startedBy, now, people.trainee);
    for (const problem of problems) this.trainingRun.note(problem);
    this.publish({ ...idle, state: 'playing', scenario: loaded.name, stepCount: loaded.steps.length, nextAtSeconds: loaded.steps[0]?.atSeconds ?? null, problems: [...problems], run: this.runProgress() });
    this.scheduleStep(loaded, run, 0);
    return this.current;
  }

  /** Stops the run: no further step happens (a step already under way, e.g. a vehicle at the window, completes); the run ends. */
  stop(): TrainingProgress {
    const wasPlaying = this.current.state === 'playing';
    this.cancel();
    const ended = this.endRun();
    if (wasPlaying) return this.publish({ ...this.current, state: 'stopped', nextAtSeconds: null, run: this.runProgress() });
    return ended ? this.publish({ ...this.current, run: this.runProgress() }) : this.current;
  }

  /** The open run's id, or null: a decision made while a run is open is a training decision. */
  openRunId(): string | null {
    return this.trainingRun && !this.trainingRun.ended ? this.trainingRun.runId : null;
  }

  /** The current (or last) run's debrief: live while it is open, final once it ended; null before any run. */
  debrief(): TrainingDebrief | null {
    return this.trainingRun?.debrief() ?? null;
  }

  /** Scores a training decision the booth recorded; the run may end with it (every step played, every traveller decided). */
  decided(report: TrainingDecisionReport, by: string): TrainingProgress {
    const trainingRun = this.trainingRun;
    if (!trainingRun || trainingRun.ended || trainingRun.runId !== report.runId) return this.current;
    trainingRun.decided(report, by);
    if (this.current.state === 'finished' && trainingRun.complete(this.current.stepsDone)) this.endRun();
    return this.publish({ ...this.current, run: this.runProgress() });
  }

  /** Scores what an exit lane's confirming key did in the open run; the run may end with it. */
  departed(report: TrainingDepartureReport, by: string): TrainingProgress {
    const trainingRun = this.trainingRun;
    if (!trainingRun || trainingRun.ended || trainingRun.runId !== report.runId) return this.current;
    trainingRun.departed(report, by);
    if (this.current.state === 'finished' && trainingRun.complete(this.current.stepsDone)) this.endRun();
    return this.publish({ ...this.current, run: this.runProgress() });
  }

  /** The trainee tried to clear a mandatory referral (the alert a supervisor would get). */
  alerted(report: TrainingAlertReport): TrainingProgress {
    this.trainingRun?.alerted(report);
    return this.current;
  }

  /** Tells the trainer of something that went wrong outside the steps (a run's debrief that could not be kept). */
  problem(text: string): void {
    // Within what the progress carries (trainingProgressSchema: 200 problems of 1000 characters).
    this.publish({ ...this.current, problems: [...this.current.problems, text.slice(0, 1000)].slice(-200) });
  }

  /** Resolves when the step under way (if any) has been played. */
  settled(): Promise<void> {
    return this.inFlight;
  }

  /** Ends the open run (if any) and hands its final debrief on; true when one ended. */
  private endRun(): boolean {
    const trainingRun = this.trainingRun;
    if (!trainingRun || trainingRun.ended) return false;
    trainingRun.end(this.clock.now());
    // The lane's own gallery again once an exit run is over (the booth refetches it when the run closes).
    if (trainingRun.scenario.direction === 'exit') this.target.serveExitGallery(null, this.clock.now().toISOString().slice(0, 10));
    this.options.onRunEnded?.(trainingRun.debrief());
    return true;
  }

  private runProgress(): TrainingProgress['run'] {
    const trainingRun = this.trainingRun;
    return trainingRun ? { runId: trainingRun.runId, open: !trainingRun.ended, score: trainingRun.debrief().score } : null;
  }

  private cancel(): void {
    this.run++;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A run starts on a fresh simulated booth, so a restart replays the same thing the first run did; an exit run with its own gallery. */
  private resetBooth(scenario: TrainingScenario, now: Date): readonly string[] {
    for (const kind of deviceKinds) this.target.setConnected(kind, true);
    this.target.setChipFaults(simulatedChipFaultsSchema.parse({}));
    return scenario.direction === 'exit' ? this.target.serveExitGallery(scenario, now.toISOString().slice(0, 10)) : [];
  }

  private scheduleStep(scenario: TrainingScenario, run: number, index: number): void {
    const step = scenario.steps[index];
    if (!step) {
      if (this.trainingRun?.complete(scenario.steps.length)) this.endRun();
      this.publish({ ...this.current, state: 'finished', nextAtSeconds: null, run: this.runProgress() });
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
      await this.perform(step, scenario);
    } catch (error) {
      problem = `step ${index + 1} (${description}) could not be played: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (run !== this.run) return;
    if (problem) this.trainingRun?.note(problem);
    else this.trainingRun?.stepPlayed(index, this.clock.now(), this.target.documentNumbers(step));
    this.publish({ ...this.current, stepsDone: index + 1, problems: problem ? [...this.current.problems, problem] : this.current.problems, run: this.runProgress() });
    this.scheduleStep(scenario, run, index + 1);
  }

  private async perform(step: TrainingStep, scenario: TrainingScenario): Promise<void> {
    switch (step.kind) {
      case 'readDocument':
        await this.target.readDocument(step.traveller, step.faces);
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
        await this.target.vehicleArrives(step.arrival, step.occupantFaces);
        return;
      case 'departs':
        await this.target.departs(step, scenario);
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
