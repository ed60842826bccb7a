import { z } from 'zod';
import { chipVerdictSchema } from '../document/lds/chipVerdict';
import { reasonCodeSchema } from '../inspection/decisionRecordSchema';
import type { DecisionRecord } from '../inspection/officerDecision';
import { officerReasonCodes } from '../inspection/officerDecision';
import { laneTypeSchema } from '../settings/boothSettings';
import { trainingScenarioNameSchema } from './trainingScenario';

/**
 * What a training run leaves behind: the trainee's decisions as the run saw them (with the evidence that was on
 * screen when each was made), the score and the debrief. These cross the host boundary (renderer → host reports,
 * host → renderer debriefs) and are kept as files, so each is a schema, parsed at every crossing.
 */

const text = (max: number) => z.string().max(max);
export const trainingRunIdSchema = z.string().regex(/^run-[A-Za-z0-9-]{1,80}$/, 'must be "run-" followed by letters, digits and dashes');
const userId = z.string().min(1).max(40);

/**
 * What marks a decision as made in a training run: kept and audited as training, never synced, never queued for
 * review. The run only: a trainee's window is never told the scenario while deciding (its name says what is coming);
 * the run history names it. Rows recorded before 2026-12-07 carry the scenario too.
 */
export const trainingMarkSchema = z.strictObject({ runId: trainingRunIdSchema, scenario: trainingScenarioNameSchema.optional() });
export type TrainingMark = z.output<typeof trainingMarkSchema>;
const at = z.iso.datetime({ offset: true });
const reason = z.union([reasonCodeSchema, z.enum(officerReasonCodes)]);

/** What the trainee had on screen when deciding: the face comparison and its false-match rate, the chip's verdict, the alerts. */
export const evidenceOnScreenSchema = z.strictObject({
  faceMatch: z.strictObject({ decision: z.enum(['match', 'no_match']), score: z.number(), threshold: z.number(), falseMatchRate: text(100) }).nullable(),
  /** `not_read` when no chip report was there (the chip was not read, or not yet). */
  chipVerdict: z.union([chipVerdictSchema, z.literal('not_read')]),
  /** Record alerts (kind and severity) and the rules' reasons the screen showed. */
  alerts: z.array(text(120)).max(60),
  recommended: z.enum(['clear', 'refer']),
});
export type EvidenceOnScreen = z.output<typeof evidenceOnScreenSchema>;

/** Where a training decision was made: which traveller (by document number, else by place in the vehicle). */
const subjectSchema = z.strictObject({
  documentNumber: z.string().min(1).max(20).nullable(),
  /** The traveller's place among the session's occupants (0 in a one-traveller lane). */
  occupantIndex: z.number().int().min(0).max(9),
});

/** The renderer tells the host what the trainee decided, once the decision is durable (marked as training). */
export const trainingDecisionReportSchema = z.strictObject({
  runId: trainingRunIdSchema,
  decisionId: z.string().min(1).max(200),
  subject: subjectSchema,
  outcome: z.enum(['clear', 'refer']),
  reasons: z.array(reason).max(100),
  decidedAt: at,
  evidence: evidenceOnScreenSchema,
});
export type TrainingDecisionReport = z.output<typeof trainingDecisionReportSchema>;

/** The trainee tried to clear a mandatory referral: in a training run the "supervisor" is the debrief. */
export const trainingAlertReportSchema = z.strictObject({ runId: trainingRunIdSchema, subject: subjectSchema, at });
export type TrainingAlertReport = z.output<typeof trainingAlertReportSchema>;

/**
 * How one expected traveller was handled. Exit lanes add `wrongly_held` (a traveller who could leave was held: the
 * lesser exit error) and `wrong_traveller` (a look-alike search resolved to the wrong person: a departure recorded for
 * someone else, critical); a departure confirmed for someone to be held is `let_through` (critical).
 */
/** What the trainee did with one departing occupant, as the exit lane's confirmation recorded it. */
export const departureActionSchema = z.strictObject({
  /** The occupant on screen (the exit lane's id for it). */
  occupantId: z.string().min(1).max(200),
  /**
   * confirmed: the confirming key covered them; ruled_out: the officer said none of the look-alikes is the traveller (X);
   * held: on screen (a face seen) when the key was pressed and left held, by the rules or by the officer (H). An
   * occupant no report names was never shown to the trainee, or the departure never handled: the run cannot call it held.
   */
  action: z.enum(['confirmed', 'ruled_out', 'held']),
  /** What was confirmed: a departure record, a U.S. citizen without a record, an opt-out; null when ruled out or held. */
  as: z.enum(['departure', 'citizen', 'opt_out']).nullable(),
  /** The gallery traveller it was confirmed as, or the card identified them as when held (null: ruled out, not identified, or an opt-out nobody in the gallery). */
  travellerId: z.string().min(1).max(100).nullable(),
  /** The look-alike candidates the officer picked among or ruled out (traveller ids); empty when the search was not ambiguous. */
  among: z.array(z.string().min(1).max(100)).max(10),
  /** What the occupant's card said, e.g. "Overstay 100 days (admitted until 2026-08-29)". */
  shown: text(300),
});
export type DepartureAction = z.output<typeof departureActionSchema>;

