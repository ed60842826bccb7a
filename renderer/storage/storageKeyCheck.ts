import type { Table } from 'dexie';
import { z } from 'zod';
import type { AuditedWriter } from './AuditedWriter';
import type { BoothDatabase } from './BoothDatabase';
import { openReview } from './migrations/v2ReviewQueue';
import type { RecordCipher, SealedField } from './recordCipher';
import { openReviewContent } from './sealedContent';
import { systemActor } from './storeContext';

/**
 * The key check value (KCV): which storage key this database was sealed under. Written once, at the first open with
 * a key (for a database from before key checks: when its first audit entry opens with the key), and never replaced: when the key file is deleted or replaced and the host makes a new key, the booth opens
 * anyway (decisions must still be recorded) but reports the change, and putting the old key file back makes the KCV
 * match again, so everything sealed earlier opens. Records written while another key was in use stay sealed under
 * that key; they surface as unreadable dead letters when sync reaches them, not here (counting at every open would
 * decrypt the whole database each start). For the same reason a changed key is counted once, at the first open
 * with it: later opens take the counts from the review item that open recorded.
 */

export const keyCheckSettingKey = 'storageKeyCheck';

const keyCheckSettingSchema = z.strictObject({
  version: z.literal(1),
  /** RecordCipher.keyCheckValue() of the key the database was first opened with (reveals nothing of the key). */
  check: z.string().regex(/^[0-9a-f]{64}$/),
  recordedAt: z.iso.datetime({ offset: true }),
});
type KeyCheckSetting = z.infer<typeof keyCheckSettingSchema>;

/** Sealed rows that do not open with the current key, per table. */
export interface UnreadableRecords {
  readonly decisions: number;
  readonly outbox: number;
  readonly audit: number;
  readonly reviews: number;
  readonly retainedBiometrics: number;
  readonly total: number;
}

export type StorageKeyStatus =
  /** First open with a key: its check value is now the database's. */
  | { readonly state: 'recorded' }
  | { readonly state: 'matches' }
  /** The key differs from the database's (or the database has no valid check value and its first write does not open). */
  | {
      readonly state: 'changed';
      readonly unreadable: UnreadableRecords;
      /** When the database's own key was recorded; null when it has no (valid) check value. */
      readonly originalRecordedAt: string | null;
      /** The supervisor's review item for this key (one per key, however often the booth opens with it). */
      readonly reviewId: string;
      /** One line for the header: "storage key changed: N earlier records cannot be opened". */
      readonly headline: string;
      /** The headline with why and the counts per table (review item, audit, the officer's notice). */
      readonly message: string;
    };

/** What the review item and the audit entry say (no personal data: counts and times). */
export interface StorageKeyChangedAlert {
  readonly code: 'storage_key_changed';
  readonly alertId: string;
  readonly at: string;
  readonly originalRecordedAt: string | null;
  readonly unreadable: UnreadableRecords;
  readonly message: string;
}

/** Compares the current key with the database's check value; records it on a database's first open. */
export async function checkStorageKey(db: BoothDatabase, cipher: RecordCipher, now: Date): Promise<StorageKeyStatus> {
  const check = await cipher.keyCheckValue();
  const row = await db.settings.get(keyCheckSettingKey);
  const parsed = row ? keyCheckSettingSchema.safeParse(row.value) : null;
  const original = parsed?.success ? parsed.data : null;
  if (original?.check === check) return { state: 'matches' };
  if (!row && (await firstAuditOpens(db, cipher))) {
    // A new database, or one from before key checks whose first write opens with this key: this key is its key.
    // (Not "every row opens": rows written while another key was in use must not stop the right key being recorded.)
    const setting: KeyCheckSetting = { version: 1, check, recordedAt: now.toISOString() };
    const recorded = await db.transaction('rw', db.settings, async () => {
      if (await db.settings.get(keyCheckSettingKey)) return false;
      await db.settings.add({ key: keyCheckSettingKey, value: setting });
      return true;
    });
    // Another window recorded one meanwhile: compare against that instead.
    return recorded ? { state: 'recorded' } : checkStorageKey(db, cipher, now);
  }
  const reviewId = `review-storage-key-${check.slice(0, 16)}`;
  const unreadable = (await countsRecorded(db, cipher, reviewId)) ?? (await countUnreadable(db, cipher));
  const reason = original ? `the storage key differs from the one this database was sealed with (recorded ${original.recordedAt})` : row ? 'the database key check value is unreadable' : 'earlier records do not open with the storage key';
  return {
    state: 'changed',
    unreadable,
    originalRecordedAt: original?.recordedAt ?? null,
    reviewId,
    headline: `storage key changed: ${unreadable.total} earlier records cannot be opened`,
    message: `storage key changed: ${unreadable.total} earlier records cannot be opened (${reason}; decisions ${unreadable.decisions}, outbox ${unreadable.outbox}, audit ${unreadable.audit}, reviews ${unreadable.reviews}, biometrics ${unreadable.retainedBiometrics}). They are kept unchanged: restoring the original key file recovers them.`,
  };
}

