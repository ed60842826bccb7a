import { randomBytes } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readOwnerOnly } from './ownerOnlyFile';

/**
 * The key that encrypts personal and biometric data in the renderer's IndexedDB. The main process holds it and
 * hands it to the renderer over the host contract; it is never stored beside the data.
 */
export const STORAGE_KEY_BYTES = 32;

export type StorageKeyErrorCode =
  /** The key file can be read by group or others: the key may have leaked, so the booth will not use it. */
  | 'insecure_permissions'
  /** The key file is not a 256-bit key (truncated, edited, or another file). */
  | 'malformed_key'
  /** Electron's safeStorage cannot encrypt on this machine (no keyring). */
  | 'safe_storage_unavailable'
  | 'io_error';

export class StorageKeyError extends Error {
  constructor(
    readonly code: StorageKeyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageKeyError';
  }
}

/** Where the storage key comes from (key file under the Node host; safeStorage under Electron). */
export interface StorageKeySource {
  readonly kind: 'key_file' | 'safe_storage';
  /** The 256-bit key, created on first use. Throws StorageKeyError. */
  load(): Promise<Uint8Array>;
}

/** The part of Electron's `safeStorage` used here, so this file does not import 'electron'. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The key file's bytes (null when there is none), refused when group or others may read it. */
async function readKeyFile(file: string): Promise<Buffer | null> {
  try {
    return await readOwnerOnly(
      file,
      (permissions) =>
        new StorageKeyError('insecure_permissions', `the storage key file ${file} has permissions ${permissions}: it must be readable by its owner only (chmod 600 "${file}"), and since others could read it, consider the key exposed`),
    );
  } catch (error) {
    if (error instanceof StorageKeyError) throw error;
    throw new StorageKeyError('io_error', `cannot read the storage key file ${file}: ${(error as Error).message}`);
  }
}

/** Creates `file` with `content` atomically and owner-only; if another process created it first, returns false. */
async function createOwnerOnly(file: string, content: Buffer): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, content, { mode: 0o600, flag: 'wx' });
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new StorageKeyError('io_error', `cannot create the storage key file ${file}: ${(error as Error).message}`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function loadOrCreate(dir: string, fileName: string, encode: (key: Buffer) => Buffer, decode: (stored: Buffer, file: string) => Buffer): Promise<Uint8Array> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, fileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    const stored = await readKeyFile(file);
    if (stored) {
      const key = decode(stored, file);
      if (key.length !== STORAGE_KEY_BYTES) throw new StorageKeyError('malformed_key', `the storage key file ${file} holds ${key.length} bytes, expected ${STORAGE_KEY_BYTES}: it is not a Booth storage key`);
      return new Uint8Array(key);
    }
    const key = randomBytes(STORAGE_KEY_BYTES);
    if (await createOwnerOnly(file, encode(key))) return new Uint8Array(key);
  }
  throw new StorageKeyError('io_error', `the storage key file ${file} appeared and vanished while it was being created`);
}

/** A raw 256-bit key in `<dir>/storage.key`, mode 0600 (the Node host's key store). */
export function keyFileStorageKey(dir: string, fileName = 'storage.key'): StorageKeySource {
  return {
    kind: 'key_file',
    load: () =>
      loadOrCreate(
        dir,
        fileName,
        (key) => key,
        (stored) => stored,
      ),
  };
}

/** The key encrypted by Electron's safeStorage (OS keychain) in `<dir>/storage.key.safe`, also owner-only. */
export function safeStorageKey(safeStorage: SafeStorageLike, dir: string, fileName = 'storage.key.safe'): StorageKeySource {
  return {
    kind: 'safe_storage',
    load: () => {
      if (!safeStorage.isEncryptionAvailable()) return Promise.reject(new StorageKeyError('safe_storage_unavailable', 'safeStorage cannot encrypt on this machine'));
      return loadOrCreate(
        dir,
        fileName,
        (key) => safeStorage.encryptString(key.toString('base64')),
        (stored, file) => {
          try {
            return Buffer.from(safeStorage.decryptString(stored), 'base64');
          } catch (error) {
            throw new StorageKeyError('malformed_key', `safeStorage cannot decrypt ${file} (${(error as Error).message}): it was made by another user or machine`);
          }
        },
      );
    },
  };
}

/** safeStorage where Electron offers it, else the key file. */
export function chooseStorageKeySource(dir: string, safeStorage?: SafeStorageLike): StorageKeySource {
  return safeStorage?.isEncryptionAvailable() ? safeStorageKey(safeStorage, dir) : keyFileStorageKey(dir);
}
