import { describe, expect, it } from 'vitest';
import finalRuleJson from '../../assets/policy/2025-12-26-90fr48604.json';
import { ageBandsSchema } from './ageBands';
import { faceNonMatchHandlingSchema, inspectionPolicySchema, policyIdSchema } from './inspectionPolicySchema';

// Every check of a policy file at its edge: the value at the limit is taken, one past it refused, naming the field.
// The shipped file is the base, parsed inside each test (a schema that threw at import would fail no test).
type Json = Record<string, unknown>;
const base = (): Json => structuredClone(finalRuleJson) as Json;
const problems = (policy: Json): string[] => {
  const result = inspectionPolicySchema.safeParse(policy);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};
const accepted = (policy: Json) => expect(problems(policy)).toEqual([]);

describe('a policy file', () => {
  it('as shipped is accepted', () => {
    expect(inspectionPolicySchema.parse(base())).toMatchObject({ id: 'us-biometric-entry-exit.90fr48604', effectiveTo: null });
  });

  it('the fields added after the shipped files were written have defaults that refer and hold, and take each allowed value', () => {
    // Neither shipped file sets them (their ids are recorded with decisions: their content does not change).
    expect(inspectionPolicySchema.parse(base())).toMatchObject({ chip: { cloneCheckNotMadeSeverity: 'refer' }, exitRecord: { unverifiedDocumentIdentifies: false } });
    const chip = base().chip as Json;
    const exitRecord = base().exitRecord as Json;
    for (const severity of ['mandatory', 'refer', 'warning']) {
      expect(inspectionPolicySchema.parse({ ...base(), chip: { ...chip, cloneCheckNotMadeSeverity: severity } }).chip.cloneCheckNotMadeSeverity).toBe(severity);
    }
    expect(problems({ ...base(), chip: { ...chip, cloneCheckNotMadeSeverity: 'info' } })).toEqual([expect.stringMatching(/^chip\.cloneCheckNotMadeSeverity: /)]);
    expect(inspectionPolicySchema.parse({ ...base(), exitRecord: { ...exitRecord, unverifiedDocumentIdentifies: true } }).exitRecord.unverifiedDocumentIdentifies).toBe(true);
    expect(problems({ ...base(), exitRecord: { ...exitRecord, unverifiedDocumentIdentifies: 'yes' } })).toEqual([expect.stringMatching(/^exitRecord\.unverifiedDocumentIdentifies: /)]);
  });

  it('id: 3 to 80 lower-case letters, digits, dots and dashes, starting with a letter or digit', () => {
    expect(policyIdSchema.safeParse('a.b').success).toBe(true);
    expect(policyIdSchema.safeParse('a'.repeat(80)).success).toBe(true);
    expect(policyIdSchema.safeParse('ab').success).toBe(false);
    expect(policyIdSchema.safeParse('a'.repeat(81)).success).toBe(false);
    expect(policyIdSchema.safeParse('-ab').success).toBe(false);
    expect(policyIdSchema.safeParse('Abc').success).toBe(false);
    expect(policyIdSchema.safeParse('abc_d').success).toBe(false);
    expect(problems({ ...base(), id: 'A' })).toEqual(['id: lower-case letters, digits, dots and dashes (3-80)']);
  });

  it('title and texts: not blank, within their length', () => {
    accepted({ ...base(), title: 'x'.repeat(200) });
    expect(problems({ ...base(), title: 'x'.repeat(201) })).toHaveLength(1);
    expect(problems({ ...base(), title: '   ' })).toHaveLength(1);
    expect(inspectionPolicySchema.parse({ ...base(), title: '  Rule  ' }).title).toBe('Rule');
    const legal = (citation: string, url: string) => ({ ...base(), legalSource: { citation, url } });
    accepted(legal('c'.repeat(300), 'https://example.org/rule'));
    expect(problems(legal('c'.repeat(301), 'https://example.org/rule'))).toHaveLength(1);
    expect(problems(legal('', 'https://example.org/rule'))).toHaveLength(1);
    expect(problems(legal('c', 'http://example.org/rule'))).toEqual([expect.stringMatching(/^legalSource\.url: /)]);
    expect(problems(legal('c', `https://example.org/${'x'.repeat(481)}`))).toEqual([expect.stringMatching(/^legalSource\.url: /)]);
  });

  it('operational choices: one to thirty, each topic, choice and reason stated', () => {
    const choice = { topic: 't', choice: 'c', why: 'w' };
    accepted({ ...base(), operationalChoices: [choice] });
    accepted({ ...base(), operationalChoices: Array.from({ length: 30 }, () => choice) });
    expect(problems({ ...base(), operationalChoices: [] })).toHaveLength(1);
    expect(problems({ ...base(), operationalChoices: Array.from({ length: 31 }, () => choice) })).toHaveLength(1);
    accepted({ ...base(), operationalChoices: [{ topic: 't'.repeat(100), choice: 'c'.repeat(500), why: 'w'.repeat(1500) }] });
    expect(problems({ ...base(), operationalChoices: [{ ...choice, topic: 't'.repeat(101) }] })).toHaveLength(1);
    expect(problems({ ...base(), operationalChoices: [{ ...choice, choice: 'c'.repeat(501) }] })).toHaveLength(1);
    expect(problems({ ...base(), operationalChoices: [{ ...choice, why: 'w'.repeat(1501) }] })).toHaveLength(1);
    expect(problems({ ...base(), operationalChoices: [{ ...choice, why: '' }] })).toHaveLength(1);
  });

  it('in force from an instant with its offset, until a later one (an end equal to the start is refused)', () => {
    const from = '2025-12-26T00:00:00-05:00';
    accepted({ ...base(), effectiveTo: '2025-12-26T00:00:00.001-05:00' });
    expect(problems({ ...base(), effectiveTo: from })).toEqual([`effectiveTo: must be after effectiveFrom (${from})`]);
    expect(problems({ ...base(), effectiveFrom: '2025-12-26T00:00:00' })).toEqual([expect.stringMatching(/^effectiveFrom: /)]);
  });

  it('U.S. citizens: never required to be photographed, at entry or exit, in any band; kept at most 12 hours', () => {
    const photographed = (direction: 'entry' | 'exit', bands: unknown) => {
      const policy = base();
      const photography = policy.photography as Record<string, Record<string, unknown>>;
      photography[direction] = { ...photography[direction], us_citizen: bands };
      return policy;
    };
    const twoBands = [{ fromAge: 0, toAge: 13, collection: 'exempt' }, { fromAge: 14, toAge: null, collection: 'required' }];
    expect(problems(photographed('entry', twoBands))).toEqual(['photography.entry.us_citizen.1.collection: U.S. citizens are never required to be photographed: voluntary or exempt']);
    expect(problems(photographed('exit', twoBands))).toEqual(['photography.exit.us_citizen.1.collection: U.S. citizens are never required to be photographed: voluntary or exempt']);
    const kept = (hours: number) => ({ ...base(), retention: { ...(base().retention as Json), us_citizen: { maxHours: hours } } });
    accepted(kept(12));
    expect(problems(kept(13))).toEqual(["retention.us_citizen.maxHours: U.S. citizens' photos are kept no more than 12 hours"]);
    expect(problems(kept(0))).toEqual([expect.stringMatching(/^retention\.us_citizen\.maxHours: /)]);
  });

  it('U.S. citizens: never a biometric departure record, whatever a policy file lists', () => {
    const recordedFor = (categories: string[]) => ({ ...base(), exitRecord: { ...(base().exitRecord as Json), departureRecordFor: categories } });
    accepted(recordedFor(['lawful_permanent_resident', 'non_citizen']));
    expect(problems(recordedFor(['non_citizen', 'us_citizen']))).toEqual(['exitRecord.departureRecordFor.1: U.S. citizens never get a biometric departure record']);
    expect(problems(recordedFor(['us_citizen']))).toEqual(['exitRecord.departureRecordFor.0: U.S. citizens never get a biometric departure record']);
  });

  it('retention of others: whole hours, 1 to 87,600 (ten years)', () => {
    const kept = (hours: number) => ({ ...base(), retention: { ...(base().retention as Json), non_citizen: { maxHours: hours } } });
    accepted(kept(1));
    accepted(kept(87_600));
    expect(problems(kept(87_601))).toHaveLength(1);
    expect(problems(kept(0))).toHaveLength(1);
    expect(problems(kept(1.5))).toHaveLength(1);
  });

  it('a category listed twice, or more than the three there are, is refused', () => {
    expect(problems({ ...base(), optOut: { entry: ['us_citizen', 'us_citizen'], exit: ['us_citizen'] } })).toEqual(['optOut.entry: a category is listed twice']);
    accepted({ ...base(), optOut: { entry: [], exit: ['us_citizen', 'lawful_permanent_resident', 'non_citizen'] } });
    expect(problems({ ...base(), exitRecord: { departureRecordFor: ['alien'], optOutRecorded: true } })).toHaveLength(1);
  });

  it('the chip rule and the face rule name only the severities and handlings there are', () => {
    for (const severity of ['mandatory', 'refer', 'warning']) accepted({ ...base(), chip: { notVerifiableSeverity: severity } });
    expect(faceNonMatchHandlingSchema.options).toEqual(['mandatory_referral', 'refer', 'compare_by_eye']);
    expect(problems({ ...base(), faceNonMatch: { ...(base().faceNonMatch as Json), unknownAge: 'clear' } })).toHaveLength(1);
  });
});

