import type { BoothAuditAnchor } from '../../app/audit/auditAnchor';
import type { AuditAction, AuditActor, AuditDraft, AuditEntry, AuditSubject } from '../../app/audit/auditEntry';
import type { AuditVerification } from '../../app/audit/auditChain';
import type { DecisionRecord, SupervisorAlert } from '../../app/inspection/officerDecision';
import type { Clock } from '../../app/ports/Clock';
import type { Ids } from '../../app/ports/Ids';
import type { RetentionSettings } from '../../app/retention/retentionPolicy';
import { AuditedWriter } from './AuditedWriter';
import { AuditLogStore } from './AuditLogStore';
import type { BoothDatabase } from './BoothDatabase';
import { DecisionRecorder } from './DecisionRecorder';
import { DepartureRecorder, type ExitConfirmation, type RecordedExit } from './DepartureRecorder';
import { ExitGalleryStore } from './ExitGalleryStore';
import type { AuditExport, PurgeReport, RecordDecisionExtras, RecordedDecision, ReviewDetail, ReviewQueueFilter, ReviewQueueItem, ReviewQueuePage, ReviewVerdict, StoredDecision } from './decisionStoreTypes';
import { DexieOutboxStore } from './DexieOutboxStore';
import { TrainingDecisionRecorder } from './TrainingDecisionRecorder';
import type { TrainingMark } from '../../app/training/trainingDebrief';
import { RecordCipher } from './recordCipher';
import { RetentionStore } from './RetentionStore';
import { ReviewQueueStore } from './ReviewQueueStore';
import { checkStorageKey, recordKeyChange, type StorageKeyStatus } from './storageKeyCheck';
import type { StorageKeyProvider } from './storageKeys';
import type { StoreContext } from './storeContext';
import type { PolicySet } from '../../app/policy/policySet';

// Callers (seeding, harnesses) group decisions by traveller the way the store does.
export { travellerKeyOf } from './DecisionRecorder';

export interface DecisionStoreDeps {
  readonly db: BoothDatabase;
  readonly keys: StorageKeyProvider;
  readonly clock: Clock;
  readonly ids: Ids;
}

/**
 * The booth's durable record: decisions with their outbox item and audit entry, the supervisor queue, retention
 * purges and the audit export. Every write is one transaction and resolves only after it completed. Opening it
 * checks the storage key; each part (DecisionRecorder, ReviewQueueStore, RetentionStore, AuditLogStore) works on
 * the same database, cipher and audited writer, and this class is what callers hold.
 */
export class DecisionStore {
  /** The outbox for a SyncEngine<DecisionSyncPayload>. */
  readonly outbox: DexieOutboxStore;
  private readonly recorder: DecisionRecorder;
  private readonly trainingRecorder: TrainingDecisionRecorder;
  private readonly departures: DepartureRecorder;
  /** Exit lanes: the lane's gallery, sealed at rest for offline work. */
  readonly exitGallery: ExitGalleryStore;
  private readonly reviews: ReviewQueueStore;
  private readonly retention: RetentionStore;
  private readonly auditLog: AuditLogStore;

  private constructor(
    private readonly context: StoreContext,
    ids: Ids,
    /**
     * Whether the storage key is the one this database was sealed with. When it changed, the store still works (new
     * records are sealed under the current key) and the change is audited and queued for a supervisor; the booth
     * shows it. See storageKeyCheck.ts.
     */
    readonly keyStatus: StorageKeyStatus,
  ) {
    this.outbox = new DexieOutboxStore(context.db, context.cipher, context.writer);
    this.recorder = new DecisionRecorder(context, ids);
    this.trainingRecorder = new TrainingDecisionRecorder(context);
    this.departures = new DepartureRecorder(context, ids);
    this.exitGallery = new ExitGalleryStore(context);
    this.reviews = new ReviewQueueStore(context);
    this.retention = new RetentionStore(context);
    this.auditLog = new AuditLogStore(context);
  }

  /** Opens the database (running any migrations), reads the audit chain's head and checks the storage key. */
  static async open(deps: DecisionStoreDeps): Promise<DecisionStore> {
    await deps.db.open();
    const cipher = await RecordCipher.create(deps.keys);
    const writer = await AuditedWriter.load(deps.db, cipher);
    const keyStatus = await checkStorageKey(deps.db, cipher, deps.clock.now());
    if (keyStatus.state === 'changed') await recordKeyChange(writer, deps.db, cipher, keyStatus, deps.clock.now().toISOString());
    return new DecisionStore({ db: deps.db, cipher, writer, clock: deps.clock }, deps.ids, keyStatus);
  }

  close(): void {
    this.context.db.close();
  }

