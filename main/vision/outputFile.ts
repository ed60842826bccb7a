import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes what an eval produces (`--out`, `--faces`, `--plot`) to `file`, creating its folder first. Written beside
 * it and renamed into place, so a run stopped mid-write (a long vehicle eval rewrites its report after every
 * vehicle) leaves the previous whole file, never half of one.
 */
export async function writeOutputFile(file: string, contents: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, contents);
  await rename(partial, file);
}
