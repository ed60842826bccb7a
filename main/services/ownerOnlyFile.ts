import { open } from 'node:fs/promises';

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
