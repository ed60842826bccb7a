import { z } from 'zod';
import { passiveAuthenticationPolicySchema } from '../document/lds/chipVerdict';

/**
 * What Passive Authentication must establish before the booth says a chip is verified (booth setting
 * `chipPolicy`: data groups read and hash-checked, a current CRL). How a chip that could not be verified is
 * referred is the policy's (`chip.notVerifiableSeverity` in assets/policy), not the booth's: the field that once
 * said it here is still accepted, so an older settings file keeps its other chip fields, and reported as moved.
 */
export const chipPolicySchema = passiveAuthenticationPolicySchema
  .extend({ notVerifiableSeverity: z.unknown().optional() })
  .transform(({ notVerifiableSeverity: _movedToPolicy, ...policy }) => policy);
export type ChipPolicy = z.output<typeof chipPolicySchema>;

export const defaultChipPolicy: ChipPolicy = chipPolicySchema.parse({});

/** The notice for a settings file that still sets the severity (the policy in force decides it now). */
export const movedChipSeverityNotice = 'chipPolicy.notVerifiableSeverity: set by the policy in force now (assets/policy/*.json, see `npx booth policy show`); ignored';
