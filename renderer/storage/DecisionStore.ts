import Dexie from 'dexie';
import { auditActorSchema, type AuditAction, type AuditActor, type AuditDraft, type AuditEntry, type AuditSubject } from '../../app/audit/auditEntry';
import { verifyAuditChain, type AuditVerification } from '../../app/audit/auditChain';
import { toAuditJsonLines } from '../../app/audit/auditJsonLines';
import type { DecisionRecord, SupervisorAlert } from '../../app/inspection/officerDecision';
import { newOutboxItem } from '../../app/outbox/outboxItem';
import { requeueDeadLetter } from '../../app/outbox/syncPolicy';
import type { Clock } from '../../app/ports/Clock';
import type { Ids } from '../../app/ports/Ids';
import { planPurge, retentionSettingsSchema, type PurgeReason, type RetainedBiometricKind, type RetentionSettings } from '../../app/retention/retentionPolicy';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import { AuditedWriter } from './AuditedWriter';
import type { BoothDatabase } from './BoothDatabase';
import { DexieOutboxStore } from './DexieOutboxStore';
import { decisionReviewId, openReview } from './migrations/v2ReviewQueue';
import { RecordCipher, RecordCipherError } from './recordCipher';
import { DecisionStoreError, type DecisionSyncPayload, type PurgeReport, type RecordDecisionExtras, type RecordedDecision, type ReviewDetail, type ReviewQueueFilter, type ReviewQueueItem, type ReviewQueuePage, type ReviewVerdict, type StoredDecision } from './decisionStoreTypes';
import { isOfflineDecision, reviewKindsOfDecision } from './reviewKinds';
import type { DecisionRow, ReviewRow, SealedDecisionContent, SealedReviewContent } from './rows';
import { checkStorageKey, recordKeyChange, type StorageKeyStatus } from './storageKeyCheck';
import type { StorageKeyProvider } from './storageKeys';

export interface DecisionStoreDeps {
  readonly db: BoothDatabase;
  readonly keys: StorageKeyProvider;
  readonly clock: Clock;
  readonly ids: Ids;
}

const systemActor: AuditActor = { userId: 'booth', role: 'system' };
const retentionSettingKey = 'retention';

/** Traveller key of a decision's subject: what sync order and retention group on (sealed or pseudonymised at rest). */
export function travellerKeyOf(subject: DecisionRecord['subject']): string {
  return subject.kind === 'occupant' ? (subject.identityKey ?? `occupant:${subject.occupantId}`) : `vehicle:${subject.sessionId}`;
}

/**
 * The booth's durable record: decisions with their outbox item and audit entry, the supervisor queue, retention
 * purges and the audit export. Every write is one transaction and resolves only after it completed.
 */
export class DecisionStore {
  /** The outbox for a SyncEngine<DecisionSyncPayload>. */
  readonly outbox: DexieOutboxStore;

  private constructor(
    private readonly deps: DecisionStoreDeps,
    private readonly cipher: RecordCipher,
    private readonly writer: AuditedWriter,
    /**
     * Whether the storage key is the one this database was sealed with. When it changed, the store still works (new
     * records are sealed under the current key) and the change is audited and queued for a supervisor; the booth
     * shows it. See storageKeyCheck.ts.
     */
    readonly keyStatus: StorageKeyStatus,
  ) {
    this.outbox = new DexieOutboxStore(deps.db, cipher, writer);
  }

  /** Opens the database (running any migrations), reads the audit chain's head and checks the storage key. */
  static async open(deps: DecisionStoreDeps): Promise<DecisionStore> {
    await deps.db.open();
    const cipher = await RecordCipher.create(deps.keys);
    const writer = await AuditedWriter.load(deps.db, cipher);
    const keyStatus = await checkStorageKey(deps.db, cipher, deps.clock.now());
    if (keyStatus.state === 'changed') await recordKeyChange(writer, deps.db, cipher, keyStatus, deps.clock.now().toISOString());
    return new DecisionStore(deps, cipher, writer, keyStatus);
  }

  close(): void {
    this.deps.db.close();
  }

