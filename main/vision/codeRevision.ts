import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from './visionHarnessSession';

const run = promisify(execFile);

/**
 * The booth code an evaluation ran on: the checkout's commit, and a digest of its uncommitted changes to tracked
 * files (null when there are none). Reports carry it so that runs are only resumed or merged with runs of the
 * same code: figures of two revisions added together would be no revision's figures.
 */
export interface CodeRevision {
  readonly commit: string;
  readonly localChanges: string | null;
}

/** The revision of the checkout this code runs from, or null when it is not a git checkout (an installed booth). */
export async function codeRevision(root: string = repoRoot): Promise<CodeRevision | null> {
  try {
    const commit = (await run('git', ['rev-parse', 'HEAD'], { cwd: root })).stdout.trim();
    const diff = (await run('git', ['diff', 'HEAD', '--no-ext-diff'], { cwd: root, maxBuffer: 256 * 1024 * 1024 })).stdout;
    return { commit, localChanges: diff === '' ? null : createHash('sha256').update(diff).digest('hex').slice(0, 16) };
  } catch {
    return null;
  }
}

/** How two revisions read in an error message. */
export const revisionText = (revision: CodeRevision | null): string =>
  revision === null ? 'no git revision' : `${revision.commit.slice(0, 10)}${revision.localChanges === null ? '' : ` with local changes ${revision.localChanges}`}`;
