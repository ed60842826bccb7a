import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseStorageKeySource, keyFileStorageKey, safeStorageKey, type SafeStorageLike } from './storageKey';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'booth-key-')), 'Booth');

describe.skipIf(process.platform === 'win32')('storage key file', () => {
  it('creates a random 256-bit key owner-only in a new folder, and loads the same key afterwards', async () => {
    const dir = freshDir();
    const key = await keyFileStorageKey(dir).load();
    expect(key).toHaveLength(32);
    expect(statSync(join(dir, 'storage.key')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o077).toBe(0);
    expect(new Uint8Array(readFileSync(join(dir, 'storage.key')))).toEqual(key);
    expect(await keyFileStorageKey(dir).load()).toEqual(key);
    expect(await keyFileStorageKey(freshDir()).load()).not.toEqual(key);
  });

  it('gives every concurrent caller the same key', async () => {
    const dir = freshDir();
    const keys = await Promise.all(Array.from({ length: 8 }, () => keyFileStorageKey(dir).load()));
    for (const key of keys) expect(key).toEqual(keys[0]);
  });

  it('refuses a key file readable by group or others, saying how to fix it', async () => {
    const dir = freshDir();
    await keyFileStorageKey(dir).load();
    chmodSync(join(dir, 'storage.key'), 0o640);
    await expect(keyFileStorageKey(dir).load()).rejects.toMatchObject({ code: 'insecure_permissions', message: expect.stringMatching(/permissions 640.*chmod 600/) });
    chmodSync(join(dir, 'storage.key'), 0o604);
    await expect(keyFileStorageKey(dir).load()).rejects.toMatchObject({ code: 'insecure_permissions' });
  });

  it('refuses a file that is not a 256-bit key', async () => {
    const dir = freshDir();
    await keyFileStorageKey(dir).load();
    writeFileSync(join(dir, 'storage.key'), 'short', { mode: 0o600 });
    await expect(keyFileStorageKey(dir).load()).rejects.toMatchObject({ code: 'malformed_key', message: expect.stringContaining('holds 5 bytes, expected 32') });
  });
});

describe.skipIf(process.platform === 'win32')('safeStorage key', () => {
  // Stands in for Electron's OS-keychain encryption: reversible, and what it writes is not the key.
  const fakeSafeStorage = (available = true): SafeStorageLike => ({
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (buffer) => {
      const text = buffer.toString();
      if (!text.startsWith('sealed:')) throw new Error('not sealed by this keychain');
      return Buffer.from(text.slice(7), 'hex').toString();
    },
  });

  it('keeps only the sealed key on disk and returns the same key each time', async () => {
    const dir = freshDir();
    const source = chooseStorageKeySource(dir, fakeSafeStorage());
    expect(source.kind).toBe('safe_storage');
    const key = await source.load();
    expect(key).toHaveLength(32);
    const onDisk = readFileSync(join(dir, 'storage.key.safe'));
    expect(onDisk.toString().startsWith('sealed:')).toBe(true);
    expect(onDisk.includes(Buffer.from(key))).toBe(false);
    expect(await safeStorageKey(fakeSafeStorage(), dir).load()).toEqual(key);
  });

  it('falls back to the key file when safeStorage is unavailable', async () => {
    expect(chooseStorageKeySource(freshDir(), fakeSafeStorage(false)).kind).toBe('key_file');
    await expect(safeStorageKey(fakeSafeStorage(false), freshDir()).load()).rejects.toMatchObject({ code: 'safe_storage_unavailable' });
  });
});
