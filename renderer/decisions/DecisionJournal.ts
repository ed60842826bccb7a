import type { ExitConfirmation, RecordedExit } from '../storage/DepartureRecorder';
import type { DecisionRecord, SupervisorAlert } from '../../app/inspection/officerDecision';
import type { EncodedImage } from '../../app/ports/documentRead';
import type { DecisionStore } from '../storage/DecisionStore';
import type { TrainingDecisionReport, TrainingMark } from '../../app/training/trainingDebrief';

/** A decision made while a training run is open: its run, and which traveller it was on (null: the vehicle as a whole, not scored). */
export interface TrainingContext {
  readonly mark: TrainingMark;
  readonly subject: TrainingDecisionReport['subject'] | null;
  /** The chip verdict the screen showed for the traveller (a verified chip leaves no evidence item in the decision). */
  readonly chipVerdict: TrainingDecisionReport['evidence']['chipVerdict'];
}
import type { RecordedDecision } from '../storage/decisionStoreTypes';

/** What the journal needs besides the decision itself to queue it for review and to apply retention. */
export interface DecisionContext {
  /** The rules made the referral mandatory (it goes to the supervisor's queue as a forced referral). */
  readonly mandatoryReferral: boolean;
  /** The best live shot kept with the decision (absent when nothing may be kept: opt-out, no face). */
  readonly bestShot?: EncodedImage;
  /** U.S. citizens' photos are purged within 12 hours. */
  readonly usCitizen: boolean;
  /** Made in a training run: kept and audited as training, scored by the run, never synced or queued for review. */
  readonly training?: TrainingContext;
}

/**
 * Where the officer's decisions go. A decision is shown as recorded only after `recordDecision` resolves,
 * which it does once the decision is durable (its storage transaction has completed).
 */
export interface DecisionJournal {
  recordDecision(decision: DecisionRecord, context: DecisionContext): Promise<void>;
  /** An officer tried to clear a mandatory referral: the supervisor must hear of it (in a training run: the run does). */
  recordAlert(alert: SupervisorAlert, training?: TrainingContext): Promise<void>;
  /** Sign-ins, locks and other accountable steps that are not decisions, attributed to the signed-in user. */
  audit(action: SessionAuditAction, details?: Readonly<Record<string, string>>): Promise<void>;
}

/** The journal the app uses: the DecisionJournal, and the store behind it for the supervisor's screen. */
export interface BoothJournal extends DecisionJournal {
  store(): Promise<DecisionStore>;
  /**
   * An exit lane's confirming key: recorded durably, then told to onRecorded listeners (sync wakes, retention plans
   * the citizens' purge). In a training run (`training`) it is audited as training only: never synced or reviewed.
   */
  recordExit(confirmation: ExitConfirmation, training?: TrainingMark): Promise<RecordedExit>;
  /** Told after every decision made durable (the sync engine wakes up to send it, retention to purge what it kept). */
  onRecorded(listener: (recorded: RecordedDecision) => void): () => void;
}

export type SessionAuditAction = 'sign_in' | 'sign_in_failed' | 'sign_out' | 'screen_lock' | 'screen_unlock' | 'view_traveller';
