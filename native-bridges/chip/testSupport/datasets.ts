import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** BOOTH_DATASETS, or ../shared/datasets beside the repository. */
export function datasetsRoot(): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  return process.env.BOOTH_DATASETS ?? path.resolve(repoRoot, '../shared/datasets');
}
