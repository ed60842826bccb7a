/**
 * `npx booth audit verify FILE [--json]`: checks an exported audit log (JSON Lines). Exit 0 when the chain is
 * intact (prints the entry count), 1 naming the first broken entry (line, seq, reason), 2 when the file cannot be read,
 * 3 when nothing is broken but some entries could not be verified (exported as markers by a booth that could not open
 * them, e.g. sealed under another storage key): each is named, and the log is not called intact.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { verifyAuditJsonLines } from '../../../app/audit/auditJsonLines';

export interface AuditCliOutcome {
  readonly exitCode: 0 | 1 | 2 | 3;
  readonly stdout: string;
  readonly stderr: string;
}

/** The command without the process around it, so tests can run it in-process. */
export async function runAuditVerify(file: string, options: { readonly json?: boolean } = {}): Promise<AuditCliOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    const message = `cannot read ${file} (${code})`;
    return { exitCode: 2, stdout: options.json ? `${JSON.stringify({ ok: false, error: { code: 'unreadable', message } })}\n` : '', stderr: message };
  }
  const result = verifyAuditJsonLines(text);
  const unverified = result.unverified.map(({ line, seq, reason, message }) => ({ line, seq, reason, message }));
  const unverifiedText = unverified.map((u) => `  line ${u.line}, seq ${u.seq}: ${u.reason}: ${u.message}`).join('\n');
  if (result.ok) {
    const head = `head seq ${result.head.seq} hash ${result.head.hash}`;
    const summary = { ok: true, entries: result.count, headSeq: result.head.seq, headHash: result.head.hash, ...(unverified.length > 0 ? { unverified } : {}) };
    if (unverified.length === 0) return { exitCode: 0, stdout: `${options.json ? JSON.stringify(summary) : `intact: ${result.count} entries, ${head}`}\n`, stderr: '' };
    const stdout = options.json ? JSON.stringify(summary) : `no break, but ${unverified.length} of ${result.count} entries could not be verified, ${head}:\n${unverifiedText}`;
    return { exitCode: 3, stdout: `${stdout}\n`, stderr: '' };
  }
  const { broken } = result;
  const stdout = options.json
    ? JSON.stringify({ ok: false, intactEntries: result.count, broken: { line: result.line, seq: broken.seq, reason: broken.reason, message: broken.message }, ...(unverified.length > 0 ? { unverified } : {}) })
    : `broken at line ${result.line}, seq ${broken.seq ?? '(none)'}: ${broken.reason}: ${broken.message} (${result.count} intact entries before it)${unverified.length > 0 ? `; before it, ${unverified.length} could not be verified:\n${unverifiedText}` : ''}`;
  return { exitCode: 1, stdout: `${stdout}\n`, stderr: '' };
}

export function register(program: Command): void {
  const audit = program.command('audit').description('audit log tools');
  audit
    .command('verify')
    .description('verify an exported audit log (JSON Lines); exit 1 naming the first broken entry, 2 if unreadable, 3 if entries could not be verified (sealed under another storage key)')
    .argument('<file>', 'the exported log')
    .option('--json', 'print JSON')
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2);
    })
    .action(async (file: string, options: { json?: boolean }) => {
      const outcome = await runAuditVerify(file, options);
      if (outcome.stdout) process.stdout.write(outcome.stdout);
      if (outcome.stderr) process.stderr.write(`booth audit verify: ${outcome.stderr}\n`);
      process.exitCode = outcome.exitCode;
    });
}
