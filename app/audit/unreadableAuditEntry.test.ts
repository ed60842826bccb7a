import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './auditEntry';
import { chainAuditEntry, headOf, verifyAuditChain } from './auditChain';
import { hashAuditEntry } from './auditHash';
import { toAuditJsonLines, verifyAuditJsonLines } from './auditJsonLines';
import { unreadableAuditEntry, unreadableAuditEntrySchema, type AuditLogRecord } from './unreadableAuditEntry';

function makeLog(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 1; i <= count; i++) {
    entries.push(
      chainAuditEntry(headOf(entries.at(-1)), {
        at: new Date(Date.UTC(2026, 10, 3, 9, 0, i)).toISOString(),
        actor: { userId: 'off-1', role: 'officer' },
        action: 'decision',
        subject: { kind: 'decision', id: `decision-${i}` },
        details: { outcome: i % 3 === 0 ? 'refer' : 'clear' },
      }),
    );
  }
  return entries;
}

/** The log as exported by a booth that cannot open the entries at `sealed` (1-based seqs). */
function withMarkers(log: readonly AuditEntry[], sealed: ReadonlySet<number>): AuditLogRecord[] {
  return log.map((entry) => (sealed.has(entry.seq) ? unreadableAuditEntry(entry, 'sealed_under_another_storage_key') : entry));
}

describe('a log with entries sealed under another storage key', () => {
  it('verifies every readable entry and every link, and names each marker as unverified with its cause', () => {
    const log = makeLog(10);
    const records = withMarkers(log, new Set([2, 3, 7]));
    const marker = records[1];
    expect(marker).toMatchObject({ seq: 2, marker: 'unreadable_entry', cause: 'sealed_under_another_storage_key', hash: log[1]?.hash, prevHash: log[0]?.hash, message: expect.stringContaining('entry 2 was sealed under another storage key') });
    expect(marker).not.toHaveProperty('details');
    expect(marker).not.toHaveProperty('subject');
    const result = verifyAuditChain(records);
    expect(result).toMatchObject({ ok: true, count: 10, head: { seq: 10, hash: log[9]?.hash } });
    expect(result.unverified.map(({ index, seq, reason }) => ({ index, seq, reason }))).toEqual([
      { index: 1, seq: 2, reason: 'sealed_under_another_storage_key' },
      { index: 2, seq: 3, reason: 'sealed_under_another_storage_key' },
      { index: 6, seq: 7, reason: 'sealed_under_another_storage_key' },
    ]);
  });

  it('still names a tampered readable entry wherever it is among markers', () => {
    const log = makeLog(30);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 12 }), fc.integer({ min: 1, max: 30 }), (sealedSeqs, k) => {
        fc.pre(!sealedSeqs.includes(k));
        const sealed = new Set(sealedSeqs);
        const records: unknown[] = withMarkers(log, sealed);
        const target = records[k - 1] as AuditEntry;
        records[k - 1] = { ...target, details: { outcome: 'refer', altered: true } };
        const result = verifyAuditChain(records);
        expect(result).toMatchObject({ ok: false, count: k - 1, broken: { index: k - 1, seq: k, reason: 'hash_mismatch' } });
        expect(result.unverified.map((u) => u.seq)).toEqual([...sealed].filter((s) => s < k).sort((a, b) => a - b));
      }),
      { numRuns: 150 },
    );
  });

  it('checks the links through a marker: an altered, removed, moved or invented marker breaks the chain', () => {
    const log = makeLog(8);
    const records: unknown[] = withMarkers(log, new Set([3, 4]));
    const at = (i: number) => records[i] as Record<string, unknown>;

    const rehashed = [...records];
    rehashed[2] = { ...at(2), hash: hashAuditEntry({ ...(log[2] as AuditEntry), details: { outcome: 'clear' } }) };
    expect(verifyAuditChain(rehashed)).toMatchObject({ ok: false, broken: { seq: 4, reason: 'prev_hash_mismatch' }, unverified: [{ seq: 3 }] });

    const removed = records.filter((_, i) => i !== 3);
    expect(verifyAuditChain(removed)).toMatchObject({ ok: false, broken: { index: 3, seq: 5, reason: 'seq_gap' } });

    const relinked = [...records];
    relinked[3] = { ...at(3), prevHash: log[0]?.hash };
    expect(verifyAuditChain(relinked)).toMatchObject({ ok: false, broken: { seq: 4, reason: 'prev_hash_mismatch' } });

    // A readable entry turned into a marker keeps its place, but is reported: it is no longer verified.
    const hidden: unknown[] = withMarkers(log, new Set([3, 4, 6]));
    expect(verifyAuditChain(hidden)).toMatchObject({ ok: true, unverified: [{ seq: 3 }, { seq: 4 }, { seq: 6 }] });

    // An invented marker has no entry's hash to link to.
    const invented = [...records];
    invented[5] = unreadableAuditEntry({ ...(log[5] as AuditEntry), hash: 'f'.repeat(64) }, 'sealed_under_another_storage_key');
    expect(verifyAuditChain(invented)).toMatchObject({ ok: false, broken: { seq: 7, reason: 'prev_hash_mismatch' } });
  });

  it('does not take something that is half entry, half marker for either', () => {
    const log = makeLog(3);
    const [first, second, third] = log;
    if (!first || !second || !third) throw new Error('no entries');
    const marker = unreadableAuditEntry(second, 'sealed_under_another_storage_key');
    const withDetails = { ...marker, details: { outcome: 'clear' } };
    expect(unreadableAuditEntrySchema.safeParse(withDetails).success).toBe(false);
    expect(verifyAuditChain([first, withDetails, third])).toMatchObject({ ok: false, broken: { index: 1, seq: 2, reason: 'unparsable', message: expect.stringContaining('details') } });
    expect(verifyAuditChain([first, { ...marker, cause: 'lost' }, third])).toMatchObject({ ok: false, broken: { seq: 2, reason: 'unparsable', message: expect.stringContaining('cause') } });
  });

  it('round-trips JSON Lines, with the line of each unverified entry', () => {
    const log = makeLog(6);
    const text = toAuditJsonLines(withMarkers(log, new Set([1, 5])));
    const result = verifyAuditJsonLines(text);
    expect(result).toMatchObject({ ok: true, count: 6, unverified: [{ line: 1, seq: 1, reason: 'sealed_under_another_storage_key' }, { line: 5, seq: 5 }] });
    const lines = text.split('\n');
    lines[3] = lines[3]?.replace('"off-1"', '"off-2"') ?? '';
    expect(verifyAuditJsonLines(lines.join('\n'))).toMatchObject({ ok: false, line: 4, broken: { seq: 4, reason: 'hash_mismatch' }, unverified: [{ line: 1 }] });
  });
});
