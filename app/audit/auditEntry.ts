import { z } from 'zod';

/** Every kind of accountable step: sign-ins, views of traveller data, decisions, reviews, exports, purges, settings. */
export const auditActions = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'screen_lock',
  'screen_unlock',
  'view_traveller',
  'decision',
  'override_refused',
  // The same two in a training run: audited as training, apart from the statistics of real work.
  'training_decision',
  'training_override_refused',
  'review',
  'export',
  'purge',
  'sync_dead_letter',
  'settings_change',
  // The booth opened its database with a storage key other than the one the database was first sealed with.
  'storage_key_changed',
  // An exit lane's confirming key: departures recorded (and citizens confirmed, opt-outs taken) for one vehicle or traveller.
  'departure',
  // The host's own log (host-audit.jsonl): a simulator control, a vision worker's report that it could not load the face
  // models, and the storage key refused to a caller that is not a booth window.
  'simulator_control',
  'model_load_failed',
  'storage_key_refused',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** `system` is the booth itself (scheduled purges, the sync engine), never a person. */
export const auditRoleSchema = z.enum(['officer', 'supervisor', 'trainer', 'system']);
export type AuditRole = z.infer<typeof auditRoleSchema>;

export const auditActorSchema = z.strictObject({ userId: z.string().min(1).max(120), role: auditRoleSchema });
export type AuditActor = z.infer<typeof auditActorSchema>;

/** What an entry is about, by reference (decision, review, traveller key...), so the log itself holds no evidence. */
export const auditSubjectSchema = z.strictObject({ kind: z.string().min(1).max(40), id: z.string().min(1).max(200) });
export type AuditSubject = z.infer<typeof auditSubjectSchema>;

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits (SHA-256)');

/**
 * An entry before it is chained: what the caller supplies. Strict objects throughout: only what is hashed may be in
 * an entry, so a field added to an exported entry (an approver, a note) fails verification instead of being dropped
 * by the parse and the entry passing as intact.
 */
export const auditDraftSchema = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  actor: auditActorSchema,
  action: auditActionSchema,
  subject: auditSubjectSchema.optional(),
  details: z.json(),
});
export type AuditDraft = z.infer<typeof auditDraftSchema>;

/** A chained entry: `hash` is SHA-256 over the canonical JSON (RFC 8785) of every other field, `prevHash` included. */
export const auditEntrySchema = auditDraftSchema.extend({
  seq: z.number().int().min(1),
  prevHash: sha256Hex,
  hash: sha256Hex,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The prevHash of the first entry of a log. */
export const GENESIS_PREV_HASH = '0'.repeat(64);
