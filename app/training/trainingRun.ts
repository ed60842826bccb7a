import type { ExpectedDecision } from './expectedDecision';
import { describeExpectation } from './expectedDecision';
import { practiseAdvice } from './practiseAdvice';
import type { DebriefStep, TrainingAlertReport, TrainingDebrief, TrainingDecisionReport } from './trainingDebrief';
import { describeTrainingStep, type TrainingScenario, type TrainingStep } from './trainingScenario';
import { scoreDecision, summariseRun, type StepScore } from './trainingScore';
import { scoreDeparture, type ExpectedOccupant } from './departureScore';
import { describeDepartureExpectation } from './expectedDeparture';
import type { DepartureAction, TrainingDepartureReport } from './trainingDebrief';
import { personName, scenarioGalleryEntries } from './scenarioPeople';
import { stayStanding } from '../inspection/exit/stayLength';

/** One traveller a step brought with what a correct officer does with them: a place the trainee's decision fills. */
interface SlotBase {
  readonly step: number;
  readonly occupant: number | null;
  readonly description: string;
  readonly arrivedAt: Date;
}

/** An entry lane's traveller: matched by document number (else seat), filled by the trainee's decision. */
interface EntrySlot extends SlotBase {
  readonly exit?: undefined;
  readonly documentNumber: string | null;
  readonly expected: ExpectedDecision;
  decision: TrainingDecisionReport | null;
  alerted: boolean;
}

/** An exit lane's departing occupant: who they are, and what the trainee did with them (null: no report named them yet). */
interface ExitSlot extends SlotBase {
  readonly exit: ExpectedOccupant;
  departure: { readonly action: DepartureAction; readonly decidedAt: string } | null;
}

type Slot = EntrySlot | ExitSlot;

const subjectMatches = (slot: EntrySlot, subject: TrainingDecisionReport['subject']) =>
  slot.documentNumber !== null && subject.documentNumber !== null ? slot.documentNumber === subject.documentNumber : (slot.occupant ?? 0) === subject.occupantIndex;

/** The expectations a step carries: one for a traveller, one per occupant for a vehicle, none for the others. */
function expectationsOf(step: TrainingStep): readonly ExpectedDecision[] {
  if (step.kind === 'readDocument') return step.expect ? [step.expect] : [];
  if (step.kind === 'vehicleArrives') return step.expectOccupants ?? [];
  return [];
}

/**
 * One training run being scored (environment-free: the host keeps it, time comes in as arguments). Each step
 * that brings travellers opens a slot per expectation when it is played; each decision the trainee reports fills
 * the latest open slot of the same traveller (by document number, else by place in the vehicle), and is scored
 * there. Decisions no slot takes (the trainee's own reads, the vehicle as a whole) are noted, not scored.
 */
export class TrainingRun {
  private readonly slots: Slot[] = [];
  private readonly notes: string[] = [];
  private endedAt: Date | null = null;
  private trainee: string | null;

  constructor(
    readonly runId: string,
    readonly scenario: TrainingScenario,
    readonly startedBy: string,
    readonly startedAt: Date,
    trainee?: string,
  ) {
    this.trainee = trainee ?? null;
  }

  get ended(): boolean {
    return this.endedAt !== null;
  }

  /** Step `index` was played at `at`; `documentNumbers` are those of the travellers it brought, in order (null: unknown). */
  stepPlayed(index: number, at: Date, documentNumbers: readonly (string | null)[]): void {
    const step = this.scenario.steps[index];
    if (!step || this.ended) return;
    if (step.kind === 'departs') {
      step.expectOccupants?.forEach((expected, occupant) => {
        const personId = step.occupants[occupant] ?? '';
        const exit = { personId, expected, overstayDays: this.overstayDaysOf(personId, at) };
        const person = this.scenario.people?.find((p) => p.id === personId);
        const description = `${personId}${person ? ` (${personName(person)})` : ''} leaves${step.vehicle === undefined ? '' : ` in scripted vehicle ${step.vehicle}`}, seat ${occupant + 1} of ${step.occupants.length}`;
        this.slots.push({ step: index + 1, occupant, description, arrivedAt: at, exit, departure: null });
      });
      return;
    }
    const expectations = expectationsOf(step);
    expectations.forEach((expected, occupant) => {
      this.slots.push({
        step: index + 1,
        occupant: step.kind === 'vehicleArrives' ? occupant : null,
        documentNumber: documentNumbers[occupant] ?? null,
        description: describeTrainingStep(step),
        expected,
        arrivedAt: at,
        decision: null,
        alerted: false,
      });
    });
  }

