import { z } from 'zod';

/** Faults a trainer can give the simulated passports' chips, for the next passports placed on the reader. */
export const simulatedChipFaultsSchema = z
  .object({
    /** Files copied from a genuine chip with the wrong AA/CA keys: Active and Chip Authentication fail. */
    clone: z.boolean().default(false),
    /** Data groups changed after signing: their hashes no longer match the SOD. */
    alteredDataGroups: z.array(z.number().int().min(1).max(16)).max(16).default([]),
    /** 'forged': the SOD's signature is broken; 'missing': the chip has no EF.SOD. */
    sod: z.enum(['valid', 'forged', 'missing']).default('valid'),
  })
  .strict();
export type SimulatedChipFaults = z.output<typeof simulatedChipFaultsSchema>;
