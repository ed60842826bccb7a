import { z } from 'zod';
import { retentionHours } from '../policy/policyRules';
import { policyInForce, type PolicySet } from '../policy/policySet';

/**
 * The booth's own choice (a settings piece: validated wherever it is read or changed). It can only shorten what the
 * policy in force allows (assets/policy `retention`): U.S. citizens' photos are kept as the policy says (never more
 * than 12 hours), others' no longer than both the policy and this setting.
 */
export const retentionSettingsSchema = z.object({
  /** How long face images and templates of travellers other than U.S. citizens are kept at most. */
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
  /** A U.S. citizen's item reached the policy's period (at most 12 hours). */
  | 'us_citizen_12h'
  /** Another traveller's item reached the policy's period or the booth's shorter setting. */
  | 'retention_period'
  /** No policy covers the item (stored before every policy, and none in force now): nothing allows keeping it. */
  | 'no_policy'
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

/**
 * When an item must be gone: stored time plus the shortest period that binds it. The policy it was collected under
 * and the policy in force now both bind (a later rule that shortens retention applies to what is still kept; one
 * that lengthens it does not extend what was collected under a shorter one), and for travellers other than U.S.
 * citizens the booth's setting too. Null when the stored time cannot be read, or no policy covers the item.
 */
export function retentionDeadline(item: Pick<RetainedBiometricFacts, 'usCitizen' | 'storedAt'>, settings: RetentionSettings, policies: PolicySet, now: Date): Date | null {
  const stored = Date.parse(item.storedAt);
  if (Number.isNaN(stored)) return null;
  const category = item.usCitizen ? 'us_citizen' : 'non_citizen';
  const binding = [policyInForce(policies, new Date(stored)), policyInForce(policies, now)].flatMap((policy) => (policy ? [retentionHours(policy, category)] : []));
  if (binding.length === 0) return null;
  if (!item.usCitizen) binding.push(settings.otherTravellersDays * 24);
  return new Date(stored + Math.min(...binding) * hourMs);
}

/** Which items are due for purge at `now` and why; an item is due at its deadline exactly (not a moment later). */
export function planPurge<T extends RetainedBiometricFacts>(items: readonly T[], settings: RetentionSettings, policies: PolicySet, now: Date): PurgePlan<T> {
  const due: PurgeDue<T>[] = [];
  let next: number | null = null;
  for (const item of items) {
    const deadline = retentionDeadline(item, settings, policies, now);
    if (!deadline) {
      due.push({ item, reason: Number.isNaN(Date.parse(item.storedAt)) ? 'unknown_age' : 'no_policy', dueAt: null });
    } else if (deadline.getTime() <= now.getTime()) {
      due.push({ item, reason: item.usCitizen ? 'us_citizen_12h' : 'retention_period', dueAt: deadline.toISOString() });
    } else if (next === null || deadline.getTime() < next) {
      next = deadline.getTime();
    }
  }
  return { due, nextDueAt: next === null ? null : new Date(next).toISOString() };
}
