import { checkAuditAnchor, exportedAnchorLineSchema, type AnchorCheck, type AuditAnchor, type BoothAuditAnchor } from './auditAnchor';
import { verifyAuditChain, type AuditUnverified, type AuditVerification } from './auditChain';
import type { AuditLogRecord } from './unreadableAuditEntry';

/**
 * The export format: one record per line as JSON, in seq order, ending with a newline. A record is an entry or the
 * marker of an entry that could not be opened (unreadableAuditEntry.ts); a store may also pass a row as it found it,
 * so verification names it instead of the export failing.
 */
export function toAuditJsonLines(records: readonly AuditLogRecord[] | readonly unknown[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

/** A line that is not JSON becomes a marker that the chain check reports as unparsable at that line. */
const unparsableLine = (line: string, error: unknown) => ({ __unparsable: true, line: line.slice(0, 80), error: error instanceof Error ? error.message : String(error) });

/**
 * Verification of an exported file: line numbers (1-based) for the broken entry and for each unverified one; the
 * anchor the export ends with, if any; and, when no entry is broken, each anchor (the file's, the caller's) held
 * against the log (auditAnchor.ts), which is what tells a log cut at its end.
 */
export type AuditJsonLinesVerification = (
  | (Omit<Extract<AuditVerification, { ok: true }>, 'unverified'> & { readonly line?: undefined })
  | (Omit<Extract<AuditVerification, { ok: false }>, 'unverified'> & { readonly line: number })
) & {
  readonly unverified: readonly (AuditUnverified & { readonly line: number })[];
  readonly exportedAnchor: BoothAuditAnchor | null;
  readonly anchors: readonly AnchorCheck[];
};

/**
 * Verifies an exported JSON Lines log. Blank lines are allowed only at the end (a trailing newline); a blank line
 * in the middle is a broken entry, since lines cannot be removed without trace. A last line that is an anchor
 * (`{"anchor":{...}}`) is not an entry: it is held against the log, as is `options.anchor`.
 */
export function verifyAuditJsonLines(text: string, options: { readonly anchor?: AuditAnchor } = {}): AuditJsonLinesVerification {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const values = lines.map((line) => {
    try {
      return JSON.parse(line) as unknown;
    } catch (error) {
      return unparsableLine(line, error);
    }
  });
  const anchorLine = exportedAnchorLineSchema.safeParse(values.at(-1));
  const exportedAnchor = anchorLine.success ? anchorLine.data.anchor : null;
  if (exportedAnchor) values.pop();
  const result = verifyAuditChain(values);
  const unverified = result.unverified.map((u) => ({ ...u, line: u.index + 1 }));
  if (!result.ok) return { ...result, line: result.broken.index + 1, unverified, exportedAnchor, anchors: [] };
  // The chain verified, so every value is an entry or a marker, each with its seq and hash.
  const linked = values as readonly { readonly seq: number; readonly hash: string }[];
  const anchors = [
    ...(exportedAnchor ? [checkAuditAnchor(linked, exportedAnchor, 'file')] : []),
    ...(options.anchor ? [checkAuditAnchor(linked, options.anchor, 'argument')] : []),
  ];
  return { ...result, unverified, exportedAnchor, anchors };
}