/**
 * The first time the booth opens with a changed key: an audit entry and an open review item for a supervisor, in one
 * transaction. Later opens with the same key add nothing (the item is already there, open or resolved).
 */
export async function recordKeyChange(writer: AuditedWriter, db: BoothDatabase, cipher: RecordCipher, status: Extract<StorageKeyStatus, { state: 'changed' }>, at: string): Promise<boolean> {
  return writer.exclusive(async () => {
    if (await db.reviews.get(status.reviewId)) return false;
    const alert: StorageKeyChangedAlert = { code: 'storage_key_changed', alertId: status.reviewId, at, originalRecordedAt: status.originalRecordedAt, unreadable: status.unreadable, message: status.message };
    const review = openReview(status.reviewId, 'storage_key_changed', ['storage_key_changed'], at, {}, await cipher.sealJson('reviews', status.reviewId, { alert }));
    await writer.commit([{ at, actor: systemActor, action: 'storage_key_changed', subject: { kind: 'storage_key', id: status.reviewId }, details: { originalRecordedAt: status.originalRecordedAt, unreadable: { ...status.unreadable } } }], async () => {
      if (!(await db.reviews.get(status.reviewId))) await db.reviews.add(review);
    });
    return true;
  });
}

const recordedAlertSchema = z.object({ alert: z.object({ unreadable: z.object({ decisions: z.number(), outbox: z.number(), audit: z.number(), reviews: z.number(), retainedBiometrics: z.number(), total: z.number() }) }) });

/** The counts the first open with this key recorded in its review item; null before that open, or if it does not read. */
async function countsRecorded(db: BoothDatabase, cipher: RecordCipher, reviewId: string): Promise<UnreadableRecords | null> {
  const row = await db.reviews.get(reviewId);
  const content = row ? await openReviewContent(cipher, row) : null;
  const parsed = recordedAlertSchema.safeParse(content);
  return parsed.success ? parsed.data.alert.unreadable : null;
}

/** Every write is audited, so the first audit entry was sealed with the database's first key; true when there is none. */
async function firstAuditOpens(db: BoothDatabase, cipher: RecordCipher): Promise<boolean> {
  const first = await db.audit.orderBy('seq').first();
  return first ? cipher.canOpen('audit', first.seq, first.sealed) : true;
}

/** Tries every sealed field (a few hundred rows at a time, so retained images are not all in memory at once). */
export async function countUnreadable(db: BoothDatabase, cipher: RecordCipher): Promise<UnreadableRecords> {
  const opens = (table: string) => (key: string | number, sealed: SealedField | null) => (sealed ? cipher.canOpen(table, key, sealed) : Promise.resolve(true));
  const decisions = await countIn(db.decisions, (r) => opens('decisions')(r.decisionId, r.sealed));
  const outbox = await countIn(db.outbox, (r) => opens('outbox')(r.itemId, r.sealed));
  const audit = await countIn(db.audit, (r) => opens('audit')(r.seq, r.sealed));
  const reviews = await countIn(db.reviews, (r) => opens('reviews')(r.reviewId, r.sealed));
  const retainedBiometrics = await countIn(db.retainedBiometrics, (r) => opens('retainedBiometrics')(r.itemId, r.sealed));
  return { decisions, outbox, audit, reviews, retainedBiometrics, total: decisions + outbox + audit + reviews + retainedBiometrics };
}

async function countIn<R, K extends string | number>(table: Table<R, K>, opens: (row: R) => Promise<boolean>): Promise<number> {
  const keys = await table.toCollection().primaryKeys();
  let unreadable = 0;
  for (let i = 0; i < keys.length; i += 200) {
    const rows = await table.bulkGet(keys.slice(i, i + 200));
    const results = await Promise.all(rows.map((row) => (row ? opens(row) : Promise.resolve(true))));
    unreadable += results.filter((ok) => !ok).length;
  }
  return unreadable;
}
