import { z } from 'zod';
import { chipCheckSchema } from '../document/lds/chipCheck';
import { imageSchema } from './documentRead';

/**
 * What the officer's chip badge shows for one chip read: every security check with its outcome, the MRZ
 * stored on the chip and the chip photo. A read that could not happen (no card, wrong MRZ, card removed)
 * carries the error instead of checks.
 */
export const chipReportSchema = z.object({
  reportId: z.string().min(1).max(100),
  /** The document read whose MRZ opened the chip, so the card can tell a stale report from a current one. */
  documentReadId: z.string().max(100).optional(),
  readAt: z.iso.datetime(),
  reader: z.string().max(200),
  outcome: z.enum(['read', 'failed']),
  error: z.object({ code: z.string().max(50), message: z.string().max(1000) }).optional(),
  checks: z.array(chipCheckSchema).max(64),
  /** No check failed (checks that were not possible are not failures). */
  passed: z.boolean(),
  chipMrz: z.array(z.string().max(44)).max(3).optional(),
  photo: imageSchema.optional(),
  durationMs: z.number().nonnegative().optional(),
});
export type ChipReport = z.infer<typeof chipReportSchema>;
