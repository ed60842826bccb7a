import type { AuditEntry } from './auditEntry';
import { verifyAuditChain, type AuditVerification } from './auditChain';

/** The export format: one entry per line as JSON, in seq order, ending with a newline. */
export function toAuditJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

/** A line that is not JSON becomes a marker that the chain check reports as unparsable at that line. */
const unparsableLine = (line: string, error: unknown) => ({ __unparsable: true, line: line.slice(0, 80), error: error instanceof Error ? error.message : String(error) });

/**
 * Verifies an exported JSON Lines log. Blank lines are allowed only at the end (a trailing newline); a blank line
 * in the middle is a broken entry, since lines cannot be removed without trace. Line numbers are 1-based.
 */
export function verifyAuditJsonLines(text: string): AuditVerification & { readonly line?: number } {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const values = lines.map((line) => {
    try {
      return JSON.parse(line) as unknown;
    } catch (error) {
      return unparsableLine(line, error);
    }
  });
  const result = verifyAuditChain(values);
  return result.ok ? result : { ...result, line: result.broken.index + 1 };
}
