import { z } from 'zod';

/**
 * The alert sealed with a review item (decrypted from IndexedDB, so parsed, not trusted): an officer's attempt to
 * clear a mandatory referral, or a decision the records service kept rejecting.
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
  alertId: z.string(),
  itemId: z.string(),
  idempotencyKey: z.string(),
  at: z.string(),
  rejections: z.number(),
  lastError: z.string(),
  message: z.string(),
});

const alertSchema = z.discriminatedUnion('code', [overrideAttemptSchema, deadLetterSchema]);

export type ReviewAlert = z.infer<typeof alertSchema> | { readonly code: 'unreadable'; readonly raw: string };

export function parseReviewAlert(alert: unknown): ReviewAlert | null {
  if (alert === null || alert === undefined) return null;
  const parsed = alertSchema.safeParse(alert);
  return parsed.success ? parsed.data : { code: 'unreadable', raw: JSON.stringify(alert) };
}
