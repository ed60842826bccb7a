import type { BoothAuditAnchor } from '../../app/audit/auditAnchor';
import type { UnreadableAuditCause } from '../../app/audit/unreadableAuditEntry';
import type { DepartureSyncPayload } from '../../app/inspection/exit/departureRecord';
import type { DecisionRecord } from '../../app/inspection/officerDecision';
import type { PurgeReason, RetainedBiometricFacts, RetainedBiometricKind } from '../../app/retention/retentionPolicy';
import type { ReviewKind } from './reviewKinds';
import type { DecisionRow, ReviewState } from './rows';

/** The DecisionStore's inputs, results and errors (what the host contract and the UI see). */

export type DecisionStoreErrorCode = 'duplicate_decision' | 'not_found' | 'already_reviewed' | 'not_permitted' | 'invalid_input';

export class DecisionStoreError extends Error {
  constructor(
    readonly code: DecisionStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DecisionStoreError';
  }
}

/** What the outbox sends to the records service for a decision (one definition, beside its schema). */
export type { DecisionSyncPayload } from '../../app/inspection/decisionRecordSchema';

export interface NewRetainedBiometric {
  readonly kind: RetainedBiometricKind;
  readonly usCitizen: boolean;
  readonly bytes: Uint8Array;
  /** When it was captured (default: the decision time); retention runs from here. */
  readonly capturedAt?: string;
}

export interface RecordDecisionExtras {
  /** The rules made the referral mandatory (queued for review as a forced referral). */
  readonly mandatoryReferral?: boolean;
  /** Decided without the records service (default: the decision's rule reasons say records were unavailable). */
  readonly offline?: boolean;
  /** Face images or templates kept with the decision, subject to retention. */
  readonly biometrics?: readonly NewRetainedBiometric[];
}

export interface RecordedDecision {
  readonly decisionId: string;
  readonly recordedAt: string;
  readonly offline: boolean;
  readonly reviewKinds: readonly ReviewKind[];
  readonly outboxItemId: string;
  readonly auditSeq: number;
  /** The biometrics kept with it, as retention sees them (so a scheduler can wake when the first falls due). */
  readonly retained: readonly Pick<RetainedBiometricFacts, 'kind' | 'usCitizen' | 'storedAt'>[];
}

export interface StoredDecision {
  readonly decision: DecisionRecord;
  readonly offline: boolean;
  readonly mandatory: boolean;
  readonly recordedAt: string;
  readonly reviewState: DecisionRow['reviewState'];
}

export interface ReviewQueueFilter {
  readonly state?: ReviewState;
  readonly kind?: ReviewKind;
}

export interface ReviewQueueItem {
  readonly reviewId: string;
  readonly kind: ReviewKind;
  readonly kinds: readonly ReviewKind[];
  readonly state: ReviewState;
  readonly createdAt: string;
  readonly ageMs: number;
  readonly decisionId: string | null;
  readonly outboxItemId: string | null;
  readonly officer: string | null;
  /** From the decision, when there is one (no personal data: the detail view opens that). */
  readonly outcome: DecisionRecord['outcome'] | null;
  readonly ruleReasons: DecisionRecord['ruleReasons'];
}

export interface ReviewQueuePage {
  readonly total: number;
  readonly items: readonly ReviewQueueItem[];
}

export interface ReviewDetail {
  readonly review: ReviewQueueItem & { readonly resolvedAt: string | null; readonly resolvedBy: string | null; readonly supervisorNote: string | null };
  readonly decision: StoredDecision | null;
  /** The departure it is about (an exit lane's departure confirmed offline), as the outbox holds it to send. */
  readonly departure: StoredDeparture | null;
  /** The alert that raised it (override attempt, dead-lettered sync). */
  readonly alert: unknown;
}

/** A departure as recorded for the outbox: the record, whether the records service was unreachable, and when. */
export type StoredDeparture = Pick<DepartureSyncPayload, 'departure' | 'offline' | 'recordedAt'>;

export interface ReviewVerdict {
  readonly verdict: 'approved' | 'returned';
  readonly note?: string;
}

export interface PurgeReport {
  readonly purged: number;
  readonly byReason: Readonly<Partial<Record<PurgeReason, number>>>;
  readonly nextDueAt: string | null;
  readonly auditSeq: number | null;
}


export interface AuditExport {
  /** The log as JSON Lines: every entry that opens, and a marker line for each that does not. */
  readonly jsonl: string;
  /** Lines in it (entries and markers). */
  readonly entries: number;
  /** The entries exported as markers, by seq, with why they could not be opened. */
  readonly unreadable: readonly { readonly seq: number; readonly cause: UnreadableAuditCause }[];
  /** The records service's anchor the file ends with; null when there was none to add. */
  readonly anchor: BoothAuditAnchor | null;
}
