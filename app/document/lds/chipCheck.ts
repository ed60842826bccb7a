import { z } from 'zod';

/**
 * One security check of a chip read, as the officer's chip badge lists it. Passive Authentication produces
 * the document-signing checks; access control, Active/Chip Authentication and the DG1-vs-MRZ comparison use
 * the same shape so the badge renders one list.
 */
export const chipCheckNameSchema = z.enum([
  'sod_structure',
  'sod_signature',
  'dg_hash',
  'ds_certificate_validity',
  'csca_chain',
  'crl',
  'master_list',
  'access_control',
  'active_authentication',
  'chip_authentication',
  'dg1_vs_mrz',
]);
export type ChipCheckName = z.infer<typeof chipCheckNameSchema>;

export const chipCheckStatusSchema = z.enum(['passed', 'failed', 'not_possible']);
export type ChipCheckStatus = z.infer<typeof chipCheckStatusSchema>;

export const chipCheckSchema = z.object({
  check: chipCheckNameSchema,
  /** The data group a dg_hash check is about. */
  dg: z.number().int().min(1).max(16).optional(),
  status: chipCheckStatusSchema,
  /** Why it failed or was not possible, in words an officer can read. */
  reason: z.string().optional(),
  /** Supporting facts (which CSCA, which algorithm, validity dates ...), strings or numbers only so it crosses IPC as is. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type ChipCheck = z.infer<typeof chipCheckSchema>;