  /**
   * Scores what one confirming key (or a look-alike ruling) did at an exit lane, for every occupant it had on screen:
   * each finds the open slot of the person they were confirmed (or identified) as, else of a person among the
   * look-alikes they were picked among or ruled out; an occupant held and not identified, the slot of someone the
   * gallery cannot know (expected not identified). A hold stands until the occupant is confirmed or ruled out.
   */
  departed(report: TrainingDepartureReport, by: string): DebriefStep[] {
    if (this.ended || report.runId !== this.runId) return [];
    this.trainee ??= by;
    return report.occupants.flatMap((action) => {
      const slot = this.openExitSlotOf(action);
      if (!slot) {
        // A hold reported again (the next key press at the same departure) is no news.
        if (action.action !== 'held') this.notes.push(`exit ${report.sessionId}: ${action.action} ${action.travellerId ?? 'an occupant'} matched no expected departing occupant: not scored`);
        return [];
      }
      slot.departure = { action, decidedAt: report.decidedAt };
      return [this.lineOf(slot)];
    });
  }

  /** A note for the debrief (a step that could not be played). */
  note(text: string): void {
    this.notes.push(text);
  }

  /** Scores a reported decision; returns its debrief line, or null when no expected traveller matched it. */
  decided(report: TrainingDecisionReport, by: string): DebriefStep | null {
    if (this.ended || report.runId !== this.runId) return null;
    this.trainee ??= by;
    const slot = this.openSlotOf(report.subject);
    if (!slot) {
      this.notes.push(`decision ${report.decisionId} (${report.outcome}) matched no expected traveller: not scored`);
      return null;
    }
    slot.decision = report;
    return this.lineOf(slot);
  }

  /** The trainee tried to clear a mandatory referral: the case went to the (simulated) supervisor. */
  alerted(report: TrainingAlertReport): void {
    if (this.ended || report.runId !== this.runId) return;
    const slot = this.openSlotOf(report.subject);
    if (slot) slot.alerted = true;
  }

  end(at: Date): void {
    this.endedAt ??= at;
  }

  /** Whether every step has been played and every expected traveller decided (the run can end by itself). */
  complete(stepsPlayed: number): boolean {
    return stepsPlayed >= this.scenario.steps.length && this.slots.every((slot) => (slot.exit ? slot.departure !== null : slot.decision !== null));
  }

  /** The score so far: decided travellers only while open; every expected traveller once ended (undecided: missed). */
  debrief(): TrainingDebrief {
    const counted = this.ended ? this.slots : this.slots.filter((slot) => (slot.exit ? slot.departure !== null : slot.decision !== null));
    const lines = this.slots.map((slot) => this.lineOf(slot));
    const scores = counted.map((slot) => this.scoreOf(slot));
    return {
      runId: this.runId,
      scenario: this.scenario.name,
      description: this.scenario.description,
      laneType: this.scenario.laneType,
      trainee: this.trainee ?? this.startedBy,
      startedBy: this.startedBy,
      startedAt: this.startedAt.toISOString(),
      endedAt: this.endedAt?.toISOString() ?? null,
      score: summariseRun(scores),
      steps: lines,
      practise: practiseAdvice(lines),
      notes: this.notes.slice(0, 200),
    };
  }

  private openSlotOf(subject: TrainingDecisionReport['subject']): EntrySlot | undefined {
    return [...this.slots].reverse().find((slot): slot is EntrySlot => !slot.exit && slot.decision === null && subjectMatches(slot, subject));
  }

