import type { AuditAction, AuditRole } from '../../app/audit/auditEntry';
import type { DecisionRecord } from '../../app/inspection/officerDecision';
import type { OutboxHeader } from '../../app/outbox/outboxItem';
import type { RetainedBiometricKind } from '../../app/retention/retentionPolicy';
import type { SealedField } from './recordCipher';
import type { TrainingMark } from '../../app/training/trainingDebrief';
import type { ReviewKind } from './reviewKinds';

/**
 * Rows of the current schema version. Fields in clear are what indexes, queues and policies need and hold no
 * personal data; everything personal or biometric is in `sealed` (see recordCipher.ts).
 */

export type DecisionReviewState = 'not_needed' | 'pending' | 'approved' | 'returned';

/** Sealed part of a decision: who it was about and on what evidence. */
export interface SealedDecisionContent {
  readonly subject: DecisionRecord['subject'];
  readonly evidence: DecisionRecord['evidence'];
  readonly note?: string;
}

export interface DecisionRow {
  readonly decisionId: string;
  readonly decidedAt: string;
  readonly recordedAt: string;
  readonly officer: string;
  readonly outcome: DecisionRecord['outcome'];
  readonly recommended: DecisionRecord['recommended'];
  readonly overridden: boolean;
  /** Decided while the records service was unreachable. */
  readonly offline: boolean;
  /** The rules made the referral mandatory. */
  readonly mandatory: boolean;
  readonly ruleReasons: DecisionRecord['ruleReasons'];
  readonly officerReasons: DecisionRecord['officerReasons'];
  readonly versions: DecisionRecord['versions'];
  readonly route: DecisionRecord['route'];
  readonly biometricRetained: boolean;
  /** The lane's direction and the policy the decision was made under (absent from rows recorded before either existed). */
  readonly direction?: DecisionRecord['direction'];
  readonly policyId?: DecisionRecord['policyId'];
  /** Keyed pseudonym of the traveller (RecordCipher.travellerTag). */
  readonly travellerTag: string;
  readonly reviewState: DecisionReviewState;
  readonly sealed: SealedField;
  /** Made in a training run: kept and audited as training, never synced, never in the review queue. */
  readonly training?: TrainingMark;
}

export type ReviewState = 'open' | 'approved' | 'returned';

export interface ReviewRow {
  readonly reviewId: string;
  /** The most important reason it is queued (the index filters on it). */
  readonly kind: ReviewKind;
  readonly kinds: readonly ReviewKind[];
  readonly state: ReviewState;
  readonly createdAt: string;
  readonly decisionId: string | null;
  readonly outboxItemId: string | null;
  /** The officer whose action is reviewed. */
  readonly officer: string | null;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  /** Sealed: the alert that raised it (override attempt, dead letter) and the supervisor's note. */
  readonly sealed: SealedField | null;
}

export interface SealedReviewContent {
  readonly alert?: unknown;
  readonly supervisorNote?: string;
}

export interface OutboxRow extends Omit<OutboxHeader, 'travellerKey'> {
  /** Keyed pseudonym of the traveller: the sync engine keeps order per traveller on it. */
  readonly travellerKey: string;
  /** The decision's id, or a departure's (kind 'departure'). */
  readonly decisionId: string;
  /** What the item carries: a decision when absent (every item before exit lanes), or a departure record. */
  readonly kind?: 'departure';
  /** Sealed: the payload (the decision record as sent). */
  readonly sealed: SealedField;
}

export interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly action: AuditAction;
  readonly actorUserId: string;
  readonly actorRole: AuditRole;
  readonly prevHash: string;
  readonly hash: string;
  /** Sealed: subject and details (they may name a traveller). */
  readonly sealed: SealedField;
}

export interface RetainedBiometricRow {
  readonly itemId: string;
  readonly decisionId: string;
  readonly travellerTag: string;
  readonly usCitizen: boolean;
  readonly kind: RetainedBiometricKind;
  readonly storedAt: string;
  /** Sealed bytes: the face image or template. */
  readonly sealed: SealedField;
}

export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
}
