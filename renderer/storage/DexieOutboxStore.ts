import type { AuditActor } from '../../app/audit/auditEntry';
import type { SyncSubmission } from '../../app/outbox/DecisionSyncPort';
import type { LoadedSubmissions, OutboxStorePort, UnreadablePayload } from '../../app/outbox/OutboxStorePort';
import type { OutboxHeader } from '../../app/outbox/outboxItem';
import type { SyncDeadLetterAlert } from '../../app/outbox/syncPolicy';
import type { AuditedWriter } from './AuditedWriter';
import type { BoothDatabase } from './BoothDatabase';
import { deadLetterReviewId, openReview } from './migrations/v2ReviewQueue';
import { RecordCipherError, type RecordCipher } from './recordCipher';
import type { OutboxRow } from './rows';
import type { DecisionSyncPayload } from './decisionStoreTypes';

const systemActor: AuditActor = { userId: 'booth-sync', role: 'system' };

const headerOf = ({ sealed: _sealed, decisionId: _decisionId, kind: _kind, ...header }: OutboxRow): OutboxHeader => header;

/**
 * The outbox in IndexedDB for the SyncEngine. `travellerKey` here is the keyed pseudonym; payloads stay sealed until
 * their batch is sent. A dead letter is saved with its review item and its audit entry in one transaction; only its
 * state changes (the sealed payload of an item that would not open is kept as it was, for the key that opens it).
 */
export class DexieOutboxStore implements OutboxStorePort<DecisionSyncPayload> {
  constructor(
    private readonly db: BoothDatabase,
    private readonly cipher: RecordCipher,
    private readonly writer: AuditedWriter,
  ) {}

  async listUnsynced(): Promise<readonly OutboxHeader[]> {
    const rows = await this.db.outbox.where('state').anyOf('pending', 'in_flight', 'dead_letter').toArray();
    return rows.map(headerOf).sort((a, b) => a.seq - b.seq);
  }

  /** A payload that does not open (another storage key, tampering) is listed, not thrown: the rest of the batch goes. */
  async loadSubmissions(itemIds: readonly string[]): Promise<LoadedSubmissions<DecisionSyncPayload>> {
    const rows = await this.db.outbox.bulkGet([...itemIds]);
    const opened = await Promise.all(
      rows.map(async (row, i): Promise<{ readonly submission: SyncSubmission<DecisionSyncPayload> } | { readonly unreadable: UnreadablePayload }> => {
        if (!row) throw new Error(`outbox item ${itemIds[i]} not found`);
        try {
          return { submission: { idempotencyKey: row.idempotencyKey, payload: (await this.cipher.openJson('outbox', row.itemId, row.sealed)) as DecisionSyncPayload } };
        } catch (error) {
          if (!(error instanceof RecordCipherError)) throw error;
          return { unreadable: { itemId: row.itemId, reason: error.message } };
        }
      }),
    );
    return {
      submissions: opened.flatMap((o): SyncSubmission<DecisionSyncPayload>[] => ('submission' in o ? [o.submission] : [])),
      unreadable: opened.flatMap((o): UnreadablePayload[] => ('unreadable' in o ? [o.unreadable] : [])),
    };
  }

  async markInFlight(itemIds: readonly string[]): Promise<void> {
    await this.db.outbox.where('itemId').anyOf([...itemIds]).modify({ state: 'in_flight' });
  }

  async saveOutcomes(items: readonly OutboxHeader[], alerts: readonly SyncDeadLetterAlert[]): Promise<void> {
    const update = async () => {
      const existing = await this.db.outbox.bulkGet(items.map((i) => i.itemId));
      await this.db.outbox.bulkPut(existing.flatMap((row, i) => (row && items[i] ? [{ ...row, ...items[i] }] : [])));
    };
    if (alerts.length === 0) {
      await this.db.transaction('rw', this.db.outbox, update);
      return;
    }
    await this.writer.exclusive(async () => {
      // A departure's item carries the departure's id, not a decision's: its review and audit entry must not name a decision.
      const rows = new Map((await this.db.outbox.bulkGet(alerts.map((a) => a.itemId))).flatMap((row) => (row ? [[row.itemId, row] as const] : [])));
      const decisionOf = (itemId: string) => {
        const row = rows.get(itemId);
        return row && row.kind !== 'departure' ? row.decisionId : undefined;
      };
      const departureOf = (itemId: string): Record<string, string> => {
        const row = rows.get(itemId);
        return row?.kind === 'departure' ? { departureId: row.decisionId } : {};
      };
      // An item a supervisor sent again can be dead-lettered again: its earlier, resolved review (verdict, note)
      // is history to keep, so the new one gets an id of its own instead of overwriting it.
      const earlier = await this.db.reviews.bulkGet(alerts.map((a) => deadLetterReviewId(a.itemId)));
      const reviews = await Promise.all(
        alerts.map(async (alert, i) => {
          const resolvedBefore = earlier[i] !== undefined && earlier[i]?.state !== 'open';
          const reviewId = resolvedBefore ? `review-${alert.alertId}` : deadLetterReviewId(alert.itemId);
          const decisionId = decisionOf(alert.itemId);
          return openReview(reviewId, 'dead_lettered_sync', ['dead_lettered_sync'], alert.at, { outboxItemId: alert.itemId, ...(decisionId ? { decisionId } : {}) }, await this.cipher.sealJson('reviews', reviewId, { alert }));
        }),
      );
      const drafts = alerts.map((alert) => ({
        at: alert.at,
        actor: systemActor,
        action: 'sync_dead_letter' as const,
        subject: { kind: 'outbox_item', id: alert.itemId },
        details: { cause: alert.cause, idempotencyKey: alert.idempotencyKey, rejections: alert.rejections, lastError: alert.lastError, decisionId: decisionOf(alert.itemId) ?? null, ...departureOf(alert.itemId) },
      }));
      await this.writer.commit(drafts, async () => {
        await update();
        await this.db.reviews.bulkPut(reviews);
      });
    });
  }

  async resetInFlight(): Promise<number> {
    return this.db.outbox.where('state').equals('in_flight').modify({ state: 'pending' });
  }
}
