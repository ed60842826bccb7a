import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedPolicyFolder } from '../../../native-bridges/policy/policyFolder.node.ts';
import { keptPolicySetFile, loadPolicies } from '../../services/policyFiles';
import { parseInstant, runPolicyShow } from './policy';

const root = mkdtempSync(join(tmpdir(), 'booth-policy-cli-'));
const noKeptCopy = join(root, 'none', 'policy-set.json');

describe('booth policy show', () => {
  it('prints the pilot-era policy the day before 26 December 2025 and 90 FR 48604 the day of, exit 0', () => {
    const before = runPolicyShow({ at: '2025-12-25', keptFile: noKeptCopy });
    expect(before.exitCode).toBe(0);
    expect(before.stdout).toMatch(/^policy in force at 2025-12-25T12:00:00\.000Z:\nus-biometric-entry-exit\.pilot-era: /);
    expect(before.stdout).toContain('face non-match at entry: ages 0-13 compare by eye; ages 14-79 mandatory referral; ages 80+ compare by eye');
    const dayOf = runPolicyShow({ at: '2025-12-26', keptFile: noKeptCopy });
    expect(dayOf.stdout).toMatch(/^policy in force at 2025-12-26T12:00:00\.000Z:\nus-biometric-entry-exit\.90fr48604: /);
    expect(dayOf.stdout).toContain('source: 90 FR 48604, FR Doc 2025-19655');
    expect(dayOf.stdout).toContain('face non-match at exit: ages 0-13 refer; ages 14+ mandatory referral');
    expect(dayOf.stdout).toContain('photos kept at most: U.S. citizens 12 h;');
    expect(dayOf.stdout).toContain('- face non-match by age: ');
    expect(runPolicyShow({ at: '2025-12-25T23:59:59-05:00', keptFile: noKeptCopy }).stdout).toContain('pilot-era');
  });

  it('--json prints the policy as data, with the instant and where it came from', () => {
    const outcome = runPolicyShow({ at: '2026-03-01T08:00:00Z', json: true, keptFile: noKeptCopy });
    expect(outcome.exitCode).toBe(0);
    const printed = JSON.parse(outcome.stdout);
    expect(printed).toMatchObject({ at: '2026-03-01T08:00:00.000Z', source: 'files', policy: { id: 'us-biometric-entry-exit.90fr48604', chip: { notVerifiableSeverity: 'refer' } } });
  });

  it('exit 2 on a date it cannot read; exit 3 when no policy is in force then', () => {
    expect(runPolicyShow({ at: 'yesterday' })).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^--at must be a date/) });
    expect(runPolicyShow({ at: '2025-13-40' }).exitCode).toBe(2);
    expect(runPolicyShow({ at: '2001-01-01', keptFile: noKeptCopy })).toMatchObject({ exitCode: 3, stderr: expect.stringMatching(/^no policy is in force at 2001-01-01T12:00:00\.000Z \(known: us-biometric-entry-exit\.pilot-era from 2009-01-18/) });
    expect(parseInstant('2025-12-26T00:00:00-05:00')?.toISOString()).toBe('2025-12-26T05:00:00.000Z');
    expect(parseInstant('2025-12-26T00:00:00')).toBeNull();
  });

  it('exit 1 naming the refused file and field; the last valid set the booth kept is shown', () => {
    const dir = join(root, 'policy');
    mkdirSync(dir);
    for (const file of ['2009-pilot-era.json', '2025-12-26-90fr48604.json']) copyFileSync(join(shippedPolicyFolder, file), join(dir, file));
    const keptFile = keptPolicySetFile(join(root, 'userData'));
    loadPolicies(dir, keptFile);
    const pilot = JSON.parse(readFileSync(join(dir, '2009-pilot-era.json'), 'utf8'));
    writeFileSync(join(dir, '2009-pilot-era.json'), JSON.stringify({ ...pilot, retention: { ...pilot.retention, us_citizen: { maxHours: 48 } } }));
    const outcome = runPolicyShow({ at: '2025-01-01', dir, keptFile });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/2009-pilot-era\.json: retention\.us_citizen\.maxHours: U\.S\. citizens' photos are kept no more than 12 hours/);
    expect(outcome.stderr).toContain('showing the last valid set the booth kept');
    expect(outcome.stdout).toContain('U.S. citizens 12 h');
    expect(runPolicyShow({ at: '2025-01-01', dir, keptFile: noKeptCopy })).toMatchObject({ exitCode: 1, stdout: '', stderr: expect.stringContaining('the booth has no last valid set') });
  });
});
