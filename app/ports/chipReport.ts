import { z } from 'zod';
import { chipCheckSchema } from '../document/lds/chipCheck';
import { chipVerdictSchema } from '../document/lds/chipVerdict';
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
  /**
   * verified: Passive Authentication made every check it needs and all passed, and no other check failed;
   * failed: a check failed (mandatory referral); not_verifiable: a needed check could not be made (no CSCA for
   * the state, a data group not read, no usable CRL where one is needed), or the chip was not read. Never green.
   */
  verdict: chipVerdictSchema,
  /** The headline when not verified, e.g. 'Chip data signed by an untrusted signer: no CSCA for NZL in the trust list'. */
  verdictReason: z.string().max(500).optional(),
  chipMrz: z.array(z.string().max(44)).max(3).optional(),
  photo: imageSchema.optional(),
  durationMs: z.number().nonnegative().optional(),
});
export type ChipReport = z.infer<typeof chipReportSchema>;
