import { describe, expect, it } from 'vitest';
import { defaultRetentionSettings, planPurge, retentionSettingsSchema, type RetainedBiometricFacts } from './retentionPolicy';

const storedAt = '2026-11-01T08:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(storedAt) + hours * 3_600_000);
const citizen: RetainedBiometricFacts = { travellerKey: 'doc:USA:1', usCitizen: true, kind: 'face_image', storedAt };
const template: RetainedBiometricFacts = { ...citizen, kind: 'template' };
const visitor: RetainedBiometricFacts = { travellerKey: 'doc:FRA:2', usCitizen: false, kind: 'face_image', storedAt };

describe('retention policy', () => {
  it("keeps a U.S. citizen's image and template until 12 hours and purges both at 12 hours", () => {
    expect(planPurge([citizen, template], defaultRetentionSettings, at(11.99)).due).toEqual([]);
    expect(planPurge([citizen, template], defaultRetentionSettings, at(11.99)).nextDueAt).toBe(at(12).toISOString());
    const plan = planPurge([citizen, template, visitor], defaultRetentionSettings, at(12));
    expect(plan.due.map((d) => [d.item.kind, d.reason, d.dueAt])).toEqual([
      ['face_image', 'us_citizen_12h', at(12).toISOString()],
      ['template', 'us_citizen_12h', at(12).toISOString()],
    ]);
    expect(plan.nextDueAt).toBe(at(30 * 24).toISOString());
  });

  it("follows the configured period for other travellers (default 30 days)", () => {
    expect(defaultRetentionSettings.otherTravellersDays).toBe(30);
    expect(planPurge([visitor], defaultRetentionSettings, at(30 * 24 - 1)).due).toHaveLength(0);
    expect(planPurge([visitor], defaultRetentionSettings, at(30 * 24)).due[0]?.reason).toBe('retention_period');
    const week = retentionSettingsSchema.parse({ otherTravellersDays: 7 });
    expect(planPurge([visitor], week, at(7 * 24)).due).toHaveLength(1);
  });

  it('purges an item whose stored time cannot be read, and validates the setting', () => {
    expect(planPurge([{ ...visitor, storedAt: 'garbage' }], defaultRetentionSettings, at(0)).due[0]).toMatchObject({ reason: 'unknown_age', dueAt: null });
    expect(retentionSettingsSchema.safeParse({ otherTravellersDays: 0 }).success).toBe(false);
    expect(retentionSettingsSchema.safeParse({ otherTravellersDays: 2.5 }).success).toBe(false);
    expect(planPurge([], defaultRetentionSettings, at(0))).toEqual({ due: [], nextDueAt: null });
  });

  it('accepts a retention period from 1 day to 10 years, whole days only', () => {
    for (const days of [1, 3650]) expect(retentionSettingsSchema.safeParse({ otherTravellersDays: days }).success, String(days)).toBe(true);
    for (const days of [0, 3651, 1.5, -1]) expect(retentionSettingsSchema.safeParse({ otherTravellersDays: days }).success, String(days)).toBe(false);
  });

  it('wakes for the earliest kept item, whatever the order they are listed in', () => {
    const later = { ...visitor, storedAt: at(1).toISOString() };
    expect(planPurge([later, visitor], defaultRetentionSettings, at(0)).nextDueAt).toBe(at(30 * 24).toISOString());
    expect(planPurge([visitor, later], defaultRetentionSettings, at(0)).nextDueAt).toBe(at(30 * 24).toISOString());
    expect(planPurge([later, citizen, visitor], defaultRetentionSettings, at(0)).nextDueAt).toBe(at(12).toISOString());
  });
});
