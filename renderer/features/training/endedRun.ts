import type { TrainingRunState } from '../../../app/training/trainingProgress';

/**
 * The run a window saw open that has now ended, or null: stopped or complete (the same run, no longer open), or
 * replaced by a restart or another scenario (a new run open; the host ends the old one without saying so apart).
 * Nothing is known to have ended when the host knows no run (`run` null: a restarted host).
 */
export function endedRun(seenOpen: string | null, run: TrainingRunState['run']): string | null {
  if (seenOpen === null || run === null) return null;
  return run.runId !== seenOpen || !run.open ? seenOpen : null;
}
