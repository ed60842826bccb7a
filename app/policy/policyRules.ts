import type { LaneDirection } from '../settings/laneDirection';
import { bandFor } from './ageBands';
import type { CitizenshipCategory } from './citizenshipCategory';
import type { Collection, FaceNonMatchHandling, InspectionPolicy } from './inspectionPolicySchema';

/**
 * The questions the decision rules ask of a policy, one function each, so no rule reads the file's shape (and
 * none keeps an age band, opt-out rule or retention period of its own).
 */

/** How a face non-match of someone this old is handled; unknown age has its own, explicit, rule. */
export function faceNonMatchHandling(policy: InspectionPolicy, direction: LaneDirection, ageYears: number | null): FaceNonMatchHandling {
  if (ageYears === null) return policy.faceNonMatch.unknownAge;
  return bandFor(policy.faceNonMatch[direction], ageYears).handling;
}

const strictness: readonly Collection[] = ['required', 'voluntary', 'exempt'];

/**
 * Whether this person's face is collected. Unknown age takes the strictest collection any age of the category
 * has: nothing shows the person is outside the rule.
 */
export function photographyCollection(policy: InspectionPolicy, direction: LaneDirection, category: CitizenshipCategory, ageYears: number | null): Collection {
  const bands = policy.photography[direction][category];
  if (ageYears !== null) return bandFor(bands, ageYears).collection;
  return strictness.find((collection) => bands.some((band) => band.collection === collection)) ?? 'required';
}

/** Whether someone of this category may decline photography at this lane. */
export function mayOptOut(policy: InspectionPolicy, direction: LaneDirection, category: CitizenshipCategory): boolean {
  return policy.optOut[direction].includes(category);
}

/** The longest a face image or template of someone of this category stays on the booth, in hours. */
export function retentionHours(policy: InspectionPolicy, category: CitizenshipCategory): number {
  return policy.retention[category].maxHours;
}

/** Whether an identified departure of someone of this category becomes a biometric departure record. */
export function recordsDeparture(policy: InspectionPolicy, category: CitizenshipCategory): boolean {
  return policy.exitRecord.departureRecordFor.includes(category);
}

/** Whether a photography opt-out at exit is recorded, as an opt-out (a departure on the document check, no photograph). */
export function recordsOptOut(policy: InspectionPolicy): boolean {
  return policy.exitRecord.optOutRecorded;
}
