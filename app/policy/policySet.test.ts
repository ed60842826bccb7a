import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicySet, policyById, policyInForce, policySetSchema, type PolicyFile } from './policySet';
import { finalRulePolicy, pilotEraPolicy, shippedPolicies } from './testSupport/shippedPolicies';

const folder = join(__dirname, '../../assets/policy');
const shippedFiles = (): PolicyFile[] => readdirSync(folder).filter((f) => f.endsWith('.json')).sort().map((file) => ({ file, text: readFileSync(join(folder, file), 'utf8') }));
const asFile = (file: string, policy: unknown): PolicyFile => ({ file, text: JSON.stringify(policy) });
const problemsOf = (files: PolicyFile[]) => {
  const result = parsePolicySet(files);
  if (result.ok) throw new Error('expected the set to be refused');
  return result.problems;
};

describe('the shipped policy files', () => {
  it('parse as one consistent set: the pilot era, then 90 FR 48604 with no end', () => {
    const result = parsePolicySet(shippedFiles());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.policies.map((p) => [p.id, p.effectiveFrom, p.effectiveTo])).toEqual([
      ['us-biometric-entry-exit.pilot-era', '2009-01-18T00:00:00-05:00', '2025-12-26T00:00:00-05:00'],
      ['us-biometric-entry-exit.90fr48604', '2025-12-26T00:00:00-05:00', null],
    ]);
    expect(result.policies).toEqual(shippedPolicies);
  });

  it('each cites its legal source and states the operational choices it makes', () => {
    expect(pilotEraPolicy.legalSource.citation).toContain('73 FR 77473');
    expect(finalRulePolicy.legalSource).toEqual({ citation: expect.stringContaining('90 FR 48604, FR Doc 2025-19655'), url: 'https://www.federalregister.gov/d/2025-19655' });
    for (const policy of shippedPolicies) expect(policy.operationalChoices.map((c) => c.topic)).toContain('face non-match by age');
  });
});

describe('the policy in force at an instant', () => {
  it('is the pilot-era policy the day before 26 December 2025 and 90 FR 48604 the day of (U.S. Eastern midnight)', () => {
    expect(policyInForce(shippedPolicies, new Date('2025-12-25T12:00:00-05:00'))?.id).toBe(pilotEraPolicy.id);
    expect(policyInForce(shippedPolicies, new Date('2025-12-25T23:59:59.999-05:00'))?.id).toBe(pilotEraPolicy.id);
    expect(policyInForce(shippedPolicies, new Date('2025-12-26T00:00:00-05:00'))?.id).toBe(finalRulePolicy.id);
    expect(policyInForce(shippedPolicies, new Date('2025-12-26T12:00:00-05:00'))?.id).toBe(finalRulePolicy.id);
    expect(policyInForce(shippedPolicies, new Date('2031-01-01T00:00:00Z'))?.id).toBe(finalRulePolicy.id);
  });

  it('is none before the first policy took effect', () => {
    expect(policyInForce(shippedPolicies, new Date('2009-01-17T12:00:00-05:00'))).toBeNull();
  });

  it('a decision\'s recorded id finds the policy it was made under', () => {
    expect(policyById(shippedPolicies, pilotEraPolicy.id)).toBe(pilotEraPolicy);
    expect(policyById(shippedPolicies, 'no-such-policy')).toBeNull();
  });
});

