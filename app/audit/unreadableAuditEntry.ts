import { z } from 'zod';
import { auditEntrySchema, type AuditEntry } from './auditEntry';

/**
 * An entry of the log that could not be opened where it was exported: its subject and details are sealed at rest
 * under a storage key this booth no longer has (the key file was replaced). The hash covers subject and details, so
 * nobody can recompute it from what is left; the marker carries the clear part of the entry (seq, time, actor,
 * action and the stored hashes) so the chain's links through it can still be checked, and says why the rest is
 * missing. Restoring the key the entry was written under and exporting again verifies it fully.
 */

export const unreadableAuditCauses = ['sealed_under_another_storage_key'] as const;
export const unreadableAuditCauseSchema = z.enum(unreadableAuditCauses);
export type UnreadableAuditCause = z.infer<typeof unreadableAuditCauseSchema>;

/** Strict like an entry, and told apart from one by `marker` (an entry with extra fields is not a marker). */
export const unreadableAuditEntrySchema = auditEntrySchema.omit({ subject: true, details: true }).extend({
  marker: z.literal('unreadable_entry'),
  cause: unreadableAuditCauseSchema,
  message: z.string().min(1).max(400),
});
export type UnreadableAuditEntry = z.infer<typeof unreadableAuditEntrySchema>;

/** What an export line can be: an entry, or the marker of one that could not be opened. */
export type AuditLogRecord = AuditEntry | UnreadableAuditEntry;

export const unreadableCauseMessages: Readonly<Record<UnreadableAuditCause, string>> = {
  sealed_under_another_storage_key: 'sealed under another storage key: its subject and details cannot be opened with this booth key, so its own hash is unchecked (restore that key and export again to verify it)',
};

/** The marker for an entry whose clear part is known and whose sealed part did not open. */
export function unreadableAuditEntry(clear: Omit<UnreadableAuditEntry, 'marker' | 'cause' | 'message'>, cause: UnreadableAuditCause): UnreadableAuditEntry {
  const { seq, at, actor, action, prevHash, hash } = clear;
  return { seq, at, actor: { userId: actor.userId, role: actor.role }, action, prevHash, hash, marker: 'unreadable_entry', cause, message: `entry ${seq} was ${unreadableCauseMessages[cause]}` };
}
