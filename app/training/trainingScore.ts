import type { z } from 'zod';
import type { OfficerReasonCode } from '../inspection/officerDecision';
import type { ReasonCode } from '../inspection/reasons';
import type { ExpectedDecision } from './expectedDecision';
import { stepVerdictSchema, type runScoreSchema } from './trainingDebrief';

/** What the trainee did with one traveller, as the training run recorded it. */
export interface TraineeDecision {
  readonly outcome: 'clear' | 'refer';
  /** The rule reasons and the officer's own reasons the decision carried. */
  readonly reasons: readonly (ReasonCode | OfficerReasonCode)[];
  /** The case reached a supervisor (a refused override of a mandatory referral). */
  readonly supervisorAlerted: boolean;
  /** From the traveller's arrival (the step) to the decision. */
  readonly secondsTaken: number;
}

/**
 * How one decision compares with the expectation. `let_through` (a referral expected, a clear given) and
 * `wrongly_referred` (the reverse) are separate: letting an impostor through and stopping a genuine traveller are
 * different errors with different costs. `wrong_reason`: the right outcome, but none of the reasons expected;
 * `no_alert`: a supervisor should have been alerted and was not; `too_slow`: right, but after `withinSeconds`;
 * `missed`: no decision at all.
 */
export type StepVerdict = z.output<typeof stepVerdictSchema>;

export interface StepScore {
  readonly verdict: StepVerdict;
  /** For the debrief: what was expected against what happened. */
  readonly message: string;
  /** Whether the traveller let through was marked as an impostor (the costliest miss). */
  readonly impostorLetThrough: boolean;
  /** An exit error of the costliest kind (see departureScore.ts); an impostor let through is critical too. */
  readonly critical?: boolean;
}

export function scoreDecision(expected: ExpectedDecision, decision: TraineeDecision | null): StepScore {
  const result = (verdict: StepVerdict, message: string): StepScore => ({ verdict, message, impostorLetThrough: verdict === 'let_through' && expected.impostor });
  if (!decision) return result('missed', `no decision; expected ${expected.outcome}`);
  if (decision.outcome !== expected.outcome) {
    return expected.outcome === 'refer'
      ? result('let_through', `cleared ${expected.impostor ? 'an impostor' : 'a traveller who had to be referred'}${expected.reasons ? ` (expected: ${expected.reasons.join(' or ')})` : ''}`)
      : result('wrongly_referred', 'referred a traveller who was to be cleared');
  }
  if (expected.reasons && !expected.reasons.some((reason) => decision.reasons.includes(reason))) {
    return result('wrong_reason', `${decision.outcome} for ${decision.reasons.join(', ') || 'no reason'}; expected ${expected.reasons.join(' or ')}`);
  }
  if (expected.supervisorAlert && !decision.supervisorAlerted) return result('no_alert', 'a supervisor had to be alerted and was not');
  if (expected.withinSeconds !== undefined && decision.secondsTaken > expected.withinSeconds) {
    return result('too_slow', `took ${Math.round(decision.secondsTaken)} s; expected within ${expected.withinSeconds} s`);
  }
  return result('correct', `${decision.outcome}, as expected`);
}

/** A run's score (its schema, with what each count means, is in trainingDebrief.ts: it crosses the host boundary). */
export type RunScore = z.output<typeof runScoreSchema>;

const verdicts = stepVerdictSchema.options;

export function summariseRun(scores: readonly StepScore[]): RunScore {
  const counts = Object.fromEntries(verdicts.map((v) => [v, scores.filter((s) => s.verdict === v).length])) as Record<StepVerdict, number>;
  return {
    steps: scores.length,
    counts,
    impostorsLetThrough: scores.filter((s) => s.impostorLetThrough).length,
    genuineReferred: counts.wrongly_referred,
    criticalMisses: scores.filter((s) => s.impostorLetThrough || s.critical).length,
    percent: scores.length === 0 ? 0 : Math.round((100 * counts.correct) / scores.length) };
}