describe('invalid policy files are refused, naming the file and the field', () => {
  it('an unknown field, a missing one, a wrong value', () => {
    expect(problemsOf([asFile('a.json', { ...finalRulePolicy, photographyAge: 14 })])).toEqual([expect.stringMatching(/^a\.json: \(file\): Unrecognized key: "photographyAge"/)]);
    const { chip: _chip, ...withoutChip } = finalRulePolicy;
    expect(problemsOf([asFile('b.json', withoutChip)])[0]).toMatch(/^b\.json: chip: /);
    expect(problemsOf([asFile('c.json', { ...finalRulePolicy, chip: { notVerifiableSeverity: 'ignore' } })])[0]).toMatch(/^c\.json: chip\.notVerifiableSeverity: /);
    expect(problemsOf([{ file: 'd.json', text: '{ "id": ' }])[0]).toMatch(/^d\.json: not valid JSON/);
  });

  it('age bands with a gap, an overlap, or no open end', () => {
    const bands = (faceNonMatch: unknown) => problemsOf([asFile('bands.json', { ...finalRulePolicy, faceNonMatch: { ...finalRulePolicy.faceNonMatch, entry: faceNonMatch } })])[0];
    expect(bands([{ fromAge: 0, toAge: 13, handling: 'refer' }, { fromAge: 15, toAge: null, handling: 'mandatory_referral' }])).toMatch(/^bands\.json: faceNonMatch\.entry\.1\.fromAge: starts at 15, but the band before ends at 13/);
    expect(bands([{ fromAge: 0, toAge: 13, handling: 'refer' }, { fromAge: 13, toAge: null, handling: 'mandatory_referral' }])).toMatch(/faceNonMatch\.entry\.1\.fromAge/);
    expect(bands([{ fromAge: 0, toAge: 79, handling: 'mandatory_referral' }])).toMatch(/faceNonMatch\.entry\.0\.toAge: the last band has no end/);
    expect(bands([{ fromAge: 1, toAge: null, handling: 'mandatory_referral' }])).toMatch(/faceNonMatch\.entry\.0\.fromAge: the first band starts at age 0/);
  });

  it('U.S. citizens required to be photographed, or kept longer than 12 hours', () => {
    const required = { ...finalRulePolicy, photography: { ...finalRulePolicy.photography, exit: { ...finalRulePolicy.photography.exit, us_citizen: [{ fromAge: 0, toAge: null, collection: 'required' }] } } };
    expect(problemsOf([asFile('r.json', required)])[0]).toMatch(/^r\.json: photography\.exit\.us_citizen\.0\.collection: U\.S\. citizens are never required/);
    expect(problemsOf([asFile('k.json', { ...finalRulePolicy, retention: { ...finalRulePolicy.retention, us_citizen: { maxHours: 24 } } })])[0]).toMatch(/^k\.json: retention\.us_citizen\.maxHours: /);
  });

  it('an end before the start', () => {
    expect(problemsOf([asFile('e.json', { ...pilotEraPolicy, effectiveTo: '2000-01-01T00:00:00Z' })])[0]).toMatch(/^e\.json: effectiveTo: must be after effectiveFrom/);
  });

  it('overlapping ranges, a gap between policies, an id used twice; one bad file refuses the whole set', () => {
    const overlapping = { ...finalRulePolicy, effectiveFrom: '2025-12-20T00:00:00-05:00' };
    expect(problemsOf([asFile('pilot.json', pilotEraPolicy), asFile('final.json', overlapping)])).toEqual([expect.stringMatching(/^final\.json: effectiveFrom: 2025-12-20T00:00:00-05:00 overlaps pilot\.json/)]);
    const late = { ...finalRulePolicy, effectiveFrom: '2026-01-01T00:00:00-05:00' };
    expect(problemsOf([asFile('pilot.json', pilotEraPolicy), asFile('final.json', late)])).toEqual([expect.stringMatching(/^final\.json: effectiveFrom: .* leaves a gap after pilot\.json/)]);
    expect(problemsOf([asFile('pilot.json', pilotEraPolicy), asFile('final.json', { ...finalRulePolicy, id: pilotEraPolicy.id })])[0]).toMatch(/^final\.json: id: "us-biometric-entry-exit\.pilot-era" is also the id of pilot\.json/);
    expect(problemsOf([asFile('pilot.json', pilotEraPolicy), asFile('bad.json', { ...finalRulePolicy, title: '' })])).toHaveLength(1);
    expect(problemsOf([])).toEqual(['no policy file: a booth needs at least one']);
  });

  it('the set as it crosses a boundary is checked the same way', () => {
    expect(policySetSchema.safeParse([finalRulePolicy, pilotEraPolicy]).data?.map((p) => p.id)).toEqual([pilotEraPolicy.id, finalRulePolicy.id]);
    expect(policySetSchema.safeParse([pilotEraPolicy, { ...finalRulePolicy, effectiveFrom: '2025-12-20T00:00:00-05:00' }]).success).toBe(false);
  });
});
