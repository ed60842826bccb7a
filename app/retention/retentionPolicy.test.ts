import { describe, expect, it } from 'vitest';
import type { InspectionPolicy } from '../policy/inspectionPolicySchema';
import { finalRulePolicy, pilotEraPolicy, shippedPolicies } from '../policy/testSupport/shippedPolicies';
import { defaultRetentionSettings, planPurge, retentionDeadline, retentionSettingsSchema, type RetainedBiometricFacts } from './retentionPolicy';

const storedAt = '2026-11-01T08:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(storedAt) + hours * 3_600_000);
const citizen: RetainedBiometricFacts = { travellerKey: 'doc:USA:1', usCitizen: true, kind: 'face_image', storedAt };
const template: RetainedBiometricFacts = { ...citizen, kind: 'template' };
const visitor: RetainedBiometricFacts = { travellerKey: 'doc:FRA:2', usCitizen: false, kind: 'face_image', storedAt };
/** The policy in force with its retention changed: the periods come from the policy, not the code. */
const retaining = (usCitizenHours: number, nonCitizenHours: number): InspectionPolicy[] => [
  pilotEraPolicy,
  { ...finalRulePolicy, retention: { ...finalRulePolicy.retention, us_citizen: { maxHours: usCitizenHours }, non_citizen: { maxHours: nonCitizenHours } } },
];

describe('retention policy', () => {
  it("keeps a U.S. citizen's image and template until 12 hours and purges both at 12 hours (the shipped policy's period)", () => {
    expect(planPurge([citizen, template], defaultRetentionSettings, shippedPolicies, at(11.99)).due).toEqual([]);
    expect(planPurge([citizen, template], defaultRetentionSettings, shippedPolicies, at(11.99)).nextDueAt).toBe(at(12).toISOString());
    const plan = planPurge([citizen, template, visitor], defaultRetentionSettings, shippedPolicies, at(12));
    expect(plan.due.map((d) => [d.item.kind, d.reason, d.dueAt])).toEqual([
      ['face_image', 'us_citizen_12h', at(12).toISOString()],
      ['template', 'us_citizen_12h', at(12).toISOString()],
    ]);
    expect(plan.nextDueAt).toBe(at(30 * 24).toISOString());
  });

  it('takes each period from the policy: a policy keeping citizens 6 hours and others 48 purges them then', () => {
    const policies = retaining(6, 48);
    expect(planPurge([citizen], defaultRetentionSettings, policies, at(6)).due.map((d) => d.reason)).toEqual(['us_citizen_12h']);
    expect(planPurge([citizen], defaultRetentionSettings, policies, at(5.99)).due).toEqual([]);
    expect(retentionDeadline(visitor, defaultRetentionSettings, policies, at(0))).toEqual(at(48));
  });

  it("the booth's setting binds other travellers only: a U.S. citizen is kept the policy's period even when it is longer", () => {
    const policies = retaining(72, 48);
    const oneDay = retentionSettingsSchema.parse({ otherTravellersDays: 1 });
    expect(retentionDeadline(citizen, oneDay, policies, at(0))).toEqual(at(72));
    expect(retentionDeadline(visitor, oneDay, policies, at(0))).toEqual(at(24));
  });

  it("the booth's setting only shortens the policy's period for other travellers, never lengthens it", () => {
    expect(defaultRetentionSettings.otherTravellersDays).toBe(30);
    expect(planPurge([visitor], defaultRetentionSettings, shippedPolicies, at(30 * 24 - 1)).due).toHaveLength(0);
    expect(planPurge([visitor], defaultRetentionSettings, shippedPolicies, at(30 * 24)).due[0]?.reason).toBe('retention_period');
    const week = retentionSettingsSchema.parse({ otherTravellersDays: 7 });
    expect(planPurge([visitor], week, shippedPolicies, at(7 * 24)).due).toHaveLength(1);
    const year = retentionSettingsSchema.parse({ otherTravellersDays: 365 });
    expect(retentionDeadline(visitor, year, shippedPolicies, at(0))).toEqual(at(30 * 24));
  });

  it('binds by the shorter of the policy the item was collected under and the policy in force now', () => {
    // Stored under the pilot era (30 days for others); a later rule keeping others 48 hours purges it at 48 hours.
    const old = { ...visitor, storedAt: '2025-12-25T12:00:00.000Z' };
    const policies = retaining(12, 48);
    expect(retentionDeadline(old, defaultRetentionSettings, policies, new Date('2025-12-25T13:00:00Z'))?.toISOString()).toBe('2026-01-24T12:00:00.000Z');
    expect(retentionDeadline(old, defaultRetentionSettings, policies, new Date('2025-12-27T12:00:00Z'))?.toISOString()).toBe('2025-12-27T12:00:00.000Z');
  });

  it('purges an item whose stored time cannot be read, or that no policy covers, and validates the setting', () => {
    expect(planPurge([{ ...visitor, storedAt: 'garbage' }], defaultRetentionSettings, shippedPolicies, at(0)).due[0]).toMatchObject({ reason: 'unknown_age', dueAt: null });
    expect(planPurge([visitor], defaultRetentionSettings, [pilotEraPolicy], at(0)).due[0]).toMatchObject({ reason: 'no_policy', dueAt: null });
    expect(retentionSettingsSchema.safeParse({ otherTravellersDays: 0 }).success).toBe(false);
    expect(retentionSettingsSchema.safeParse({ otherTravellersDays: 2.5 }).success).toBe(false);
    expect(planPurge([], defaultRetentionSettings, shippedPolicies, at(0))).toEqual({ due: [], nextDueAt: null });
  });

  it('accepts a retention period from 1 day to 10 years, whole days only', () => {
    for (const days of [1, 3650]) expect(retentionSettingsSchema.safeParse({ otherTravellersDays: days }).success, String(days)).toBe(true);
    for (const days of [0, 3651, 1.5, -1]) expect(retentionSettingsSchema.safeParse({ otherTravellersDays: days }).success, String(days)).toBe(false);
  });

  it('wakes for the earliest kept item, whatever the order they are listed in', () => {
    const later = { ...visitor, storedAt: at(1).toISOString() };
    expect(planPurge([later, visitor], defaultRetentionSettings, shippedPolicies, at(0)).nextDueAt).toBe(at(30 * 24).toISOString());
    expect(planPurge([visitor, later], defaultRetentionSettings, shippedPolicies, at(0)).nextDueAt).toBe(at(30 * 24).toISOString());
    expect(planPurge([later, citizen, visitor], defaultRetentionSettings, shippedPolicies, at(0)).nextDueAt).toBe(at(12).toISOString());
  });
});
