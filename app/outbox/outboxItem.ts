import { z } from 'zod';

export const outboxStates = ['pending', 'in_flight', 'synced', 'dead_letter'] as const;
export const outboxStateSchema = z.enum(outboxStates);
export type OutboxState = z.infer<typeof outboxStateSchema>;

/**
 * One outbox item without its payload: everything the sync policy decides on. Stores may keep the payload
 * elsewhere (encrypted) and load it only for the batch being sent.
 */
export const outboxHeaderSchema = z.object({
  itemId: z.string().min(1),
  /** Enqueue order, strictly increasing: the order kept per traveller. */
  seq: z.number().int().min(0),
  /** Sent with the item; the records service answers "duplicate" to a key it already has, so resending is safe. */
  idempotencyKey: z.string().min(1),
  /** Items of one traveller are delivered in seq order. Any stable per-traveller key (a store may keep a pseudonym). */
  travellerKey: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  /** Submissions so far (every kind of answer, and no answer). */
  attempts: z.number().int().min(0),
  /** Times the service refused the item as invalid (4xx); dead-lettered at the policy's limit. */
  rejections: z.number().int().min(0),
  nextAttemptAt: z.iso.datetime({ offset: true }),
  state: outboxStateSchema,
  lastError: z.string().nullable(),
  syncedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type OutboxHeader = z.infer<typeof outboxHeaderSchema>;

export interface OutboxItem<P = unknown> extends OutboxHeader {
  readonly payload: P;
}

/** A new pending item, due at once. */
export function newOutboxItem<P>(fields: { itemId: string; seq: number; idempotencyKey: string; travellerKey: string; payload: P; createdAt: string }): OutboxItem<P> {
  return { ...fields, attempts: 0, rejections: 0, nextAttemptAt: fields.createdAt, state: 'pending', lastError: null, syncedAt: null };
}
