import { z } from 'zod';
import { describeSchemaError } from '../shared/describeSchemaError';
import { auditDraftSchema, auditEntrySchema, GENESIS_PREV_HASH, type AuditDraft, type AuditEntry } from './auditEntry';
import { hashAuditEntry } from './auditHash';

/** Where a chain continues from: nothing (a new log) or its last entry's seq and hash. */
export interface AuditChainHead {
  readonly seq: number;
  readonly hash: string;
}

export const emptyAuditHead: AuditChainHead = { seq: 0, hash: GENESIS_PREV_HASH };

/** Chains a draft after `head`. The draft is parsed first, so only JSON that hashes the same after a round trip is chained. */
export function chainAuditEntry(head: AuditChainHead, draft: AuditDraft): AuditEntry {
  const parsed = auditDraftSchema.safeParse(draft);
  if (!parsed.success) throw new Error(`audit entry rejected: ${describeSchemaError(parsed.error)}`);
  const { subject, ...rest } = parsed.data;
  const unhashed = { seq: head.seq + 1, ...rest, ...(subject ? { subject } : {}), prevHash: head.hash };
  return { ...unhashed, hash: hashAuditEntry(unhashed) };
}

export const headOf = (entry: AuditEntry | undefined): AuditChainHead => (entry ? { seq: entry.seq, hash: entry.hash } : emptyAuditHead);

export type AuditBreakReason = 'unparsable' | 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch';

export interface AuditBreak {
  /** 0-based position in the list (the line number is index + 1 for a JSON Lines file). */
  readonly index: number;
  /** The seq the entry claims, when it has one. */
  readonly seq: number | null;
  readonly reason: AuditBreakReason;
  readonly message: string;
}

export type AuditVerification =
  | { readonly ok: true; readonly count: number; readonly head: AuditChainHead }
  | { readonly ok: false; readonly count: number; readonly broken: AuditBreak };

/**
 * Checks a whole log from its genesis: each entry parses, seq counts up from 1 with no gap, prevHash is the previous
 * entry's hash, and the hash is right. Returns the first broken entry; `count` is the number of intact entries before it.
 */
export function verifyAuditChain(entries: readonly unknown[], from: AuditChainHead = emptyAuditHead): AuditVerification {
  let head = from;
  for (const [index, raw] of entries.entries()) {
    const fail = (reason: AuditBreakReason, seq: number | null, message: string): AuditVerification => ({ ok: false, count: index, broken: { index, seq, reason, message } });
    const parsed = auditEntrySchema.safeParse(raw);
    if (!parsed.success) return fail('unparsable', claimedSeq(raw), `not an audit entry: ${describeSchemaError(parsed.error, { root: 'entry' })}`);
    const entry = parsed.data;
    if (entry.seq !== head.seq + 1) return fail('seq_gap', entry.seq, `expected seq ${head.seq + 1}, found ${entry.seq}`);
    if (entry.prevHash !== head.hash) return fail('prev_hash_mismatch', entry.seq, `prevHash ${entry.prevHash.slice(0, 12)}... is not the hash of entry ${head.seq} (${head.hash.slice(0, 12)}...)`);
    const expected = hashAuditEntry(entry);
    if (expected !== entry.hash) return fail('hash_mismatch', entry.seq, `the entry's content does not match its hash (stored ${entry.hash.slice(0, 12)}..., computed ${expected.slice(0, 12)}...)`);
    head = headOf(entry);
  }
  return { ok: true, count: entries.length, head };
}

function claimedSeq(raw: unknown): number | null {
  const seq = z.object({ seq: z.number().int() }).safeParse(raw);
  return seq.success ? seq.data.seq : null;
}
