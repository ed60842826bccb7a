import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const isWindows = process.platform === 'win32';

/**
 * Reads a file that must be readable by its owner only (a key, password hashes); null when it does not exist.
 * When group or others may read it, throws what `refuseInsecure` makes of its permissions (e.g. "644"), so each
 * caller names the file and the risk. The mode checked is that of the file actually opened: a stat by name could
 * look at another file than the one read. Windows has no POSIX modes (the user-data folder's ACL protects it).
 */
export async function readOwnerOnly(file: string, refuseInsecure: (permissions: string) => Error): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const mode = (await handle.stat()).mode;
    if (!isWindows && (mode & 0o077) !== 0) throw refuseInsecure((mode & 0o777).toString(8));
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file only its owner may read, in an owner-only folder: write then rename, so a crash mid-write never
 * leaves it truncated. The temporary file is new ('wx'): `mode` applies only to a file being created, so reusing
 * one left behind (by a crash, another umask) could publish the content with its wider permissions.
 */
export async function writeOwnerOnly(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
