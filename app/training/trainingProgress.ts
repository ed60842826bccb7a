import { z } from 'zod';
import { laneTypeSchema } from '../settings/boothSettings';
import { laneDirectionSchema } from '../settings/laneDirection';
import { runScoreSchema, trainingRunIdSchema } from './trainingDebrief';

/** Where the scenario player is, as the trainer panel shows it (host → renderer). */
export const trainingProgressSchema = z.strictObject({
  /** idle: nothing loaded; ready: loaded, not started; playing; finished: every step played; stopped by the trainer. */
  state: z.enum(['idle', 'ready', 'playing', 'finished', 'stopped']),
  /** The scenario's name, or null when none is loaded. */
  scenario: z.string().max(60).nullable(),
  stepCount: z.number().int().min(0),
  /** How many steps have been played (0 … stepCount). */
  stepsDone: z.number().int().min(0),
  /** The step played last (or being played), in words, e.g. "the records service goes down". */
  currentStep: z.string().max(300).nullable(),
  /** When the next step is due, in seconds after the start; null when none is pending. */
  nextAtSeconds: z.number().min(0).nullable(),
  /** Steps of this run that could not be played, and why (e.g. a read while the trainer had unplugged the reader). */
  problems: z.array(z.string().max(1000)).max(200),
  /**
   * The training run of the last start: while `open`, every decision made at the booth is a training decision (marked,
   * kept and audited as training, never synced or queued for review); `score` is the live score. Null before any start.
   */
  run: z.strictObject({ runId: trainingRunIdSchema, open: z.boolean(), score: runScoreSchema }).nullable(),
});
export type TrainingProgress = z.output<typeof trainingProgressSchema>;

/**
 * What every booth window is told of training (host → any renderer): whether a run is open, and which, since a
 * decision made while one is open is a training decision marked with it. Nothing else: the scenario, its steps and
 * the live score say what each traveller is expected to get (the answers), and go to trainers only (training:progress).
 */
export const trainingRunStateSchema = z.strictObject({
  run: z.strictObject({ runId: trainingRunIdSchema, open: z.boolean() }).nullable(),
});
export type TrainingRunState = z.output<typeof trainingRunStateSchema>;

/** The part of the player's progress every window may know. */
export function trainingRunStateOf(progress: TrainingProgress): TrainingRunState {
  return { run: progress.run ? { runId: progress.run.runId, open: progress.run.open } : null };
}

/** A built-in scenario as the trainer panel lists it. */
export const trainingScenarioSummarySchema = z.strictObject({
  name: z.string().max(60),
  description: z.string().max(1000),
  laneType: laneTypeSchema,
  /** Exit scenarios play on exit booths only (and entry ones on entry booths). */
  direction: laneDirectionSchema.default('entry'),
  stepCount: z.number().int().min(1),
});
export type TrainingScenarioSummary = z.output<typeof trainingScenarioSummarySchema>;
