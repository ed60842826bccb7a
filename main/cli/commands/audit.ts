/**
 * `npx booth audit verify FILE [--anchor SEQ:HASH] [--json]`: checks an exported audit log (JSON Lines). Exit 0 when
 * the chain is intact (prints the entry count, and whether an anchor was reached), 1 naming the first broken entry
 * (line, seq, reason) or an anchored entry that was replaced, 2 when the file or the arguments cannot be read, 3 when
 * nothing is broken but some entries could not be verified (exported as markers by a booth that could not open them,
 * e.g. sealed under another storage key): each is named, and the log is not called intact; 4 when entries are missing
 * after the export's end (the log ends before a head the records service saw: the export's own anchor line, or
 * `--anchor`).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { describeAnchorCheck, parseAnchorArgument, type AnchorCheck, type AuditAnchor } from '../../../app/audit/auditAnchor';
import { verifyAuditJsonLines } from '../../../app/audit/auditJsonLines';

export interface AuditCliOutcome {
  readonly exitCode: 0 | 1 | 2 | 3 | 4;
  readonly stdout: string;
  readonly stderr: string;
}

export interface AuditVerifyOptions {
  readonly json?: boolean;
  /** `SEQ:HASH`, e.g. the records service's latest anchor for the booth. */
  readonly anchor?: string;
}

const anchorJson = (check: AnchorCheck) => ({ source: check.source, result: check.result, seq: check.anchor.seq, hash: check.anchor.hash, message: describeAnchorCheck(check) });

/** The command without the process around it, so tests can run it in-process. */
export async function runAuditVerify(file: string, options: AuditVerifyOptions = {}): Promise<AuditCliOutcome> {
  let anchor: AuditAnchor | undefined;
  if (options.anchor !== undefined) {
    const parsed = parseAnchorArgument(options.anchor);
    if ('error' in parsed) return { exitCode: 2, stdout: options.json ? `${JSON.stringify({ ok: false, error: { code: 'bad_anchor', message: parsed.error } })}\n` : '', stderr: parsed.error };
    anchor = parsed;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    const message = `cannot read ${file} (${code})`;
    return { exitCode: 2, stdout: options.json ? `${JSON.stringify({ ok: false, error: { code: 'unreadable', message } })}\n` : '', stderr: message };
  }
  const result = verifyAuditJsonLines(text, anchor ? { anchor } : {});
  const unverified = result.unverified.map(({ line, seq, reason, message }) => ({ line, seq, reason, message }));
  const unverifiedText = unverified.map((u) => `  line ${u.line}, seq ${u.seq}: ${u.reason}: ${u.message}`).join('\n');
  if (result.ok) {
    const head = `head seq ${result.head.seq} hash ${result.head.hash}`;
    const anchors = result.anchors.map(anchorJson);
    const summary = { ok: true, entries: result.count, headSeq: result.head.seq, headHash: result.head.hash, anchored: anchors.some((a) => a.result === 'reached'), anchors, ...(unverified.length > 0 ? { unverified } : {}) };
    const replaced = result.anchors.find((a) => a.result === 'mismatch');
    if (replaced) {
      const stdout = options.json ? JSON.stringify({ ...summary, ok: false }) : `broken: ${describeAnchorCheck(replaced)}`;
      return { exitCode: 1, stdout: `${stdout}\n`, stderr: '' };
    }
    const cut = result.anchors.find((a) => a.result === 'missing_after_end');
    if (cut) {
      const stdout = options.json ? JSON.stringify({ ...summary, ok: false }) : `cut: ${describeAnchorCheck(cut)} (${result.count} entries, ${head})`;
      return { exitCode: 4, stdout: `${stdout}\n`, stderr: '' };
    }
    const anchorText = result.anchors.length > 0 ? `; ${result.anchors.map(describeAnchorCheck).join('; ')}` : '; no anchor (none in the file, no --anchor): entries cut from the end could not be detected';
    if (unverified.length === 0) return { exitCode: 0, stdout: `${options.json ? JSON.stringify(summary) : `intact: ${result.count} entries, ${head}${anchorText}`}\n`, stderr: '' };
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
    .description('verify an exported audit log (JSON Lines); exit 1 naming the first broken entry, 2 if unreadable, 3 if entries could not be verified (sealed under another storage key), 4 if entries are missing after its end (the log ends before its anchor)')
    .argument('<file>', 'the exported log')
    .option('--anchor <SEQ:HASH>', "a head the log is known to have reached (the records service's latest anchor for the booth); the export's own anchor line is checked too")
    .option('--json', 'print JSON')
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2);
    })
    .action(async (file: string, options: { json?: boolean; anchor?: string }) => {
      const outcome = await runAuditVerify(file, options);
      if (outcome.stdout) process.stdout.write(outcome.stdout);
      if (outcome.stderr) process.stderr.write(`booth audit verify: ${outcome.stderr}\n`);
      process.exitCode = outcome.exitCode;
    });
}