  private openExitSlotOf(action: DepartureAction): ExitSlot | undefined {
    // A held occupant is still open to what the officer does next; a hold fills only a slot nothing filled yet.
    const open = [...this.slots]
      .reverse()
      .filter((slot): slot is ExitSlot => slot.exit !== undefined && (slot.departure === null || (action.action !== 'held' && slot.departure.action.action === 'held')));
    const named = open.find((slot) => slot.exit.personId === action.travellerId) ?? open.find((slot) => action.among.includes(slot.exit.personId));
    if (named || action.action !== 'held' || action.travellerId !== null || action.among.length > 0) return named;
    return open.find((slot) => slot.exit.expected.outcome === 'not_identified' && slot.exit.expected.resolve === undefined);
  }

  /** The overstay the run's gallery gives a person on the day `at` (null: none, or no admit-until date). */
  private overstayDaysOf(personId: string, at: Date): number | null {
    const entry = scenarioGalleryEntries(this.scenario.people ?? [], this.startedAt.toISOString().slice(0, 10)).find((e) => e.travellerId === personId);
    if (!entry || entry.admitUntil === null) return null;
    const stay = stayStanding(entry.admitUntil, at.toISOString().slice(0, 10));
    return stay.kind === 'overstay' ? stay.days : null;
  }

  private scoreOf(slot: Slot): StepScore {
    if (slot.exit) return scoreDeparture(slot.exit, slot.departure ? { action: slot.departure.action, secondsTaken: secondsBetween(slot.arrivedAt, slot.departure.decidedAt) } : null);
    const decision = slot.decision;
    return scoreDecision(
      slot.expected,
      decision && {
        outcome: decision.outcome,
        reasons: decision.reasons,
        supervisorAlerted: slot.alerted,
        secondsTaken: secondsBetween(slot.arrivedAt, decision.decidedAt),
      },
    );
  }

  private lineOf(slot: Slot): DebriefStep {
    if (slot.exit) return this.exitLineOf(slot);
    const decided = slot.decision;
    const score = decided || this.ended ? this.scoreOf(slot) : null;
    return {
      lane: 'entry',
      departure: null,
      critical: score?.impostorLetThrough ?? false,
      step: slot.step,
      occupant: slot.occupant,
      documentNumber: slot.documentNumber,
      description: slot.description,
      expected: describeExpectation(slot.expected),
      impostor: slot.expected.impostor,
      arrivedAt: slot.arrivedAt.toISOString(),
      decision: decided && {
        outcome: decided.outcome,
        reasons: decided.reasons,
        supervisorAlerted: slot.alerted,
        decidedAt: decided.decidedAt,
        secondsTaken: secondsTaken(slot.arrivedAt, decided.decidedAt),
        evidence: decided.evidence,
      },
      verdict: score?.verdict ?? null,
      message: score?.message ?? 'not decided yet',
    };
  }

  private exitLineOf(slot: ExitSlot): DebriefStep {
    const departure = slot.departure;
    const score = departure || this.ended ? this.scoreOf(slot) : null;
    return {
      lane: 'exit',
      departure: departure ? { ...departure.action, decidedAt: departure.decidedAt, secondsTaken: secondsTaken(slot.arrivedAt, departure.decidedAt) } : null,
      critical: score?.critical ?? false,
      step: slot.step,
      occupant: slot.occupant,
      documentNumber: null,
      description: slot.description,
      expected: describeDepartureExpectation(slot.exit.expected, slot.exit.overstayDays),
      impostor: false,
      arrivedAt: slot.arrivedAt.toISOString(),
      decision: null,
      verdict: score?.verdict ?? null,
      message: score?.message ?? 'not confirmed yet',
    };
  }
}


const secondsBetween = (from: Date, to: string) => Math.max(0, (Date.parse(to) - from.getTime()) / 1000);
/** As the debrief shows it: to the tenth of a second. */
const secondsTaken = (from: Date, to: string) => Math.round(secondsBetween(from, to) * 10) / 10;
