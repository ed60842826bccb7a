import { z } from 'zod';
import { describeSchemaError } from '../shared/describeSchemaError';
import { auditDraftSchema, auditEntrySchema, GENESIS_PREV_HASH, type AuditDraft, type AuditEntry } from './auditEntry';
import { hashAuditEntry } from './auditHash';
import { unreadableAuditEntrySchema, type UnreadableAuditCause, type UnreadableAuditEntry } from './unreadableAuditEntry';

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

/** An entry whose links were checked but whose own content could not be (see unreadableAuditEntry.ts). */
export interface AuditUnverified {
  /** 0-based position in the list, as for AuditBreak. */
  readonly index: number;
  readonly seq: number;
  readonly reason: UnreadableAuditCause;
  readonly message: string;
}

/**
 * `ok` says no entry is broken: every link holds and every entry that could be read hashes right. `unverified`
 * lists the entries that are markers of unreadable entries (their place in the chain is checked, their content is
 * not); the log is fully verified only when `ok` and `unverified` is empty. `count` is the number of entries before
 * the break (all of them when ok), unverified ones included.
 */
export type AuditVerification =
  | { readonly ok: true; readonly count: number; readonly head: AuditChainHead; readonly unverified: readonly AuditUnverified[] }
  | { readonly ok: false; readonly count: number; readonly broken: AuditBreak; readonly unverified: readonly AuditUnverified[] };

/**
 * Checks a whole log from its genesis: each entry parses, seq counts up from 1 with no gap, prevHash is the previous
 * entry's hash, and the hash is right. A marker of an unreadable entry takes its place in the chain: its seq and
 * prevHash are checked and the next entry must link to its stored hash, but its own hash cannot be recomputed, so it
 * is reported as unverified rather than failing the log. Returns the first broken entry, if any.
 */
export function verifyAuditChain(entries: readonly unknown[], from: AuditChainHead = emptyAuditHead): AuditVerification {
  let head = from;
  const unverified: AuditUnverified[] = [];
  for (const [index, raw] of entries.entries()) {
    const fail = (reason: AuditBreakReason, seq: number | null, message: string): AuditVerification => ({ ok: false, count: index, broken: { index, seq, reason, message }, unverified });
    const record = parseRecord(raw);
    if (record.kind === 'unparsable') return fail('unparsable', claimedSeq(raw), `not an audit entry: ${describeSchemaError(record.error, { root: 'entry' })}`);
    const entry = record.kind === 'entry' ? record.entry : record.marker;
    if (entry.seq !== head.seq + 1) return fail('seq_gap', entry.seq, `expected seq ${head.seq + 1}, found ${entry.seq}`);
    if (entry.prevHash !== head.hash) return fail('prev_hash_mismatch', entry.seq, `prevHash ${entry.prevHash.slice(0, 12)}... is not the hash of entry ${head.seq} (${head.hash.slice(0, 12)}...)`);
    if (record.kind === 'entry') {
      const expected = hashAuditEntry(record.entry);
      if (expected !== entry.hash) return fail('hash_mismatch', entry.seq, `the entry's content does not match its hash (stored ${entry.hash.slice(0, 12)}..., computed ${expected.slice(0, 12)}...)`);
    } else {
      unverified.push({ index, seq: entry.seq, reason: record.marker.cause, message: record.marker.message });
    }
    head = { seq: entry.seq, hash: entry.hash };
  }
  return { ok: true, count: entries.length, head, unverified };
}

type ParsedRecord = { readonly kind: 'entry'; readonly entry: AuditEntry } | { readonly kind: 'marker'; readonly marker: UnreadableAuditEntry } | { readonly kind: 'unparsable'; readonly error: z.ZodError };

/** An entry, else a marker; the error reported is the marker's for what claims to be one, the entry's otherwise. */
function parseRecord(raw: unknown): ParsedRecord {
  const entry = auditEntrySchema.safeParse(raw);
  if (entry.success) return { kind: 'entry', entry: entry.data };
  const marker = unreadableAuditEntrySchema.safeParse(raw);
  if (marker.success) return { kind: 'marker', marker: marker.data };
  const claimsMarker = typeof raw === 'object' && raw !== null && 'marker' in raw;
  return { kind: 'unparsable', error: claimsMarker ? marker.error : entry.error };
}

function claimedSeq(raw: unknown): number | null {
  const seq = z.object({ seq: z.number().int() }).safeParse(raw);
  return seq.success ? seq.data.seq : null;
}
