import { z } from 'zod';
import { passiveAuthenticationPolicySchema } from '../document/lds/chipVerdict';

/**
 * How the booth weighs chip verdicts (booth setting `chipPolicy`): what Passive Authentication must establish
 * before it says verified, and how a chip that could not be verified is referred. A failed chip is always a
 * mandatory referral; only the not-verifiable case is the agency's to weigh (never lower than a warning).
 */
export const chipPolicySchema = passiveAuthenticationPolicySchema.extend({
  notVerifiableSeverity: z.enum(['mandatory', 'refer', 'warning']).default('refer'),
});
export type ChipPolicy = z.output<typeof chipPolicySchema>;

export const defaultChipPolicy: ChipPolicy = chipPolicySchema.parse({});