  private get db(): BoothDatabase {
    return this.deps.db;
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /** Records a decision, its outbox item, its review item (if it needs one), its biometrics and its audit entry together. */
  async recordDecision(decision: DecisionRecord, actor: AuditActor, extras: RecordDecisionExtras = {}): Promise<RecordedDecision> {
    const by = parseActor(actor);
    return this.writer.exclusive(async () => {
      const recordedAt = this.now();
      const { decisionId } = decision;
      const offline = extras.offline ?? isOfflineDecision(decision);
      const mandatory = extras.mandatoryReferral ?? false;
      const kinds = reviewKindsOfDecision({ outcome: decision.outcome, overridden: decision.overridden, offline, mandatory, ruleReasons: decision.ruleReasons });
      const travellerKey = travellerKeyOf(decision.subject);
      const travellerTag = await this.cipher.travellerTag(travellerKey);
      const content: SealedDecisionContent = { subject: decision.subject, evidence: decision.evidence, ...(decision.note ? { note: decision.note } : {}) };
      const row: DecisionRow = {
        decisionId,
        decidedAt: decision.decidedAt,
        recordedAt,
        officer: decision.officer,
        outcome: decision.outcome,
        recommended: decision.recommended,
        overridden: decision.overridden,
        offline,
        mandatory,
        ruleReasons: decision.ruleReasons,
        officerReasons: decision.officerReasons,
        versions: decision.versions,
        route: decision.route,
        biometricRetained: decision.biometricRetained,
        travellerTag,
        reviewState: kinds.length > 0 ? 'pending' : 'not_needed',
        sealed: await this.cipher.sealJson('decisions', decisionId, content),
      };
      const outboxItemId = `outbox-${decisionId}`;
      const payload: DecisionSyncPayload = { decision, offline, recordedAt };
      const outboxSealed = await this.cipher.sealJson('outbox', outboxItemId, payload);
      const [kind] = kinds;
      const review = kind ? openReview(decisionReviewId(decisionId), kind, kinds, recordedAt, { decisionId, officer: decision.officer }) : null;
      const biometrics = await Promise.all(
        (extras.biometrics ?? []).map(async (b) => {
          const itemId = this.deps.ids.next('biometric');
          return { itemId, decisionId, travellerTag, usCitizen: b.usCitizen, kind: b.kind, storedAt: b.capturedAt ?? decision.decidedAt, sealed: await this.cipher.sealBytes('retainedBiometrics', itemId, b.bytes) };
        }),
      );
      const { entries } = await this.writer.commit(
        [{ at: recordedAt, actor: by, action: 'decision', subject: { kind: 'decision', id: decisionId }, details: { outcome: decision.outcome, recommended: decision.recommended, overridden: decision.overridden, offline, ruleReasons: [...decision.ruleReasons], officerReasons: [...decision.officerReasons], reviewKinds: kinds, biometricsKept: biometrics.length } }],
        async () => {
          if (await this.db.decisions.get(decisionId)) throw new DecisionStoreError('duplicate_decision', `decision ${decisionId} is already recorded`);
          const last = await this.db.outbox.orderBy('seq').last();
          const { payload: _payload, ...header } = newOutboxItem({ itemId: outboxItemId, seq: (last?.seq ?? -1) + 1, idempotencyKey: `decision:${decisionId}`, travellerKey: travellerTag, payload: null, createdAt: recordedAt });
          await this.db.decisions.add(row);
          await this.db.outbox.add({ ...header, decisionId, sealed: outboxSealed });
          if (review) await this.db.reviews.add(review);
          if (biometrics.length > 0) await this.db.retainedBiometrics.bulkAdd(biometrics);
        },
      );
      const retained = biometrics.map(({ kind, usCitizen, storedAt }) => ({ kind, usCitizen, storedAt }));
      return { decisionId, recordedAt, offline, reviewKinds: kinds, outboxItemId, auditSeq: entries[0]?.seq ?? 0, retained };
    });
  }

  /** An officer tried to clear a mandatory referral: queued for a supervisor and audited. */
  async recordOverrideAttempt(alert: SupervisorAlert, actor: AuditActor): Promise<{ readonly reviewId: string }> {
    const by = parseActor(actor);
    return this.writer.exclusive(async () => {
      const reviewId = `review-${alert.alertId}`;
      const review = openReview(reviewId, 'override_attempt', ['override_attempt'], alert.at, { officer: alert.officer }, await this.cipher.sealJson('reviews', reviewId, { alert } satisfies SealedReviewContent));
      await this.writer.commit([{ at: this.now(), actor: by, action: 'override_refused', subject: { kind: 'alert', id: alert.alertId }, details: { mandatoryReasons: [...alert.mandatoryReasons] } }], async () => {
        await this.db.reviews.add(review);
      });
      return { reviewId };
    });
  }

  /** A decision with its sealed content opened (not audited: use getReviewDetail or auditView for a person's view). */
  async getDecision(decisionId: string): Promise<StoredDecision | null> {
    const row = await this.db.decisions.get(decisionId);
    return row ? this.openDecision(row) : null;
  }

  /** One page of the supervisor queue, oldest first, with its total; read from the indexes only (nothing is decrypted). */
  async listReviewQueue(filter: ReviewQueueFilter = {}, page: { readonly offset: number; readonly limit: number } = { offset: 0, limit: 50 }): Promise<ReviewQueuePage> {
    const state = filter.state ?? 'open';
    const query = filter.kind
      ? this.db.reviews.where('[state+kind+createdAt]').between([state, filter.kind, Dexie.minKey], [state, filter.kind, Dexie.maxKey])
      : this.db.reviews.where('[state+createdAt]').between([state, Dexie.minKey], [state, Dexie.maxKey]);
    const [total, rows] = await Promise.all([query.count(), query.clone().offset(page.offset).limit(page.limit).toArray()]);
    const decisions = await this.db.decisions.bulkGet(rows.map((r) => r.decisionId ?? ''));
    const now = this.deps.clock.now().getTime();
    return { total, items: rows.map((row, i) => queueItem(row, decisions[i], now)) };
  }

  /** Everything a supervisor needs to judge one item; opening it is a view of traveller data, so it is audited. */
  async getReviewDetail(reviewId: string, actor: AuditActor): Promise<ReviewDetail> {
    const by = parseActor(actor);
    return this.writer.exclusive(async () => {
      const row = await this.db.reviews.get(reviewId);
      if (!row) throw new DecisionStoreError('not_found', `no review item ${reviewId}`);
      const decisionRow = row.decisionId ? await this.db.decisions.get(row.decisionId) : undefined;
      const content = (await this.openReviewContent(row)) ?? { alert: { code: 'sealed_under_another_key', message: 'this item was sealed under another storage key: restore that key to read it' } };
      // A decision sealed under another storage key is shown as absent rather than failing the whole item.
      const decision = decisionRow ? await this.openDecision(decisionRow).catch(unlessSealedElsewhere(null)) : null;
      await this.writer.commit([{ at: this.now(), actor: by, action: 'view_traveller', subject: { kind: 'review', id: reviewId }, details: { decisionId: row.decisionId } }], async () => undefined);
      const item = queueItem(row, decisionRow, this.deps.clock.now().getTime());
      return { review: { ...item, resolvedAt: row.resolvedAt, resolvedBy: row.resolvedBy, supervisorNote: content.supervisorNote ?? null }, decision, alert: content.alert ?? null };
    });
  }

  /** A supervisor approves or returns an item. Approving a dead-lettered sync sends it again. */
  async applyReview(reviewId: string, verdict: ReviewVerdict, actor: AuditActor): Promise<ReviewQueueItem> {
    const by = parseActor(actor);
    if (by.role !== 'supervisor') return Promise.reject(new DecisionStoreError('not_permitted', `only a supervisor may review; ${by.userId} is ${by.role}`));
    return this.writer.exclusive(async () => {
      const row = await this.db.reviews.get(reviewId);
      if (!row) throw new DecisionStoreError('not_found', `no review item ${reviewId}`);
      if (row.state !== 'open') throw new DecisionStoreError('already_reviewed', `review item ${reviewId} was already ${row.state} by ${row.resolvedBy ?? 'someone'}`);
      const at = this.now();
      const content = await this.openReviewContent(row);
      // Content sealed under another storage key is never overwritten: the verdict is recorded without a note.
      if (content === null && verdict.note) throw new DecisionStoreError('invalid_input', `review item ${reviewId} was sealed under another storage key: decide it without a note (the audit entry records the verdict)`);
      const sealed = content === null ? row.sealed : await this.cipher.sealJson('reviews', reviewId, { ...content, ...(verdict.note ? { supervisorNote: verdict.note } : {}) } satisfies SealedReviewContent);
      const updated: ReviewRow = { ...row, state: verdict.verdict, resolvedAt: at, resolvedBy: by.userId, sealed };
      await this.writer.commit([{ at, actor: by, action: 'review', subject: { kind: 'review', id: reviewId }, details: { verdict: verdict.verdict, kind: row.kind, decisionId: row.decisionId, withNote: Boolean(verdict.note) } }], async () => {
        const current = await this.db.reviews.get(reviewId);
        if (current?.state !== 'open') throw new DecisionStoreError('already_reviewed', `review item ${reviewId} was reviewed meanwhile`);
        await this.db.reviews.put(updated);
        if (row.decisionId && row.kind !== 'dead_lettered_sync') await this.db.decisions.update(row.decisionId, { reviewState: verdict.verdict });
        if (row.kind === 'dead_lettered_sync' && row.outboxItemId && verdict.verdict === 'approved') {
          const item = await this.db.outbox.get(row.outboxItemId);
          if (item) await this.db.outbox.put({ ...item, ...requeueDeadLetter(item, new Date(at)) });
        }
      });
      return queueItem(updated, row.decisionId ? await this.db.decisions.get(row.decisionId) : undefined, this.deps.clock.now().getTime());
    });
  }

  /** Deletes every retained biometric item due at `now` (default: the injected clock) under the retention policy, with one purge audit entry. */
  async purgeDue(now: Date = this.deps.clock.now(), actor: AuditActor = systemActor): Promise<PurgeReport> {
    const by = parseActor(actor);
    return this.writer.exclusive(async () => {
      const settings = await this.getRetentionSettings();
      // Only the clear columns: the sealed bytes are never loaded to decide a purge.
      const facts: { itemId: string; decisionId: string; travellerKey: string; usCitizen: boolean; kind: RetainedBiometricKind; storedAt: string }[] = [];
      await this.db.retainedBiometrics.each((r) => void facts.push({ itemId: r.itemId, decisionId: r.decisionId, travellerKey: r.travellerTag, usCitizen: r.usCitizen, kind: r.kind, storedAt: r.storedAt }));
      const plan = planPurge(facts, settings, now);
      if (plan.due.length === 0) return { purged: 0, byReason: {}, nextDueAt: plan.nextDueAt, auditSeq: null };
      const byReason: Partial<Record<PurgeReason, number>> = {};
      for (const d of plan.due) byReason[d.reason] = (byReason[d.reason] ?? 0) + 1;
      const itemIds = plan.due.map((d) => d.item.itemId);
      const { entries } = await this.writer.commit(
        [{ at: now.toISOString(), actor: by, action: 'purge', subject: { kind: 'retained_biometrics', id: `${itemIds.length} items` }, details: { byReason, itemIds, decisionIds: [...new Set(plan.due.map((d) => d.item.decisionId))], kinds: plan.due.map((d) => d.item.kind), otherTravellersDays: settings.otherTravellersDays } }],
        () => this.db.retainedBiometrics.bulkDelete(itemIds),
      );
      return { purged: itemIds.length, byReason, nextDueAt: plan.nextDueAt, auditSeq: entries[0]?.seq ?? null };
    });
  }

  /** A retained item's bytes (for the detail view's photo); null once purged. */
  async openRetainedBiometric(itemId: string): Promise<Uint8Array | null> {
    const row = await this.db.retainedBiometrics.get(itemId);
    return row ? this.cipher.openBytes('retainedBiometrics', itemId, row.sealed) : null;
  }

  /** Appends an audit entry for a step outside the store (sign-in, screen lock, a traveller view in the booth...). */
  async audit(action: AuditAction, actor: AuditActor, details: AuditDraft['details'] = {}, subject?: AuditSubject): Promise<AuditEntry> {
    const by = parseActor(actor);
    return this.writer.exclusive(async () => {
      const { entries } = await this.writer.commit([{ at: this.now(), actor: by, action, ...(subject ? { subject } : {}), details }], async () => undefined);
      const [entry] = entries;
      if (!entry) throw new Error('audit entry was not chained');
      return entry;
    });
  }

  /** The whole log as JSON Lines (after appending the export's own entry), ready for `booth audit verify`. */
  async exportAudit(actor: AuditActor): Promise<{ readonly jsonl: string; readonly entries: number }> {
    const by = parseActor(actor);
    return this.writer.exclusive(async () => {
      await this.writer.commit([{ at: this.now(), actor: by, action: 'export', subject: { kind: 'audit_log', id: 'all' }, details: { format: 'jsonl' } }], async () => undefined);
      const entries = await this.writer.readAll();
      return { jsonl: toAuditJsonLines(entries), entries: entries.length };
    });
  }

  /** Checks the stored chain (e.g. at start-up). */
  async verifyAudit(): Promise<AuditVerification> {
    return verifyAuditChain(await this.writer.readAll());
  }

  async getRetentionSettings(): Promise<RetentionSettings> {
    const row = await this.db.settings.get(retentionSettingKey);
    const parsed = retentionSettingsSchema.safeParse(row?.value ?? {});
    return parsed.success ? parsed.data : retentionSettingsSchema.parse({});
  }

  /** Changes the retention period for travellers other than U.S. citizens (validated, audited). */
  async setRetentionSettings(input: unknown, actor: AuditActor): Promise<RetentionSettings> {
    const by = parseActor(actor);
    const parsed = retentionSettingsSchema.safeParse(input);
    if (!parsed.success) return Promise.reject(new DecisionStoreError('invalid_input', `retention settings: ${describeSchemaError(parsed.error)}`));
    return this.writer.exclusive(async () => {
      const before = await this.getRetentionSettings();
      await this.writer.commit([{ at: this.now(), actor: by, action: 'settings_change', subject: { kind: 'setting', id: retentionSettingKey }, details: { before, after: parsed.data } }], async () => {
        await this.db.settings.put({ key: retentionSettingKey, value: parsed.data });
      });
      return parsed.data;
    });
  }

  private async openDecision(row: DecisionRow): Promise<StoredDecision> {
    const content = (await this.cipher.openJson('decisions', row.decisionId, row.sealed)) as SealedDecisionContent;
    const { sealed: _sealed, travellerTag: _tag, recordedAt, offline, mandatory, reviewState, ...clear } = row;
    const decision: DecisionRecord = { ...clear, subject: content.subject, evidence: content.evidence, ...(content.note ? { note: content.note } : {}) };
    return { decision, offline, mandatory, recordedAt, reviewState };
  }

  /** The review's sealed content; null when it was sealed under another storage key (written while that key was in use). */
  private async openReviewContent(row: ReviewRow): Promise<SealedReviewContent | null> {
    if (!row.sealed) return {};
    const opened = (await this.cipher.openJson('reviews', row.reviewId, row.sealed).catch(unlessSealedElsewhere(null))) as SealedReviewContent | null;
    return opened;
  }
}

/** For `.catch`: a field that does not open with this key gives `fallback`; any other failure is passed on. */
function unlessSealedElsewhere<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof RecordCipherError) return fallback;
    throw error;
  };
}

function parseActor(actor: AuditActor): AuditActor {
  const parsed = auditActorSchema.safeParse(actor);
  if (!parsed.success) throw new DecisionStoreError('invalid_input', `actor: ${describeSchemaError(parsed.error)}`);
  return parsed.data;
}

function queueItem(row: ReviewRow, decision: DecisionRow | undefined, now: number): ReviewQueueItem {
  return {
    reviewId: row.reviewId,
    kind: row.kind,
    kinds: row.kinds,
    state: row.state,
    createdAt: row.createdAt,
    ageMs: Math.max(0, now - Date.parse(row.createdAt)),
    decisionId: row.decisionId,
    outboxItemId: row.outboxItemId,
    officer: row.officer,
    outcome: decision?.outcome ?? null,
    ruleReasons: decision?.ruleReasons ?? [],
  };
}
