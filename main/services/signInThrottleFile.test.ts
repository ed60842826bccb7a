import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './signInThrottle';
import { SignInThrottleFile } from './signInThrottleFile';

const clock = { now: () => new Date('2026-12-07T03:00:00.000Z') };
const wrongPassword = () => Promise.reject(new Error('wrong'));

describe('SignInThrottleFile', () => {
  it('keeps a lock across a restart, in an owner-only file', async () => {
    const file = SignInThrottleFile.inUserData(mkdtempSync(join(tmpdir(), 'booth-throttle-')));
    let saved: Promise<void> = Promise.resolve();
    const throttle = new SignInThrottle({ lockoutFailures: 1, lockoutMinutes: 10 }, clock, { onChange: (state) => (saved = file.save(state)) });
    await expect(throttle.attempt('kim', 'ws-1', wrongPassword, () => true)).rejects.toThrow('wrong');
    await saved;
    if (process.platform !== 'win32') expect(statSync(file.file).mode & 0o777).toBe(0o600);
    const warnings: string[] = [];
    const state = await file.load((m) => warnings.push(m));
    expect(warnings).toEqual([]);
    const restarted = new SignInThrottle({ lockoutFailures: 1, lockoutMinutes: 10 }, clock, state ? { state } : {});
    await expect(restarted.attempt('kim', 'ws-2', async () => 'in', () => true)).rejects.toMatchObject({ code: 'account_locked' });
  });

  it('a burst of saves writes the latest state', async () => {
    const file = SignInThrottleFile.inUserData(mkdtempSync(join(tmpdir(), 'booth-throttle-')));
    const states = Array.from({ length: 20 }, (_, i) => ({ version: 1 as const, accounts: { kim: { failures: i + 1, lastFailureAt: '2026-12-07T03:00:00.000Z', lockedUntil: null } }, recent: [] }));
    await Promise.all(states.map((s) => file.save(s)));
    expect((await file.load(() => undefined))?.accounts.kim?.failures).toBe(20);
  });

  it('ignores, with a warning naming why, a file that is missing, not JSON, not a state, or readable by others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'booth-throttle-'));
    const file = SignInThrottleFile.inUserData(dir);
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(await file.load(warn)).toBeNull();
    expect(warnings).toEqual([]);
    writeFileSync(file.file, '{oops', { mode: 0o600 });
    expect(await file.load(warn)).toBeNull();
    writeFileSync(file.file, JSON.stringify({ version: 1, accounts: { kim: { failures: -1 } }, recent: [] }), { mode: 0o600 });
    expect(await file.load(warn)).toBeNull();
    expect(warnings[0]).toMatch(/is not JSON/);
    expect(warnings[1]).toMatch(/accounts\.kim\.failures/);
    if (process.platform !== 'win32') {
      chmodSync(file.file, 0o644);
      expect(await file.load(warn)).toBeNull();
      expect(warnings[2]).toMatch(/permissions 644/);
    }
  });
});
