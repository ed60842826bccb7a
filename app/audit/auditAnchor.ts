import { z } from 'zod';
import { describeSchemaError } from '../shared/describeSchemaError';
import { sha256Hex } from './auditEntry';

/**
 * A hash chain alone cannot see a cut tail: drop the last entries and what is left still links. So the head is
 * anchored outside the booth: every decision sent to the records service carries the audit head it was made after,
 * the service keeps the latest head per booth, and a log that ends before that head (or holds another entry at its
 * seq) has lost or rewritten entries.
 */

/** The chain head a decision was made after (seq 0 with the genesis hash: an empty log). */
export const auditHeadSchema = z.strictObject({ seq: z.number().int().min(0), hash: sha256Hex });
export type AuditHead = z.infer<typeof auditHeadSchema>;

/** A head the log is known to have reached: the entry with this seq has this hash. */
export const auditAnchorSchema = z.strictObject({ seq: z.number().int().min(1), hash: sha256Hex });
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

/** The latest anchor a records service holds for one booth, and when it received it. */
export const boothAuditAnchorSchema = auditAnchorSchema.extend({ boothId: z.string().min(1).max(40), receivedAt: z.iso.datetime({ offset: true }) });
export type BoothAuditAnchor = z.infer<typeof boothAuditAnchorSchema>;

/**
 * The last line of an exported log when the booth could read its anchor: `{"anchor":{...}}`. It is not an entry
 * (anywhere but last it breaks the chain), and it is not trusted more than the file: an auditor who doubts the file
 * asks the records service and passes `--anchor SEQ:HASH`.
 */
export const exportedAnchorLineSchema = z.strictObject({ anchor: boothAuditAnchorSchema });

export const anchorLine = (anchor: BoothAuditAnchor): string => `${JSON.stringify({ anchor })}\n`;

/** `SEQ:HASH` as typed on a command line. */
export function parseAnchorArgument(text: string): AuditAnchor | { readonly error: string } {
  const match = /^\s*(\d+):([0-9a-fA-F]+)\s*$/.exec(text);
  if (!match) return { error: `--anchor "${text.slice(0, 80)}" is not SEQ:HASH (e.g. 42:3f2a…, 64 hex digits)` };
  const parsed = auditAnchorSchema.safeParse({ seq: Number(match[1]), hash: match[2]?.toLowerCase() });
  return parsed.success ? parsed.data : { error: `--anchor: ${describeSchemaError(parsed.error)}` };
}

/** Where an anchor came from, for the report. */
export type AnchorSource = 'file' | 'argument';

/**
 * One anchor held against a chain that verified: `reached` when the entry at its seq has its hash;
 * `missing_after_end` when the log ends before it (entries were cut from the end); `mismatch` when another entry
 * stands at its seq (the log was rewritten from there on).
 */
export type AnchorCheck =
  | { readonly result: 'reached'; readonly source: AnchorSource; readonly anchor: AuditAnchor }
  | { readonly result: 'missing_after_end'; readonly source: AnchorSource; readonly anchor: AuditAnchor; readonly lastSeq: number; readonly missing: number }
  | { readonly result: 'mismatch'; readonly source: AnchorSource; readonly anchor: AuditAnchor; readonly foundHash: string };

/** `records` are the log's entries (or markers) in seq order, already verified as one unbroken chain from seq 1. */
export function checkAuditAnchor(records: readonly { readonly seq: number; readonly hash: string }[], anchor: AuditAnchor, source: AnchorSource): AnchorCheck {
  const lastSeq = records.at(-1)?.seq ?? 0;
  if (anchor.seq > lastSeq) return { result: 'missing_after_end', source, anchor, lastSeq, missing: anchor.seq - lastSeq };
  const found = records[anchor.seq - 1];
  if (found?.seq === anchor.seq && found.hash === anchor.hash) return { result: 'reached', source, anchor };
  return { result: 'mismatch', source, anchor, foundHash: found?.hash ?? '' };
}

/** One sentence per check, for people. */
export function describeAnchorCheck(check: AnchorCheck): string {
  const from = check.source === 'file' ? "the export's anchor" : 'the anchor given';
  const at = `seq ${check.anchor.seq} hash ${check.anchor.hash.slice(0, 12)}...`;
  switch (check.result) {
    case 'reached':
      return `${from} (${at}) is in the log`;
    case 'missing_after_end':
      return `${check.missing} or more entries missing after the export's end: the log ends at seq ${check.lastSeq} but ${from} (${at}) was reached`;
    case 'mismatch':
      return `entry ${check.anchor.seq} is not the one anchored: its hash is ${check.foundHash.slice(0, 12)}..., ${from} says ${check.anchor.hash.slice(0, 12)}... (the log was rewritten from there on)`;
  }
}
