/**
 * `npx booth mrz parse LINE1 LINE2 [LINE3] [--today YYYY-MM-DD]`: parses and validates an MRZ for support
 * staff and scripts. Prints the result as JSON; exits 0 when valid, 1 when the MRZ is invalid, 2 on usage errors.
 */
import type { Command } from 'commander';
import { parseMrz } from '../../../app/document/mrz/parseMrz';

export type MrzCliOutcome = {
  readonly exitCode: 0 | 1 | 2;
  /** JSON for stdout; empty on usage errors. */
  readonly stdout: string;
  /** Human-readable usage error for stderr. */
  readonly stderr: string;
};

/** --today is a boundary input: only a real calendar date in YYYY-MM-DD form is accepted. */
function parseToday(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? date : null;
}

/** The command without the process around it, so tests can run it in-process. */
export function runMrzParse(lines: readonly string[], options: { readonly today?: string | undefined } = {}): MrzCliOutcome {
  let today = new Date();
  if (options.today !== undefined) {
    const parsed = parseToday(options.today);
    if (!parsed) return { exitCode: 2, stdout: '', stderr: `--today must be a date as YYYY-MM-DD, got '${options.today}'` };
    today = parsed;
  }
  if (lines.length === 0) return { exitCode: 2, stdout: '', stderr: 'give the MRZ lines as arguments: booth mrz parse LINE1 LINE2 [LINE3]' };
  const result = parseMrz(lines, { today });
  const json = {
    format: result.format,
    valid: result.valid,
    fields: result.fields.map(({ name, value, raw, valid, error }) => ({ name, value, raw, valid, error })),
    corrections: result.corrections,
    errors: result.errors,
  };
  return { exitCode: result.valid ? 0 : 1, stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: '' };
}

export function register(program: Command): void {
  const mrz = program.command('mrz').description('machine-readable zone (MRZ) tools');
  mrz
    .command('parse')
    .description('parse and validate an MRZ; prints JSON; exit 1 when invalid, 2 on usage errors')
    .argument('<lines...>', "the MRZ lines, one argument each (quote them: '<' is special to the shell)")
    .option('--today <date>', 'the date deciding date centuries, YYYY-MM-DD (default: today, UTC)')
    .option('--json', 'print JSON (always on; accepted like other booth commands)')
    // Commander's own usage errors exit 2 as well, so scripts can tell bad usage from a bad MRZ.
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2);
    })
    .action((lines: string[], options: { today?: string }) => {
      const outcome = runMrzParse(lines, { today: options.today });
      if (outcome.stdout) process.stdout.write(outcome.stdout);
      if (outcome.stderr) process.stderr.write(`booth mrz parse: ${outcome.stderr}\n`);
      process.exitCode = outcome.exitCode;
    });
}
