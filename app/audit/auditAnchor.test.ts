import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './auditEntry';
import { anchorLine, parseAnchorArgument, type BoothAuditAnchor } from './auditAnchor';
import { chainAuditEntry, headOf } from './auditChain';
import { toAuditJsonLines, verifyAuditJsonLines } from './auditJsonLines';

function chainFrom(entries: readonly AuditEntry[], count: number, outcome: string): AuditEntry[] {
  const log = [...entries];
  for (let i = 0; i < count; i++) {
    const seq = log.length + 1;
    log.push(chainAuditEntry(headOf(log.at(-1)), { at: `2026-11-01T08:00:${String(seq).padStart(2, '0')}.000Z`, actor: { userId: 'off-1', role: 'officer' }, action: 'decision', subject: { kind: 'decision', id: `d-${seq}` }, details: { outcome } }));
  }
  return log;
}

const log = chainFrom([], 14, 'clear');
const anchorOf = (entry: AuditEntry | undefined): BoothAuditAnchor => {
  if (!entry) throw new Error('no entry');
  return { boothId: 'BOOTH-01', seq: entry.seq, hash: entry.hash, receivedAt: '2026-11-01T09:00:00.000Z' };
};
const exported = (entries: readonly AuditEntry[], anchor?: BoothAuditAnchor) => toAuditJsonLines(entries) + (anchor ? anchorLine(anchor) : '');

describe('audit anchor: a cut tail is seen', () => {
  it('an export ending with its anchor verifies, and says the anchor was reached', () => {
    const result = verifyAuditJsonLines(exported(log, anchorOf(log[10])));
    expect(result).toMatchObject({ ok: true, count: 14, exportedAnchor: { seq: 11, boothId: 'BOOTH-01' }, anchors: [{ result: 'reached', source: 'file', anchor: { seq: 11 } }] });
  });

  it('the export with its last three entries deleted (the anchor line kept) reports them missing after its end', () => {
    const cut = verifyAuditJsonLines(exported(log.slice(0, 11), anchorOf(log[13])));
    expect(cut).toMatchObject({ ok: true, count: 11, anchors: [{ result: 'missing_after_end', source: 'file', lastSeq: 11, missing: 3 }] });
  });

  it('with the anchor line deleted too, the anchor given by the auditor still sees the cut', () => {
    const text = exported(log.slice(0, 11));
    expect(verifyAuditJsonLines(text)).toMatchObject({ ok: true, exportedAnchor: null, anchors: [] });
    const anchor = { seq: 14, hash: log[13]?.hash ?? '' };
    expect(verifyAuditJsonLines(text, { anchor })).toMatchObject({ ok: true, anchors: [{ result: 'missing_after_end', source: 'argument', lastSeq: 11, missing: 3 }] });
  });

  it('a tail rewritten as a new valid chain links, but not to the anchored entry', () => {
    const rewritten = chainFrom(log.slice(0, 9), 5, 'refer');
    expect(verifyAuditJsonLines(exported(rewritten)).ok).toBe(true);
    const result = verifyAuditJsonLines(exported(rewritten, anchorOf(log[11])));
    expect(result).toMatchObject({ ok: true, anchors: [{ result: 'mismatch', anchor: { seq: 12 }, foundHash: rewritten[11]?.hash }] });
  });

  it('checks both anchors when the file has one and the auditor gives another', () => {
    const result = verifyAuditJsonLines(exported(log, anchorOf(log[4])), { anchor: { seq: 20, hash: 'a'.repeat(64) } });
    expect(result.anchors.map((a) => [a.source, a.result])).toEqual([
      ['file', 'reached'],
      ['argument', 'missing_after_end'],
    ]);
  });

  it('editing, reordering or deleting entries inside the log stays a break (anchors are not consulted)', () => {
    const anchor = anchorOf(log[13]);
    const lines = exported(log, anchor).split('\n');
    const edited = [...lines];
    edited[4] = (edited[4] ?? '').replace('"clear"', '"refer"');
    expect(verifyAuditJsonLines(edited.join('\n'))).toMatchObject({ ok: false, line: 5, broken: { reason: 'hash_mismatch' }, anchors: [] });
    const reordered = [...lines];
    [reordered[6], reordered[7]] = [reordered[7] ?? '', reordered[6] ?? ''];
    expect(verifyAuditJsonLines(reordered.join('\n'))).toMatchObject({ ok: false, line: 7, broken: { reason: 'seq_gap' } });
    const deleted = lines.filter((_, index) => index !== 8);
    expect(verifyAuditJsonLines(deleted.join('\n'))).toMatchObject({ ok: false, line: 9, broken: { reason: 'seq_gap' } });
  });

  it('an anchor line anywhere but last is not an entry: the chain breaks there', () => {
    const text = toAuditJsonLines(log.slice(0, 5)) + anchorLine(anchorOf(log[4])) + toAuditJsonLines(log.slice(5));
    expect(verifyAuditJsonLines(text)).toMatchObject({ ok: false, line: 6, broken: { reason: 'unparsable' } });
  });

  it('reads SEQ:HASH from a command line, and names what is wrong otherwise', () => {
    const hash = log[2]?.hash ?? '';
    expect(parseAnchorArgument(`3:${hash.toUpperCase()}`)).toEqual({ seq: 3, hash });
    expect(parseAnchorArgument('3')).toMatchObject({ error: expect.stringMatching(/not SEQ:HASH/) });
    expect(parseAnchorArgument('0:' + hash)).toMatchObject({ error: expect.stringMatching(/seq/) });
    expect(parseAnchorArgument('3:abc')).toMatchObject({ error: expect.stringMatching(/hash: expected 64 lowercase hex/) });
  });
});
