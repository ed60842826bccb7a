// Each question the rules ask of a policy, answered at the edges of its bands and lists (pure; the same questions
// through the decision rules, one traveller under both shipped policies: policyRules.test.ts).
import { describe, expect, it } from 'vitest';
import pilotEraJson from '../../assets/policy/2009-pilot-era.json';
import finalRuleJson from '../../assets/policy/2025-12-26-90fr48604.json';
import { bandFor } from './ageBands';
import { citizenshipCategoryOf } from './citizenshipCategory';
import { inspectionPolicySchema, type InspectionPolicy } from './inspectionPolicySchema';
import { faceNonMatchHandling, mayOptOut, photographyCollection, recordsDeparture, retentionHours } from './policyRules';

// Parsed inside the tests, never at import: a schema that threw while this file loads would fail no test.
const pilotEra = (): InspectionPolicy => inspectionPolicySchema.parse(pilotEraJson);
const finalRule = (): InspectionPolicy => inspectionPolicySchema.parse(finalRuleJson);

describe('the face non-match rule a policy gives', () => {
  it('by age band, both ends of each band included (pilot era: 14 to 79 mandatory, younger and older compared by eye)', () => {
    const policy = pilotEra();
    const handling = (age: number) => faceNonMatchHandling(policy, 'entry', age);
    expect([0, 13, 14, 79, 80, 120].map(handling)).toEqual(['compare_by_eye', 'compare_by_eye', 'mandatory_referral', 'mandatory_referral', 'compare_by_eye', 'compare_by_eye']);
  });

  it('by direction, and for an unknown age the policy’s explicit rule', () => {
    const policy = finalRule();
    const entryOnly = { ...policy, faceNonMatch: { ...policy.faceNonMatch, exit: [{ fromAge: 0, toAge: null, handling: 'refer' as const }], unknownAge: 'refer' as const } };
    expect(faceNonMatchHandling(entryOnly, 'entry', 40)).toBe('mandatory_referral');
    expect(faceNonMatchHandling(entryOnly, 'exit', 40)).toBe('refer');
    expect(faceNonMatchHandling(entryOnly, 'entry', null)).toBe('refer');
    expect(faceNonMatchHandling(policy, 'exit', null)).toBe('mandatory_referral');
  });
});

describe('whether a face is collected', () => {
  it('by category, direction and age band', () => {
    const policy = pilotEra();
    expect(photographyCollection(policy, 'entry', 'non_citizen', 13)).toBe('exempt');
    expect(photographyCollection(policy, 'entry', 'non_citizen', 14)).toBe('required');
    expect(photographyCollection(policy, 'exit', 'lawful_permanent_resident', 79)).toBe('required');
    expect(photographyCollection(policy, 'exit', 'lawful_permanent_resident', 80)).toBe('exempt');
    expect(photographyCollection(policy, 'entry', 'us_citizen', 40)).toBe('voluntary');
    const exitDiffers = { ...policy, photography: { ...policy.photography, exit: { ...policy.photography.exit, non_citizen: [{ fromAge: 0, toAge: null, collection: 'exempt' as const }] } } };
    expect(photographyCollection(exitDiffers, 'exit', 'non_citizen', 40)).toBe('exempt');
    expect(photographyCollection(exitDiffers, 'entry', 'non_citizen', 40)).toBe('required');
  });

  it('for an unknown age, the strictest collection any age of the category has', () => {
    const policy = pilotEra();
    expect(photographyCollection(policy, 'entry', 'non_citizen', null)).toBe('required');
    expect(photographyCollection(policy, 'entry', 'us_citizen', null)).toBe('voluntary');
    const voluntaryOrExempt = { ...policy, photography: { ...policy.photography, entry: { ...policy.photography.entry, us_citizen: [{ fromAge: 0, toAge: 13, collection: 'exempt' as const }, { fromAge: 14, toAge: null, collection: 'voluntary' as const }] } } };
    expect(photographyCollection(voluntaryOrExempt, 'entry', 'us_citizen', null)).toBe('voluntary');
    const exemptOnly = { ...policy, photography: { ...policy.photography, entry: { ...policy.photography.entry, us_citizen: [{ fromAge: 0, toAge: null, collection: 'exempt' as const }] } } };
    expect(photographyCollection(exemptOnly, 'entry', 'us_citizen', null)).toBe('exempt');
  });
});

describe('opt-out, retention and departure records', () => {
  it('only the categories a policy lists may opt out, per direction', () => {
    const policy = finalRule();
    expect(mayOptOut(policy, 'entry', 'us_citizen')).toBe(true);
    expect(mayOptOut(policy, 'entry', 'non_citizen')).toBe(false);
    expect(mayOptOut(policy, 'exit', 'lawful_permanent_resident')).toBe(false);
    const exitForAll = { ...policy, optOut: { entry: ['us_citizen' as const], exit: ['us_citizen' as const, 'lawful_permanent_resident' as const] } };
    expect(mayOptOut(exitForAll, 'exit', 'lawful_permanent_resident')).toBe(true);
    expect(mayOptOut(exitForAll, 'entry', 'lawful_permanent_resident')).toBe(false);
  });

  it('keeps a U.S. citizen’s photo 12 hours and others’ 30 days; a departure record only for non-citizens', () => {
    const policy = finalRule();
    expect(retentionHours(policy, 'us_citizen')).toBe(12);
    expect(retentionHours(policy, 'non_citizen')).toBe(720);
    expect(retentionHours({ ...policy, retention: { ...policy.retention, lawful_permanent_resident: { maxHours: 48 } } }, 'lawful_permanent_resident')).toBe(48);
    expect(recordsDeparture(policy, 'non_citizen')).toBe(true);
    expect(recordsDeparture(policy, 'lawful_permanent_resident')).toBe(true);
    expect(recordsDeparture(policy, 'us_citizen')).toBe(false);
  });
});

describe('the age band an age falls in', () => {
  const bands = [
    { fromAge: 0, toAge: 13, name: 'child' },
    { fromAge: 14, toAge: 79, name: 'adult' },
    { fromAge: 80, toAge: null, name: 'elder' },
  ];
  it('includes both ends of a band, and an open last band takes every older age', () => {
    expect([0, 13, 14, 79, 80, 150].map((age) => bandFor(bands, age).name)).toEqual(['child', 'child', 'adult', 'adult', 'elder', 'elder']);
  });
  it('refuses an age no band covers (bands that were not validated)', () => {
    expect(() => bandFor(bands.slice(0, 2), 80)).toThrow(new RangeError('no age band covers 80: the bands were not validated'));
    expect(() => bandFor(bands.slice(1), 5)).toThrow(RangeError);
  });
});

describe('the citizenship category a policy is applied with', () => {
  it('the record decides; without one a U.S. document makes a U.S. citizen; everyone else is a non-citizen', () => {
    expect(citizenshipCategoryOf({ record: { usCitizen: true }, nationality: 'SWE' })).toBe('us_citizen');
    expect(citizenshipCategoryOf({ record: { usCitizen: false }, nationality: 'USA' })).toBe('non_citizen');
    expect(citizenshipCategoryOf({ nationality: 'USA' })).toBe('us_citizen');
    expect(citizenshipCategoryOf({ nationality: 'CAN' })).toBe('non_citizen');
    expect(citizenshipCategoryOf({ nationality: null })).toBe('non_citizen');
    expect(citizenshipCategoryOf({})).toBe('non_citizen');
  });
});
