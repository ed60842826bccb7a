import { z } from 'zod';
import { laneTypeSchema } from '../settings/boothSettings';

/** Who and where this booth is; shown in the header. */
export const boothInfoSchema = z.object({
  boothId: z.string(),
  laneType: laneTypeSchema,
  officer: z.string(),
  deviceMode: z.enum(['sim', 'hardware']),
  /** Face-match decisions are made at this false-match rate (a policy setting, not a score threshold). */
  faceMatchTargetFmr: z.number().positive().max(0.1),
  version: z.string(),
  /** Problems found in the settings file: each names the field and says the default was used. */
  settingsProblems: z.array(z.string()),
});
export type BoothInfo = z.infer<typeof boothInfoSchema>;
