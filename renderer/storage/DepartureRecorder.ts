import type { AuditActor } from '../../app/audit/auditEntry';
import { departureIdempotencyKey, type DepartureRecord, type DepartureSyncPayload } from '../../app/inspection/exit/departureRecord';
import { newOutboxItem } from '../../app/outbox/outboxItem';
import type { Ids } from '../../app/ports/Ids';
import type { TrainingMark } from '../../app/training/trainingDebrief';
import { DecisionStoreError, type NewRetainedBiometric } from './decisionStoreTypes';
import { openReview } from './migrations/v2ReviewQueue';
import { nowIso, parseActor, type StoreContext } from './storeContext';

/** What one confirming key at an exit lane records: for one vehicle or traveller. */
export interface ExitConfirmation {
  readonly sessionId: string;
  /** Departure records to send (identified non-citizens). */
  readonly departures: readonly DepartureRecord[];
  /** U.S. citizens confirmed without a departure record: their live photos, kept only until the citizens' purge. */
  readonly citizens: readonly { readonly travellerId: string; readonly photo?: NewRetainedBiometric }[];
  /** Travellers who declined photography (documents inspected): recorded as opt-outs, no photo kept. */
  readonly optOuts: readonly { readonly occupantId: string; readonly travellerId: string | null; readonly declaredAt: string }[];
  /** The officer's resolutions of ambiguous searches (look-alikes): audited here; a pick's candidates are in its departure's evidence. */
  readonly resolutions?: readonly ExitOfficerResolution[];
  /** Confirmed while the records service was unreachable: each departure is reviewed by a supervisor. */
  readonly offline: boolean;
}

/** How the officer resolved an ambiguous search: picked one of `candidates` look-alikes, or none of them. */
export interface ExitOfficerResolution {
  readonly occupantId: string;
  readonly choice: 'picked' | 'none_of_them';
  readonly candidates: number;
}

export interface RecordedExit {
  readonly recordedAt: string;
  readonly outboxItemIds: readonly string[];
  readonly reviewIds: readonly string[];
  readonly auditSeq: number;
  /** Citizens' photos kept (each purged within the citizens' retention). */
  readonly retained: number;
}

export const departureOutboxItemId = (departureId: string): string => `outbox-${departureId}`;

/**
 * Records an exit confirmation in one transaction: each departure with its outbox item (synced like a decision, on
 * the same outbox, idempotency key `departure:<id>`), its review item when offline, the citizens' photos under
 * retention, and one audit entry saying what was confirmed, so the view says "recorded" only once it is durable.
 */
export class DepartureRecorder {
  constructor(
    private readonly context: StoreContext,
    private readonly ids: Ids,
  ) {}

  /**
   * Records an exit confirmation. In a training run (`training`) it is audited as training and nothing else happens:
   * no outbox item (never sent to the records service), no review item, no photo kept.
   */
  async recordExit(confirmation: ExitConfirmation, actor: AuditActor, training?: TrainingMark): Promise<RecordedExit> {
    const by = parseActor(actor);
    const { db, cipher, writer } = this.context;
    if (training) return this.recordTrainingExit(confirmation, by, training);
    return writer.exclusive(async () => {
      const recordedAt = nowIso(this.context);
      // Everything is sealed before the transaction (WebCrypto is not IndexedDB-aware).
      const items = await Promise.all(
        confirmation.departures.map(async (departure) => {
          const itemId = departureOutboxItemId(departure.departureId);
          const payload: DepartureSyncPayload = { departure, offline: confirmation.offline, recordedAt, auditHead: writer.currentHead() };
          return { departure, itemId, travellerTag: await cipher.travellerTag(`traveller:${departure.travellerId}`), sealed: await cipher.sealJson('outbox', itemId, payload) };
        }),
      );
      const reviews = confirmation.offline ? items.map(({ itemId }) => openReview(`review-${itemId}`, 'offline_decision', ['offline_decision'], recordedAt, { outboxItemId: itemId, officer: by.userId })) : [];
      const retained = await Promise.all(
        confirmation.citizens.flatMap(({ travellerId, photo }) =>
          photo
            ? [
                (async () => {
                  const itemId = this.ids.next('biometric');
                  return { itemId, decisionId: `exit-${confirmation.sessionId}`, travellerTag: await cipher.travellerTag(`traveller:${travellerId}`), usCitizen: true, kind: photo.kind, storedAt: photo.capturedAt ?? recordedAt, sealed: await cipher.sealBytes('retainedBiometrics', itemId, photo.bytes) };
                })(),
              ]
            : [],
        ),
      );
      const details = {
        sessionId: confirmation.sessionId,
        departureIds: confirmation.departures.map((d) => d.departureId),
        citizensConfirmed: confirmation.citizens.length,
        optOuts: confirmation.optOuts.map((o) => ({ occupantId: o.occupantId, declaredAt: o.declaredAt })),
        resolutions: (confirmation.resolutions ?? []).map((r) => ({ occupantId: r.occupantId, choice: r.choice, candidates: r.candidates })),
        offline: confirmation.offline,
        biometricsKept: retained.length,
      };
      const { entries } = await writer.commit([{ at: recordedAt, actor: by, action: 'departure', subject: { kind: 'exit_session', id: confirmation.sessionId }, details }], async () => {
        const existing = await db.outbox.bulkGet(items.map((i) => i.itemId));
        const twice = items.find((_, i) => existing[i]);
        if (twice) throw new DecisionStoreError('duplicate_decision', `departure ${twice.departure.departureId} is already recorded`);
        const last = await db.outbox.orderBy('seq').last();
        let seq = (last?.seq ?? -1) + 1;
        for (const item of items) {
          const { payload: _payload, ...header } = newOutboxItem({ itemId: item.itemId, seq: seq++, idempotencyKey: departureIdempotencyKey(item.departure.departureId), travellerKey: item.travellerTag, payload: null, createdAt: recordedAt });
          await db.outbox.add({ ...header, decisionId: item.departure.departureId, kind: 'departure', sealed: item.sealed });
        }
        if (reviews.length > 0) await db.reviews.bulkAdd(reviews);
        if (retained.length > 0) await db.retainedBiometrics.bulkAdd(retained);
      });
      return { recordedAt, outboxItemIds: items.map((i) => i.itemId), reviewIds: reviews.map((r) => r.reviewId), auditSeq: entries[0]?.seq ?? 0, retained: retained.length };
    });
  }

  private recordTrainingExit(confirmation: ExitConfirmation, by: AuditActor, training: TrainingMark): Promise<RecordedExit> {
    const { writer } = this.context;
    return writer.exclusive(async () => {
      const recordedAt = nowIso(this.context);
      const details = { ...training, sessionId: confirmation.sessionId, departureIds: confirmation.departures.map((d) => d.departureId), citizensConfirmed: confirmation.citizens.length, optOuts: confirmation.optOuts.length, resolutions: (confirmation.resolutions ?? []).length };
      const { entries } = await writer.commit([{ at: recordedAt, actor: by, action: 'training_decision', subject: { kind: 'exit_session', id: confirmation.sessionId }, details }], async () => {});
      return { recordedAt, outboxItemIds: [], reviewIds: [], auditSeq: entries[0]?.seq ?? 0, retained: 0 };
    });
  }
}