describe('age bands', () => {
  const bands = ageBandsSchema({});
  const messages = (value: unknown) => {
    const result = bands.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('cover every age exactly once: from 0, each from the year after the one before, the last open', () => {
    expect(messages([{ fromAge: 0, toAge: null }])).toEqual([]);
    expect(messages([{ fromAge: 0, toAge: 0 }, { fromAge: 1, toAge: 150 }, { fromAge: 151, toAge: null }])).toEqual(['2.fromAge: Too big: expected number to be <=150']);
    expect(messages([{ fromAge: 0, toAge: 13 }, { fromAge: 14, toAge: 14 }, { fromAge: 15, toAge: null }])).toEqual([]);
  });

  it('say what is wrong with each band', () => {
    expect(messages([{ fromAge: 0, toAge: 13 }, { fromAge: 15, toAge: null }])).toEqual(['1.fromAge: starts at 15, but the band before ends at 13: bands follow each other without gap or overlap']);
    expect(messages([{ fromAge: 0, toAge: null }, { fromAge: 14, toAge: null }])).toEqual([
      '0.toAge: only the last band is open-ended (null)',
      '1.fromAge: starts at 14, but the band before ends at no age (open): bands follow each other without gap or overlap',
    ]);
    // The next band follows the end as written (19 after 18): only the backwards band is wrong.
    expect(messages([{ fromAge: 0, toAge: 20 }, { fromAge: 21, toAge: 18 }, { fromAge: 19, toAge: null }])).toEqual(['1.toAge: ends (18) before it starts (21)']);
    expect(messages([{ fromAge: 1, toAge: null }])).toEqual(['0.fromAge: the first band starts at age 0']);
    expect(messages([{ fromAge: 0, toAge: 79 }])).toEqual(['0.toAge: the last band has no end (null): every age needs a rule']);
  });

  it('are one to twenty, with whole ages from 0 to 150', () => {
    expect(messages([])).toHaveLength(1);
    const twenty = Array.from({ length: 20 }, (_, i) => ({ fromAge: i, toAge: i === 19 ? null : i }));
    expect(messages(twenty)).toEqual([]);
    const twentyOne = Array.from({ length: 21 }, (_, i) => ({ fromAge: i, toAge: i === 20 ? null : i }));
    expect(messages(twentyOne)).toHaveLength(1);
    expect(messages([{ fromAge: 0, toAge: 1.5 }, { fromAge: 2.5, toAge: null }]).length).toBeGreaterThan(0);
    expect(messages([{ fromAge: -1, toAge: null }]).length).toBeGreaterThan(0);
    expect(messages([{ fromAge: 0, toAge: null, extra: true }]).length).toBeGreaterThan(0);
  });
});
