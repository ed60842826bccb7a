import { z } from 'zod';

/**
 * The alert sealed with a review item (decrypted from IndexedDB, so parsed, not trusted): an officer's attempt to
 * clear a mandatory referral, a decision that could not be synced (rejected, or its payload would not open), or the
 * booth opening its database with another storage key.
 */
const overrideAttemptSchema = z.object({
  code: z.literal('override_attempt_on_mandatory_referral'),
  alertId: z.string(),
  officer: z.string(),
  at: z.string(),
  mandatoryReasons: z.array(z.string()),
  message: z.string(),
});

const deadLetterSchema = z.object({
  code: z.literal('sync_dead_letter'),
  /** Absent in alerts stored before payloads that do not open were dead-lettered too: those were all rejections. */
  cause: z.enum(['rejected', 'unreadable']).default('rejected'),
  alertId: z.string(),
  itemId: z.string(),
  idempotencyKey: z.string(),
  at: z.string(),
  rejections: z.number(),
  lastError: z.string(),
  message: z.string(),
});

const unreadableCounts = z.object({ decisions: z.number(), outbox: z.number(), audit: z.number(), reviews: z.number(), retainedBiometrics: z.number(), total: z.number() });

const storageKeyChangedSchema = z.object({
  code: z.literal('storage_key_changed'),
  alertId: z.string(),
  at: z.string(),
  originalRecordedAt: z.string().nullable(),
  unreadable: unreadableCounts,
  message: z.string(),
});

const alertSchema = z.discriminatedUnion('code', [overrideAttemptSchema, deadLetterSchema, storageKeyChangedSchema]);

export type ReviewAlert = z.infer<typeof alertSchema> | { readonly code: 'unreadable'; readonly raw: string };

export function parseReviewAlert(alert: unknown): ReviewAlert | null {
  if (alert === null || alert === undefined) return null;
  const parsed = alertSchema.safeParse(alert);
  return parsed.success ? parsed.data : { code: 'unreadable', raw: JSON.stringify(alert) };
}
