import { z } from 'zod';

/** U.S. citizens' photos and biometric templates are purged within 12 hours: fixed by rule, not a setting. */
export const US_CITIZEN_RETENTION_HOURS = 12;

/** The configurable part of the policy (a settings piece: validated wherever it is read or changed). */
export const retentionSettingsSchema = z.object({
  /** How long face images and templates of travellers other than U.S. citizens are kept. */
  otherTravellersDays: z.number().int().min(1).max(3650).default(30),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;
export const defaultRetentionSettings: RetentionSettings = retentionSettingsSchema.parse({});

export type RetainedBiometricKind = 'face_image' | 'template';

/** What the policy needs to know of one retained biometric item (never its content). */
export interface RetainedBiometricFacts {
  readonly travellerKey: string;
  readonly usCitizen: boolean;
  readonly kind: RetainedBiometricKind;
  /** ISO 8601. */
  readonly storedAt: string;
}

export type PurgeReason =
  /** A U.S. citizen's item reached 12 hours. */
  | 'us_citizen_12h'
  /** Another traveller's item reached the configured retention period. */
  | 'retention_period'
  /** The stored time cannot be read: purge rather than keep data whose age is unknown. */
  | 'unknown_age';

export interface PurgeDue<T> {
  readonly item: T;
  readonly reason: PurgeReason;
  /** When the item became due (null when its age is unknown). */
  readonly dueAt: string | null;
}

export interface PurgePlan<T> {
  readonly due: readonly PurgeDue<T>[];
  /** The earliest time a kept item becomes due, so a scheduler can wake exactly then; null when nothing is kept. */
  readonly nextDueAt: string | null;
}

const hourMs = 3_600_000;

/** When an item must be gone by policy. */
export function retentionDeadline(item: Pick<RetainedBiometricFacts, 'usCitizen' | 'storedAt'>, settings: RetentionSettings): Date | null {
  const stored = Date.parse(item.storedAt);
  if (Number.isNaN(stored)) return null;
  return new Date(stored + (item.usCitizen ? US_CITIZEN_RETENTION_HOURS * hourMs : settings.otherTravellersDays * 24 * hourMs));
}

/** Which items are due for purge at `now` and why; an item is due at its deadline exactly (not a moment later). */
export function planPurge<T extends RetainedBiometricFacts>(items: readonly T[], settings: RetentionSettings, now: Date): PurgePlan<T> {
  const due: PurgeDue<T>[] = [];
  let next: number | null = null;
  for (const item of items) {
    const deadline = retentionDeadline(item, settings);
    if (!deadline) {
      due.push({ item, reason: 'unknown_age', dueAt: null });
    } else if (deadline.getTime() <= now.getTime()) {
      due.push({ item, reason: item.usCitizen ? 'us_citizen_12h' : 'retention_period', dueAt: deadline.toISOString() });
    } else if (next === null || deadline.getTime() < next) {
      next = deadline.getTime();
    }
  }
  return { due, nextDueAt: next === null ? null : new Date(next).toISOString() };
}
