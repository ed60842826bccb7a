import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

/**
 * A small face index for the training e2e, made with the booth's own pipeline (`booth faces index`) at test time:
 * the project ships no one's face or embedding. It holds every photo of the scripted travellers' identities, a spread
 * sample of others, and Gideon_Yago: in an index of 4,000 LFW photos, the face closest to Colin Powell's passport
 * photo (traveller 1, Johnson) above the booth's threshold, so the look-alike scenario plays as it does on the full
 * dataset. Answers the file, or null (with the reason logged) when the dataset is absent.
 */
export function makeTestFaceIndex(output: string, datasetsDir: string): string | null {
  const dataset = join(datasetsDir, 'faces-lfw');
  if (!existsSync(join(dataset, 'identities.csv'))) {
    console.warn(`training e2e: no face index made: ${dataset}/identities.csv not found (set BOOTH_DATASETS)`);
    return null;
  }
  if (existsSync(output)) return output;
  execFileSync(process.execPath, [join(repoRoot, 'main/cli/booth.mjs'), 'faces', 'index', '--dataset', dataset, '--out', output, '--limit', '120', '--include', 'Gideon_Yago'], {
    cwd: repoRoot,
    stdio: 'inherit',
    timeout: 600_000,
  });
  return output;
}
