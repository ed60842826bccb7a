import { auditEntrySchema, type AuditEntry } from '../../app/audit/auditEntry';
import { unreadableAuditEntry, type UnreadableAuditEntry } from '../../app/audit/unreadableAuditEntry';
import type { BoothDatabase } from './BoothDatabase';
import { RecordCipherError, type RecordCipher } from './recordCipher';
import type { AuditRow } from './rows';

/**
 * Reading the stored audit chain back. Each row's seq, time, actor, action and hashes are in clear and its subject
 * and details sealed; the hashes were computed over the plaintext entry, so an entry is only checkable once opened.
 * A row sealed under another storage key (written before the key file was replaced, or while another key was in
 * use) becomes a marker instead of failing the whole log; nothing stored is changed by reading.
 */

/** The entry as it was chained; parsed, so a row that opens to something else is reported, not passed on. */
export async function openAuditRow(cipher: RecordCipher, row: AuditRow): Promise<AuditEntry> {
  return auditEntrySchema.parse(entryOf(row, await cipher.openJson('audit', row.seq, row.sealed)));
}

export interface StoredAuditLog {
  /**
   * Every row in seq order: the entry; the marker of one sealed under another storage key; or, for a row that opens
   * to no valid entry (altered at rest), the entry as found, for verification to name rather than the read to fail.
   */
  readonly records: readonly unknown[];
  /** The markers among `records`, in seq order. */
  readonly unreadable: readonly UnreadableAuditEntry[];
}

export async function readAuditLog(db: BoothDatabase, cipher: RecordCipher): Promise<StoredAuditLog> {
  const rows = await db.audit.orderBy('seq').toArray();
  const read = await Promise.all(rows.map((row) => readAuditRow(cipher, row)));
  return { records: read.map((r) => r.record), unreadable: read.flatMap((r) => (r.unreadable ? [r.unreadable] : [])) };
}

async function readAuditRow(cipher: RecordCipher, row: AuditRow): Promise<{ readonly record: unknown; readonly unreadable?: UnreadableAuditEntry }> {
  let opened: unknown;
  try {
    opened = await cipher.openJson('audit', row.seq, row.sealed);
  } catch (error) {
    // AES-GCM cannot tell another key from altered ciphertext; after a key change another key is what it is.
    if (!(error instanceof RecordCipherError)) throw error;
    const marker = unreadableAuditEntry(clearPartOf(row), 'sealed_under_another_storage_key');
    return { record: marker, unreadable: marker };
  }
  const entry = entryOf(row, opened);
  const parsed = auditEntrySchema.safeParse(entry);
  return { record: parsed.success ? parsed.data : entry };
}

function clearPartOf(row: AuditRow) {
  return { seq: row.seq, at: row.at, actor: { userId: row.actorUserId, role: row.actorRole }, action: row.action, prevHash: row.prevHash, hash: row.hash };
}

function entryOf(row: AuditRow, opened: unknown): Record<string, unknown> {
  const { subject, details } = (typeof opened === 'object' && opened !== null ? opened : {}) as { subject?: unknown; details?: unknown };
  const { prevHash, hash, ...clear } = clearPartOf(row);
  return { ...clear, ...(subject ? { subject } : {}), details, prevHash, hash };
}
