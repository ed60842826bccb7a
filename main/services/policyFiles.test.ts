import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedPolicyFolder } from '../../native-bridges/policy/policyFolder.node.ts';
import { keptPolicySetFile, loadPolicies, NoValidPolicyError } from './policyFiles';

const shipped = ['2009-pilot-era.json', '2025-12-26-90fr48604.json'];

/** A policy folder with the shipped files, and a user data folder for the kept copy. */
function booth() {
  const root = mkdtempSync(join(tmpdir(), 'booth-policy-'));
  const dir = join(root, 'policy');
  mkdirSync(dir);
  for (const file of shipped) copyFileSync(join(shippedPolicyFolder, file), join(dir, file));
  return { dir, kept: keptPolicySetFile(join(root, 'userData')) };
}
const ids = (loaded: ReturnType<typeof loadPolicies>) => loaded.policies.map((p) => p.id);

describe('loadPolicies', () => {
  it('takes valid files, without notice, and keeps a copy of the set', () => {
    const { dir, kept } = booth();
    const loaded = loadPolicies(dir, kept);
    expect(loaded.notices).toEqual([]);
    expect(ids(loaded)).toEqual(['us-biometric-entry-exit.pilot-era', 'us-biometric-entry-exit.90fr48604']);
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toEqual(loaded.policies);
  });

  it('refuses an invalid file naming the file and field, and applies the last valid set with a notice', () => {
    const { dir, kept } = booth();
    loadPolicies(dir, kept);
    const file = join(dir, shipped[1]!);
    const policy = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...policy, faceNonMatch: { ...policy.faceNonMatch, entry: [{ fromAge: 0, toAge: 13, handling: 'refer' }, { fromAge: 15, toAge: null, handling: 'mandatory_referral' }] } }));
    const loaded = loadPolicies(dir, kept);
    expect(ids(loaded)).toEqual(['us-biometric-entry-exit.pilot-era', 'us-biometric-entry-exit.90fr48604']);
    expect(loaded.policies[1]?.faceNonMatch.entry[1]?.fromAge).toBe(14);
    expect(loaded.notices).toEqual([
      expect.stringMatching(/^policy 2025-12-26-90fr48604\.json: faceNonMatch\.entry\.1\.fromAge: starts at 15/),
      'policy files refused: the last valid set is applied (us-biometric-entry-exit.pilot-era, us-biometric-entry-exit.90fr48604)',
    ]);
  });

  it('refuses overlapping files the same way', () => {
    const { dir, kept } = booth();
    loadPolicies(dir, kept);
    const overlapping = JSON.parse(readFileSync(join(dir, shipped[1]!), 'utf8'));
    writeFileSync(join(dir, 'extra.json'), JSON.stringify({ ...overlapping, id: 'agency.extra', effectiveFrom: '2026-06-01T00:00:00Z' }));
    const loaded = loadPolicies(dir, kept);
    expect(loaded.notices[0]).toMatch(/^policy extra\.json: effectiveFrom: 2026-06-01T00:00:00Z overlaps 2025-12-26-90fr48604\.json/);
    expect(ids(loaded)).not.toContain('agency.extra');
  });

  it('without a valid file or a kept copy, nothing can be decided: start-up stops, saying why', () => {
    const { dir, kept } = booth();
    writeFileSync(join(dir, shipped[0]!), '{ not json');
    expect(() => loadPolicies(dir, kept)).toThrow(NoValidPolicyError);
    expect(() => loadPolicies(dir, kept)).toThrow(/2009-pilot-era\.json: not valid JSON.*there is no kept copy/);
    mkdirSync(join(kept, '..'), { recursive: true });
    writeFileSync(kept, '[]');
    expect(() => loadPolicies(dir, kept)).toThrow(/the kept copy .* is invalid/);
  });
});
