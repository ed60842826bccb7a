import { describe, expect, it } from 'vitest';
import pilotEraJson from '../../assets/policy/2009-pilot-era.json';
import finalRuleJson from '../../assets/policy/2025-12-26-90fr48604.json';
import { parsePolicySet, policySetSchema, type PolicyFile } from './policySet';

// The ranges of a set of policies at their edges. Built from the files' JSON inside each test, never from the parsed
// set in test support: a mutant that broke parsing there would fail that import, which counts as no failed test.
type Json = Record<string, unknown>;
const pilot = (): Json => structuredClone(pilotEraJson) as Json;
const finalRule = (): Json => structuredClone(finalRuleJson) as Json;
const file = (name: string, policy: Json): PolicyFile => ({ file: name, text: JSON.stringify(policy) });
const problems = (...files: PolicyFile[]) => {
  const result = parsePolicySet(files);
  return result.ok ? [] : result.problems;
};

describe('a set of policies', () => {
  it('one ending exactly when the next starts is consistent, and is ordered by start whatever the file order', () => {
    const result = parsePolicySet([file('final.json', finalRule()), file('pilot.json', pilot())]);
    expect(result.ok && result.policies.map((p) => p.id)).toEqual(['us-biometric-entry-exit.pilot-era', 'us-biometric-entry-exit.90fr48604']);
    expect(policySetSchema.parse([finalRule(), pilot()]).map((p) => p.id)).toEqual(['us-biometric-entry-exit.pilot-era', 'us-biometric-entry-exit.90fr48604']);
  });

  it('a start one millisecond before the previous end overlaps; one after it leaves a gap; each says which and when', () => {
    expect(problems(file('pilot.json', pilot()), file('final.json', { ...finalRule(), effectiveFrom: '2025-12-25T23:59:59.999-05:00' }))).toEqual([
      'final.json: effectiveFrom: 2025-12-25T23:59:59.999-05:00 overlaps pilot.json (in force 2009-01-18T00:00:00-05:00 to 2025-12-26T00:00:00-05:00)',
    ]);
    expect(problems(file('pilot.json', pilot()), file('final.json', { ...finalRule(), effectiveFrom: '2025-12-26T00:00:00.001-05:00' }))).toEqual([
      'final.json: effectiveFrom: 2025-12-26T00:00:00.001-05:00 leaves a gap after pilot.json (ends 2025-12-26T00:00:00-05:00): no policy would be in force in between',
    ]);
    // After a policy with no end, any later start overlaps it.
    expect(problems(file('final.json', finalRule()), file('later.json', { ...finalRule(), id: 'later-rule', effectiveFrom: '2030-01-01T00:00:00Z' }))).toEqual([
      'later.json: effectiveFrom: 2030-01-01T00:00:00Z overlaps final.json (in force 2025-12-26T00:00:00-05:00 to no end)',
    ]);
  });

  it('checks every neighbouring pair of three or more', () => {
    const first = { ...pilot(), id: 'first-rule', effectiveFrom: '2000-01-01T00:00:00Z', effectiveTo: '2009-01-18T00:00:00-05:00' };
    expect(problems(file('first.json', first), file('pilot.json', pilot()), file('final.json', finalRule()))).toEqual([]);
    expect(problems(file('first.json', { ...first, effectiveTo: '2009-01-19T00:00:00-05:00' }), file('pilot.json', pilot()), file('final.json', finalRule()))).toEqual([
      'pilot.json: effectiveFrom: 2009-01-18T00:00:00-05:00 overlaps first.json (in force 2000-01-01T00:00:00Z to 2009-01-19T00:00:00-05:00)',
    ]);
  });

  it('as it crosses a boundary: one policy or more (a hundred at most), each range checked, named by id', () => {
    expect(policySetSchema.safeParse([]).success).toBe(false);
    expect(policySetSchema.safeParse([finalRule()]).success).toBe(true);
    const overlapping = policySetSchema.safeParse([pilot(), { ...finalRule(), effectiveFrom: '2025-12-25T00:00:00-05:00' }]);
    expect(overlapping.error?.issues.map((issue) => issue.message)).toEqual([
      'us-biometric-entry-exit.90fr48604: effectiveFrom: 2025-12-25T00:00:00-05:00 overlaps us-biometric-entry-exit.pilot-era (in force 2009-01-18T00:00:00-05:00 to 2025-12-26T00:00:00-05:00)',
    ]);
  });
});
