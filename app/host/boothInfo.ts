import { z } from 'zod';
import { policySetSchema } from '../policy/policySet';
import { laneTypeSchema } from '../settings/boothSettings';
import { laneDirectionSchema } from '../settings/laneDirection';

/** Who and where this booth is; shown in the header. */
export const boothInfoSchema = z.object({
  boothId: z.string(),
  laneType: laneTypeSchema,
  direction: laneDirectionSchema,
  deviceMode: z.enum(['sim', 'hardware']),
  /** Face-match decisions are made at this false-match rate (a policy setting, not a score threshold). */
  faceMatchTargetFmr: z.number().positive().max(0.1),
  version: z.string(),
  /** Days other travellers' biometrics are kept (policy; U.S. citizens' are purged within 12 hours). */
  retentionDays: z.number().int().min(1).max(3650),
  /** Minutes of inactivity before the screen locks. */
  screenLockMinutes: z.number().min(1).max(60),
  /** Problems found in the settings file: each names the field and says the default was used. */
  settingsProblems: z.array(z.string()),
  /** The policies the booth applies, each at the instants it is in force (assets/policy, or the last valid set kept). */
  policies: policySetSchema,
});
export type BoothInfo = z.infer<typeof boothInfoSchema>;
