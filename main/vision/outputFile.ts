import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes what an eval produces (`--out`, `--faces`, `--plot`) to `file`, creating its folder first. */
export async function writeOutputFile(file: string, contents: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, contents);
}
