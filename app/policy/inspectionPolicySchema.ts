import { z } from 'zod';
import { ageBandsSchema } from './ageBands';
import { citizenshipCategorySchema } from './citizenshipCategory';

/**
 * One policy file (`assets/policy/*.json`): the rule a booth applies to whom, as data. Parsed strictly (an unknown
 * field is an error, so a misspelt rule is never silently ignored); the booth applies the policy in force at the
 * instant of each decision and records its id.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
/** An instant with its UTC offset: a rule takes effect at a moment somewhere, never at an ambiguous local date. */
const instant = z.iso.datetime({ offset: true });
/** A policy's id, as recorded with every decision made under it. */
export const policyIdSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{2,79}$/, 'lower-case letters, digits, dots and dashes (3-80)');

const categories = z.array(citizenshipCategorySchema).max(3).refine((list) => new Set(list).size === list.length, 'a category is listed twice');

/**
 * How a traveller's face is collected, per category and age: `required` (photographed and kept by the retention
 * rule), `voluntary` (photographed unless they opt out, e.g. U.S. citizens), `exempt` (outside the rule: a face
 * may be compared live to check the papers, but none is kept).
 */
export const collectionSchema = z.enum(['required', 'voluntary', 'exempt']);
export type Collection = z.infer<typeof collectionSchema>;

const photographyByCategory = z.strictObject({
  us_citizen: ageBandsSchema({ collection: collectionSchema }),
  lawful_permanent_resident: ageBandsSchema({ collection: collectionSchema }),
  non_citizen: ageBandsSchema({ collection: collectionSchema }),
});

/**
 * What a face that does not match the papers (or could not be compared with them) leads to:
 * `mandatory_referral` (no officer can clear it; an attempt alerts a supervisor), `refer` (a referral the officer
 * may clear with a reason), `compare_by_eye` (the officer compares by eye: a referral when a face seen does not
 * match, a warning to look when no face or no photo could be compared).
 */
export const faceNonMatchHandlingSchema = z.enum(['mandatory_referral', 'refer', 'compare_by_eye']);
export type FaceNonMatchHandling = z.infer<typeof faceNonMatchHandlingSchema>;

const retentionSchema = z.strictObject({
  /** Longest time a face image or template of someone in this category stays on the booth. */
  maxHours: z.number().int().min(1).max(87_600),
});

export const inspectionPolicySchema = z
  .strictObject({
    /** Recorded with every decision made under this policy; never reused for different content. */
    id: policyIdSchema,
    title: text(200),
    legalSource: z.strictObject({ citation: text(300), url: z.url({ protocol: /^https$/ }).max(500) }),
    /** In force from this instant (inclusive)... */
    effectiveFrom: instant,
    /** ...until this instant (exclusive); null: until a later policy file says otherwise. */
    effectiveTo: instant.nullable(),
    photography: z.strictObject({ entry: photographyByCategory, exit: photographyByCategory }),
    /** Who may decline photography, per direction (they go to a manual document inspection, no photo kept). */
    optOut: z.strictObject({ entry: categories, exit: categories }),
    faceNonMatch: z.strictObject({
      entry: ageBandsSchema({ handling: faceNonMatchHandlingSchema }),
      exit: ageBandsSchema({ handling: faceNonMatchHandlingSchema }),
      /** No birth date known: nothing justifies relaxing the rule, so a policy says this explicitly. */
      unknownAge: faceNonMatchHandlingSchema,
    }),
    chip: z.strictObject({
      /** A chip whose data could not be verified (not a forgery: a check could not be made). A failed chip is always mandatory. */
      notVerifiableSeverity: z.enum(['mandatory', 'refer', 'warning']),
      /**
       * A chip that offers Active or Chip Authentication (clone detection) where none could be made (an algorithm or
       * key this booth cannot use) and none passed. Default `refer`, the not-verifiable rule's: not evidence of a clone,
       * but nothing shows the chip is not one, and a check that could not be made is never a pass. A default, because
       * files written before the field existed keep their content (their ids are recorded with decisions).
       */
      cloneCheckNotMadeSeverity: z.enum(['mandatory', 'refer', 'warning']).default('refer'),
    }),
    retention: z.strictObject({ us_citizen: retentionSchema, lawful_permanent_resident: retentionSchema, non_citizen: retentionSchema }),
    exitRecord: z.strictObject({
      /** Whose identified departure becomes a biometric departure record (others: nothing biometric is sent). */
      departureRecordFor: categories,
      /** An opt-out at exit is recorded as an opt-out (without a photograph). */
      optOutRecorded: z.boolean(),
      /**
       * Whether a traveller with no gallery mate is identified by a document whose chip did not verify it (no chip read,
       * unreadable, not verifiable): its face matching the photo proves only that it is their document, not that the
       * document is genuine. Default false: held for the officer to inspect (a failed chip is always held). A default,
       * because files written before the field existed keep their content (their ids are recorded with departures).
       */
      unverifiedDocumentIdentifies: z.boolean().default(false),
    }),
    /** Where the rule leaves a choice to the agency: the choice this file makes and why. */
    operationalChoices: z.array(z.strictObject({ topic: text(100), choice: text(500), why: text(1500) })).min(1).max(30),
  })
  .superRefine((policy, context) => {
    if (policy.effectiveTo !== null && Date.parse(policy.effectiveTo) <= Date.parse(policy.effectiveFrom)) {
      context.addIssue({ code: 'custom', path: ['effectiveTo'], message: `must be after effectiveFrom (${policy.effectiveFrom})` });
    }
    // U.S. citizens are never required to take part (8 CFR 235.1(f)(1)(ii) has always excluded them): a policy
    // that requires it is a mistake, not a choice.
    for (const direction of ['entry', 'exit'] as const) {
      policy.photography[direction].us_citizen.forEach((band, i) => {
        if (band.collection === 'required') context.addIssue({ code: 'custom', path: ['photography', direction, 'us_citizen', i, 'collection'], message: 'U.S. citizens are never required to be photographed: voluntary or exempt' });
      });
    }
    if (policy.retention.us_citizen.maxHours > 12) context.addIssue({ code: 'custom', path: ['retention', 'us_citizen', 'maxHours'], message: 'U.S. citizens\' photos are kept no more than 12 hours' });
    // Nor is a biometric departure record ever made of one (the records service's departure intake says so too).
    const citizenRecorded = policy.exitRecord.departureRecordFor.indexOf('us_citizen');
    if (citizenRecorded >= 0) context.addIssue({ code: 'custom', path: ['exitRecord', 'departureRecordFor', citizenRecorded], message: 'U.S. citizens never get a biometric departure record' });
  });

export type InspectionPolicy = z.output<typeof inspectionPolicySchema>;
