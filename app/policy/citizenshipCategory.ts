import { z } from 'zod';

/**
 * The categories a biometric entry/exit policy distinguishes: U.S. citizens (never required to be photographed,
 * may opt out), lawful permanent residents and other non-citizens (the rule calls both "aliens").
 */
export const citizenshipCategories = ['us_citizen', 'lawful_permanent_resident', 'non_citizen'] as const;
export const citizenshipCategorySchema = z.enum(citizenshipCategories);
export type CitizenshipCategory = z.infer<typeof citizenshipCategorySchema>;

/** What the booth knows of a person's citizenship: the records service's finding, else the document's nationality. */
export interface CitizenshipFacts {
  readonly record?: { readonly usCitizen: boolean };
  /** ICAO nationality code of the document read (USA for a U.S. passport). */
  readonly nationality?: string | null;
}

/**
 * The category the policy is applied with. The records service's finding wins; without one, a U.S. document
 * makes a U.S. citizen. Neither the records contract nor an MRZ tells a permanent resident apart yet, so
 * everyone else counts as a non-citizen: the stricter reading, since a policy never asks less of them.
 */
export function citizenshipCategoryOf(facts: CitizenshipFacts): CitizenshipCategory {
  if (facts.record) return facts.record.usCitizen ? 'us_citizen' : 'non_citizen';
  return facts.nationality === 'USA' ? 'us_citizen' : 'non_citizen';
}