/** The exit lane tells the host what one confirming key (or a look-alike ruling) did in a training run, once durable: every occupant on screen. */
export const trainingDepartureReportSchema = z.strictObject({
  runId: trainingRunIdSchema,
  sessionId: z.string().min(1).max(200),
  decidedAt: at,
  occupants: z.array(departureActionSchema).min(1).max(9),
});
export type TrainingDepartureReport = z.output<typeof trainingDepartureReportSchema>;

export const stepVerdictSchema = z.enum(['correct', 'let_through', 'wrongly_referred', 'wrong_reason', 'no_alert', 'too_slow', 'missed', 'wrongly_held', 'wrong_traveller']);

export const runScoreSchema = z.strictObject({
  steps: z.number().int().min(0),
  /** Per verdict (runs kept before the exit verdicts existed lack those: read a missing count as 0). */
  counts: z.partialRecord(stepVerdictSchema, z.number().int().min(0)),
  /** Impostors cleared, counted apart from the other travellers let through. */
  impostorsLetThrough: z.number().int().min(0),
  /** Genuine travellers referred, counted apart from the other wrong outcomes (a different error, a different cost). */
  genuineReferred: z.number().int().min(0),
  /**
   * The costliest errors, counted apart: impostors cleared, and at exit a departure confirmed for someone to be held
   * (an overstay or lookout let go) or recorded for the wrong look-alike. 0 in runs kept before it was counted.
   */
  criticalMisses: z.number().int().min(0).default(0),
  /** Correct decisions in percent of the scored ones (0 when none was scored). */
  percent: z.number().min(0).max(100),
});

/** One expected traveller of the run: what was expected, what happened, and on what evidence. */
export const debriefStepSchema = z.strictObject({
  /** The scenario step (1-based) that brought the traveller, and their place in the vehicle (null: one-traveller lane). */
  step: z.number().int().min(1),
  occupant: z.number().int().min(0).nullable(),
  documentNumber: z.string().max(20).nullable(),
  description: text(300),
  expected: text(300),
  impostor: z.boolean(),
  arrivedAt: at,
  decision: z
    .strictObject({ outcome: z.enum(['clear', 'refer']), reasons: z.array(reason).max(100), supervisorAlerted: z.boolean(), decidedAt: at, secondsTaken: z.number().min(0), evidence: evidenceOnScreenSchema })
    .nullable(),
  verdict: stepVerdictSchema.nullable(),
  message: text(500),
  /** An exit lane's departing occupant (its `departure` says what the trainee did) or an entry lane's traveller (`decision`). */
  lane: z.enum(['entry', 'exit']).default('entry'),
  departure: departureActionSchema.extend({ decidedAt: at, secondsTaken: z.number().min(0) }).nullable().default(null),
  /** The error is a critical miss (see runScoreSchema.criticalMisses). */
  critical: z.boolean().default(false),
});
export type DebriefStep = z.output<typeof debriefStepSchema>;

export const trainingDebriefSchema = z.strictObject({
  runId: trainingRunIdSchema,
  scenario: trainingScenarioNameSchema,
  description: text(1000),
  laneType: laneTypeSchema,
  trainee: userId,
  startedBy: userId,
  startedAt: at,
  /** Null while the run is open (a live debrief). */
  endedAt: at.nullable(),
  score: runScoreSchema,
  steps: z.array(debriefStepSchema).max(500),
  /** What to practise next, from the errors made. */
  practise: z.array(text(300)).max(20),
  /** Steps the booth could not play, and decisions no expectation matched. */
  notes: z.array(text(1000)).max(200),
});
export type TrainingDebrief = z.output<typeof trainingDebriefSchema>;

/** One line of the run history: enough to list runs by trainee and compare them. */
export const trainingRunSummarySchema = trainingDebriefSchema.pick({ runId: true, scenario: true, trainee: true, startedBy: true, startedAt: true, endedAt: true, score: true });
export type TrainingRunSummary = z.output<typeof trainingRunSummarySchema>;

export const summariseDebrief = ({ runId, scenario, trainee, startedBy, startedAt, endedAt, score }: TrainingDebrief): TrainingRunSummary => ({ runId, scenario, trainee, startedBy, startedAt, endedAt, score });

/**
 * The evidence of a decision as it was recorded, in the few facts a debrief shows (taken at decision time).
 * `chipVerdict`: the verdict the screen showed (a verified chip leaves no evidence item in the decision).
 */
export function evidenceOnScreen(decision: Pick<DecisionRecord, 'evidence' | 'ruleReasons' | 'recommended'>, chipVerdict?: EvidenceOnScreen['chipVerdict']): EvidenceOnScreen {
  let faceMatch: EvidenceOnScreen['faceMatch'] = null;
  let fromEvidence: EvidenceOnScreen['chipVerdict'] = 'not_read';
  const alerts: string[] = [];
  for (const item of decision.evidence) {
    if (item.kind === 'face_match' && !faceMatch) faceMatch = { decision: item.decision, score: item.score, threshold: item.threshold, falseMatchRate: item.falseMatchRate.text };
    if (item.kind === 'chip_report') fromEvidence = item.verdict ?? (item.outcome === 'failed' ? 'not_read' : fromEvidence);
    if (item.kind === 'record_alert') alerts.push(`record alert: ${item.alertKind} (${item.severity})`);
  }
  alerts.push(...decision.ruleReasons);
  return { faceMatch, chipVerdict: chipVerdict ?? fromEvidence, alerts: alerts.slice(0, 60), recommended: decision.recommended };
}
