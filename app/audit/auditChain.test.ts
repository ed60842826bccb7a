import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_PREV_HASH, type AuditAction, type AuditEntry } from './auditEntry';
import { chainAuditEntry, emptyAuditHead, headOf, verifyAuditChain } from './auditChain';
import { hashAuditEntry } from './auditHash';
import { toAuditJsonLines, verifyAuditJsonLines } from './auditJsonLines';

const actions: AuditAction[] = ['sign_in', 'view_traveller', 'decision', 'review', 'export', 'purge'];

function makeLog(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < count; i++) {
    const entry = chainAuditEntry(headOf(entries.at(-1)), {
      at: new Date(Date.UTC(2026, 10, 1, 8, 0, i)).toISOString(),
      actor: { userId: i % 7 === 0 ? 'sup-1' : 'off-1', role: i % 7 === 0 ? 'supervisor' : 'officer' },
      action: actions[i % actions.length] ?? 'decision',
      ...(i % 2 === 0 ? { subject: { kind: 'decision', id: `decision-${i}` } } : {}),
      details: { outcome: i % 3 === 0 ? 'refer' : 'clear', score: i / 10, reasons: ['a', 'b'], nested: { z: 1, a: [true, null] } },
    });
    entries.push(entry);
  }
  return entries;
}

describe('audit chain', () => {
  it('chains from the genesis hash and verifies an intact log', () => {
    const log = makeLog(40);
    expect(log[0]?.prevHash).toBe(GENESIS_PREV_HASH);
    expect(log[0]?.seq).toBe(1);
    expect(log[1]?.prevHash).toBe(log[0]?.hash);
    const result = verifyAuditChain(log);
    expect(result).toEqual({ ok: true, count: 40, head: { seq: 40, hash: log[39]?.hash }, unverified: [] });
    expect(verifyAuditChain([])).toEqual({ ok: true, count: 0, head: emptyAuditHead, unverified: [] });
  });

  it('hashes the canonical form: key order does not matter, content does', () => {
    const [entry] = makeLog(1);
    if (!entry) throw new Error('no entry');
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as AuditEntry;
    expect(hashAuditEntry(reordered)).toBe(entry.hash);
    expect(hashAuditEntry({ ...entry, details: { ...(entry.details as object), score: 0.01 } })).not.toBe(entry.hash);
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a draft that is not JSON-clean, so what is chained hashes the same after export', () => {
    expect(() => chainAuditEntry(emptyAuditHead, { at: 'yesterday', actor: { userId: 'x', role: 'officer' }, action: 'decision', details: {} })).toThrow(/at:/);
  });

  it('does not pass an entry with a field added after it was chained (the parse must not drop it unhashed)', () => {
    const log = makeLog(3);
    const [first, second, third] = log;
    if (!first || !second || !third) throw new Error('no entries');
    const added = toAuditJsonLines([first, { ...second, approvedBy: 'chief-1' } as AuditEntry, third]);
    expect(verifyAuditJsonLines(added)).toMatchObject({ ok: false, line: 2, broken: { seq: 2, reason: 'unparsable' } });
    const onBehalf = toAuditJsonLines([first, { ...second, actor: { ...second.actor, onBehalfOf: 'sup-1' } } as AuditEntry, third]);
    expect(verifyAuditJsonLines(onBehalf)).toMatchObject({ ok: false, line: 2, broken: { reason: 'unparsable' } });
  });

  it('names the tampered entry k wherever k is, for each kind of tampering', () => {
    const log = makeLog(30);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.constantFrom('details', 'actor', 'rehash', 'delete', 'swap', 'garbage'), (k, how) => {
        const copy: unknown[] = structuredClone(log);
        const target = copy[k - 1] as AuditEntry;
        let expected: { seq: number | null; reason: string; index: number };
        switch (how) {
          case 'details':
            copy[k - 1] = { ...target, details: { outcome: 'clear' } };
            expected = { index: k - 1, seq: k, reason: 'hash_mismatch' };
            break;
          case 'actor':
            copy[k - 1] = { ...target, actor: { userId: 'someone-else', role: 'supervisor' } };
            expected = { index: k - 1, seq: k, reason: 'hash_mismatch' };
            break;
          case 'rehash': {
            // A forger who recomputes the tampered entry's hash breaks the link to the next one instead.
            const forged = { ...target, details: { outcome: 'clear' } };
            copy[k - 1] = { ...forged, hash: hashAuditEntry(forged) };
            expected = k === 30 ? { index: -1, seq: null, reason: 'none' } : { index: k, seq: k + 1, reason: 'prev_hash_mismatch' };
            break;
          }
          case 'delete':
            copy.splice(k - 1, 1);
            expected = k === 30 ? { index: -1, seq: null, reason: 'none' } : { index: k - 1, seq: k + 1, reason: 'seq_gap' };
            break;
          case 'swap':
            if (k === 30) return;
            copy[k - 1] = copy[k];
            copy[k] = target;
            expected = { index: k - 1, seq: k + 1, reason: 'seq_gap' };
            break;
          case 'garbage':
            copy[k - 1] = { seq: k, text: 'not an entry' };
            expected = { index: k - 1, seq: k, reason: 'unparsable' };
            break;
        }
        const result = verifyAuditChain(copy);
        if (expected.reason === 'none') {
          // Truncating or re-signing the last entry is seen only against a recorded head: the head differs.
          if (!result.ok) throw new Error(`expected an intact chain, got ${result.broken.reason}`);
          expect(result.head.hash).not.toBe(log[29]?.hash);
          return;
        }
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect({ index: result.broken.index, seq: result.broken.seq, reason: result.broken.reason }).toEqual(expected);
          expect(result.count).toBe(expected.index);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('round-trips JSON Lines and reports the broken line number', () => {
    const log = makeLog(12);
    const text = toAuditJsonLines(log);
    expect(text.split('\n')).toHaveLength(13);
    expect(verifyAuditJsonLines(text)).toMatchObject({ ok: true, count: 12 });
    const lines = text.split('\n');
    lines[6] = lines[6]?.replace('"off-1"', '"off-2"') ?? '';
    expect(verifyAuditJsonLines(lines.join('\n'))).toMatchObject({ ok: false, line: 7, broken: { seq: 7, reason: 'hash_mismatch' } });
    lines[6] = '{"seq": 7, truncated';
    expect(verifyAuditJsonLines(lines.join('\n'))).toMatchObject({ ok: false, line: 7, broken: { seq: null, reason: 'unparsable' } });
    lines[6] = '';
    expect(verifyAuditJsonLines(lines.join('\n'))).toMatchObject({ ok: false, line: 7, broken: { reason: 'unparsable' } });
  });
});