  /** Records a decision, its outbox item, its review item (if it needs one), its biometrics and its audit entry together. */
  recordDecision(decision: DecisionRecord, actor: AuditActor, extras: RecordDecisionExtras = {}): Promise<RecordedDecision> {
    return this.recorder.recordDecision(decision, actor, extras);
  }

  /** A training run's decision: kept and audited as training; never synced, never queued for review (TrainingDecisionRecorder). */
  recordTrainingDecision(decision: DecisionRecord, actor: AuditActor, training: TrainingMark): Promise<{ readonly decisionId: string; readonly recordedAt: string; readonly auditSeq: number }> {
    return this.trainingRecorder.recordTrainingDecision(decision, actor, training);
  }

  /** A trainee tried to clear a mandatory referral: audited as training, scored by the run, not queued for a supervisor. */
  recordTrainingAlert(alert: SupervisorAlert, actor: AuditActor, training: TrainingMark): Promise<void> {
    return this.trainingRecorder.recordTrainingAlert(alert, actor, training);
  }

  /** An exit lane's confirming key: departures with their outbox items, citizens' photos under retention, opt-outs, one audit entry. */
  recordExit(confirmation: ExitConfirmation, actor: AuditActor, training?: TrainingMark): Promise<RecordedExit> {
    return this.departures.recordExit(confirmation, actor, training);
  }

  /** An officer tried to clear a mandatory referral: queued for a supervisor and audited. */
  recordOverrideAttempt(alert: SupervisorAlert, actor: AuditActor): Promise<{ readonly reviewId: string }> {
    return this.recorder.recordOverrideAttempt(alert, actor);
  }

  /** A decision with its sealed content opened (not audited: use getReviewDetail or auditView for a person's view). */
  getDecision(decisionId: string): Promise<StoredDecision | null> {
    return this.recorder.getDecision(decisionId);
  }

  /** One page of the supervisor queue, oldest first, with its total; read from the indexes only (nothing is decrypted). */
  listReviewQueue(filter: ReviewQueueFilter = {}, page: { readonly offset: number; readonly limit: number } = { offset: 0, limit: 50 }): Promise<ReviewQueuePage> {
    return this.reviews.listReviewQueue(filter, page);
  }

  /** Everything a supervisor needs to judge one item; opening it is a view of traveller data, so it is audited. */
  getReviewDetail(reviewId: string, actor: AuditActor): Promise<ReviewDetail> {
    return this.reviews.getReviewDetail(reviewId, actor);
  }

  /** A supervisor approves or returns an item. Approving a dead-lettered sync sends it again. */
  applyReview(reviewId: string, verdict: ReviewVerdict, actor: AuditActor): Promise<ReviewQueueItem> {
    return this.reviews.applyReview(reviewId, verdict, actor);
  }

  /** Deletes every retained biometric item due at `now` (default: the injected clock) under the policies' retention, with one purge audit entry. */
  purgeDue(policies: PolicySet, now?: Date, actor?: AuditActor): Promise<PurgeReport> {
    return this.retention.purgeDue(policies, now, actor);
  }

  /** A retained item's bytes (for the detail view's photo); null once purged. */
  openRetainedBiometric(itemId: string): Promise<Uint8Array | null> {
    return this.retention.openRetainedBiometric(itemId);
  }

  /** The retention settings in force (the defaults when none were set or the stored ones do not parse). */
  getRetentionSettings(): Promise<RetentionSettings> {
    return this.retention.getRetentionSettings();
  }

  /** Changes the retention period for travellers other than U.S. citizens (validated, audited). */
  setRetentionSettings(input: unknown, actor: AuditActor): Promise<RetentionSettings> {
    return this.retention.setRetentionSettings(input, actor);
  }

  /** Appends an audit entry for a step outside the store (sign-in, screen lock, a traveller view in the booth...). */
  audit(action: AuditAction, actor: AuditActor, details: AuditDraft['details'] = {}, subject?: AuditSubject): Promise<AuditEntry> {
    return this.auditLog.audit(action, actor, details, subject);
  }

  /**
   * The whole log as JSON Lines (after appending the export's own entry), ready for `booth audit verify`. Entries
   * sealed under another storage key are marker lines (listed in `unreadable`); the export never fails for them.
   * `anchor`, the records service's latest anchor for this booth, ends the file so that a cut tail shows.
   */
  exportAudit(actor: AuditActor, anchor: BoothAuditAnchor | null = null): Promise<AuditExport> {
    return this.auditLog.exportAudit(actor, anchor);
  }

  /** Checks the stored chain (e.g. at start-up); entries sealed under another storage key are listed as unverified. */
  verifyAudit(): Promise<AuditVerification> {
    return this.auditLog.verifyAudit();
  }
}
