import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountStore, practiceAccounts } from './accounts';

const store = () => AccountStore.inUserData(mkdtempSync(join(tmpdir(), 'booth-accounts-')));

describe('local accounts', () => {
  it('signs in with the right password only, and keeps no password in the file', async () => {
    const accounts = store();
    await accounts.add({ userId: 'jdoe', name: 'J. Doe', role: 'supervisor' }, 'correct horse battery');
    expect(await accounts.signIn('jdoe', 'correct horse battery')).toEqual({ userId: 'jdoe', name: 'J. Doe', role: 'supervisor' });
    await expect(accounts.signIn('jdoe', 'wrong password!')).rejects.toMatchObject({ code: 'bad_credentials' });
    await expect(accounts.signIn('nobody', 'correct horse battery')).rejects.toMatchObject({ code: 'bad_credentials', message: 'unknown user or wrong password' });
    const text = readFileSync(accounts.file, 'utf8');
    expect(text).not.toContain('correct horse battery');
    expect(text).toContain('$argon2id$');
    expect(statSync(accounts.file).mode & 0o077).toBe(0);
  });

  it('refuses weak passwords, bad user ids and duplicates, naming what is wrong', async () => {
    const accounts = store();
    await expect(accounts.add({ userId: 'short', name: 'S', role: 'officer' }, 'short')).rejects.toThrow('at least 10 characters');
    await expect(accounts.add({ userId: 'Bad Id!', name: 'B', role: 'officer' }, 'long enough password')).rejects.toThrow(/userId/);
    await accounts.add({ userId: 'ann', name: 'Ann', role: 'officer' }, 'long enough password');
    await expect(accounts.add({ userId: 'ann', name: 'Ann 2', role: 'trainer' }, 'long enough password')).rejects.toMatchObject({ code: 'duplicate_user' });
  });

  it('names a corrupt accounts file instead of signing anyone in', async () => {
    const accounts = store();
    await accounts.add({ userId: 'ann', name: 'Ann', role: 'officer' }, 'long enough password');
    writeFileSync(accounts.file, '{"version":1,"accounts":[{"userId":"ann","role":"king"}]}');
    await expect(accounts.signIn('ann', 'long enough password')).rejects.toMatchObject({ code: 'corrupt_file', message: expect.stringContaining('role') });
  });

  it('creates the practice accounts only when there are no accounts', async () => {
    const fresh = store();
    await fresh.ensurePracticeAccounts();
    for (const practice of practiceAccounts) expect((await fresh.signIn(practice.userId, practice.password)).role).toBe(practice.role);
    const own = store();
    await own.add({ userId: 'ann', name: 'Ann', role: 'officer' }, 'long enough password');
    await own.ensurePracticeAccounts();
    expect((await own.list()).map((a) => a.userId)).toEqual(['ann']);
  });

  it('stays owner-only even when a temporary file from an earlier crash is left with wider permissions', async () => {
    const accounts = store();
    writeFileSync(`${accounts.file}.tmp`, 'left over', { mode: 0o644 });
    await accounts.add({ userId: 'ann', name: 'Ann', role: 'officer' }, 'long enough password');
    expect(statSync(accounts.file).mode & 0o077).toBe(0);
    expect(readdirSync(dirname(accounts.file)).filter((name) => name.endsWith('.tmp') && name !== 'accounts.json.tmp')).toEqual([]);
  });
});

describe.skipIf(process.platform === 'win32')('the accounts file permissions', () => {
  it('refuses an accounts file group or others can read, for listing and for signing in, and names the fix', async () => {
    const accounts = store();
    await accounts.add({ userId: 'ann', name: 'Ann', role: 'officer' }, 'long enough password');
    chmodSync(accounts.file, 0o644);
    await expect(accounts.list()).rejects.toMatchObject({ code: 'insecure_permissions', message: expect.stringContaining('chmod 600') });
    await expect(accounts.signIn('ann', 'long enough password')).rejects.toMatchObject({ code: 'insecure_permissions' });
    await expect(accounts.add({ userId: 'bob', name: 'Bob', role: 'officer' }, 'long enough password')).rejects.toMatchObject({ code: 'insecure_permissions' });
    chmodSync(accounts.file, 0o640);
    await expect(accounts.list()).rejects.toMatchObject({ code: 'insecure_permissions', message: expect.stringContaining('640') });
    chmodSync(accounts.file, 0o600);
    expect((await accounts.list()).map((a) => a.userId)).toEqual(['ann']);
  });
});
