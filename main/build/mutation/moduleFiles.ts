// Which files a mutation module covers now: its production files (`mutate`) and its test files (`testFiles`), as
// git tracks them. git's glob pathspecs know `*`, `**` and `!` (exclude) but not braces, which the test globs use
// (`{faceMatching,calibration}*.test.ts`): braces are expanded first.
import { execFileSync } from 'node:child_process';

/** `a/{b,c}*.ts` -> `a/b*.ts`, `a/c*.ts` (each brace group in turn; no nesting in the modules' globs). */
export function expandBraces(glob: string): string[] {
  const group = /\{([^{}]*)\}/.exec(glob);
  if (!group) return [glob];
  const [whole, options] = group;
  return options!.split(',').flatMap((option) => expandBraces(glob.slice(0, group.index) + option + glob.slice(group.index + whole.length)));
}

/** The tracked files the globs match (relative to the repository root); a glob starting with `!` excludes. */
export function trackedFiles(globs: readonly string[]): ReadonlySet<string> {
  const pathspecs = globs.flatMap(expandBraces).map((glob) => (glob.startsWith('!') ? `:(glob,exclude)${glob.slice(1)}` : `:(glob)${glob}`));
  return new Set(execFileSync('git', ['ls-files', '--', ...pathspecs], { encoding: 'utf8' }).split('\n').filter((file) => file !== ''));
}
