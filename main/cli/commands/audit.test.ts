import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../app/audit/auditEntry';
import { chainAuditEntry, headOf } from '../../../app/audit/auditChain';
import { toAuditJsonLines } from '../../../app/audit/auditJsonLines';
import { anchorLine } from '../../../app/audit/auditAnchor';
import { unreadableAuditEntry } from '../../../app/audit/unreadableAuditEntry';
import { runAuditVerify } from './audit';

const dir = mkdtempSync(join(tmpdir(), 'booth-audit-cli-'));

function makeEntries(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 1; i <= count; i++) {
    entries.push(chainAuditEntry(headOf(entries.at(-1)), { at: `2026-11-01T08:00:${String(i % 60).padStart(2, '0')}.000Z`, actor: { userId: 'off-1', role: 'officer' }, action: 'decision', subject: { kind: 'decision', id: `d-${i}` }, details: { outcome: 'clear' } }));
  }
  return entries;
}

function writeLog(name: string, count: number, tamperAt?: number, sealed: readonly number[] = []): string {
  const entries = makeEntries(count);
  const lines = toAuditJsonLines(entries.map((e) => (sealed.includes(e.seq) ? unreadableAuditEntry(e, 'sealed_under_another_storage_key') : e))).split('\n');
  if (tamperAt) lines[tamperAt - 1] = (lines[tamperAt - 1] ?? '').replace('"clear"', '"refer"');
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('booth audit verify (in-process)', () => {
  it('exits 0 with the entry count for an intact log', async () => {
    const outcome = await runAuditVerify(writeLog('intact.jsonl', 25), { json: true });
    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ ok: true, entries: 25, headSeq: 25 });
  });

  it('exits 1 naming the line, seq and reason of the first broken entry', async () => {
    const outcome = await runAuditVerify(writeLog('tampered.jsonl', 25, 11), { json: true });
    expect(outcome.exitCode).toBe(1);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ ok: false, intactEntries: 10, broken: { line: 11, seq: 11, reason: 'hash_mismatch' } });
    const text = await runAuditVerify(writeLog('tampered2.jsonl', 25, 3));
    expect(text.stdout).toMatch(/^broken at line 3, seq 3: hash_mismatch/);
  });

  it('exits 3 naming each entry it could not verify (sealed under another storage key) when nothing is broken', async () => {
    const outcome = await runAuditVerify(writeLog('partial.jsonl', 10, undefined, [2, 3]), { json: true });
    expect(outcome.exitCode).toBe(3);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ ok: true, entries: 10, unverified: [{ line: 2, seq: 2, reason: 'sealed_under_another_storage_key' }, { line: 3, seq: 3 }] });
    const text = await runAuditVerify(writeLog('partial2.jsonl', 10, undefined, [4]));
    expect(text.stdout).toMatch(/^no break, but 1 of 10 entries could not be verified.*\n {2}line 4, seq 4: sealed_under_another_storage_key: entry 4 was sealed under another storage key/);
    // A readable entry altered after a marker is still broken (exit 1), with the unverified ones before it named.
    const tampered = await runAuditVerify(writeLog('partial-tampered.jsonl', 10, 6, [2]), { json: true });
    expect(tampered.exitCode).toBe(1);
    expect(JSON.parse(tampered.stdout)).toMatchObject({ ok: false, broken: { line: 6, reason: 'hash_mismatch' }, unverified: [{ line: 2 }] });
  });

  it('exits 2 on a file it cannot read', async () => {
    const outcome = await runAuditVerify(join(dir, 'missing.jsonl'));
    expect(outcome).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/cannot read .*missing\.jsonl \(ENOENT\)/) });
  });
});

describe('booth audit verify: entries missing after the end', () => {
  const entries = makeEntries(14);
  const last = entries[13];
  if (!last) throw new Error('no entries');
  const anchor = { boothId: 'BOOTH-01', seq: last.seq, hash: last.hash, receivedAt: '2026-11-01T09:00:00.000Z' };
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('an export whose anchor is reached is intact (exit 0) and says it is anchored', async () => {
    const outcome = await runAuditVerify(write('anchored.jsonl', toAuditJsonLines(entries) + anchorLine(anchor)), { json: true });
    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ ok: true, entries: 14, anchored: true, anchors: [{ source: 'file', result: 'reached', seq: 14 }] });
    const text = await runAuditVerify(write('unanchored.jsonl', toAuditJsonLines(entries)));
    expect(text.stdout).toMatch(/^intact: 14 entries, .*no anchor .*could not be detected/);
  });

  it('exits 4 when the last three entries were deleted: by the export\'s anchor line, or by --anchor once that line is gone too', async () => {
    const cut = await runAuditVerify(write('cut.jsonl', toAuditJsonLines(entries.slice(0, 11)) + anchorLine(anchor)));
    expect(cut.exitCode).toBe(4);
    expect(cut.stdout).toMatch(/^cut: 3 or more entries missing after the export's end: the log ends at seq 11/);
    const bare = write('cut-bare.jsonl', toAuditJsonLines(entries.slice(0, 11)));
    expect((await runAuditVerify(bare)).exitCode).toBe(0);
    const given = await runAuditVerify(bare, { anchor: `${last.seq}:${last.hash}`, json: true });
    expect(given.exitCode).toBe(4);
    expect(JSON.parse(given.stdout)).toMatchObject({ ok: false, anchored: false, anchors: [{ source: 'argument', result: 'missing_after_end' }] });
  });

  it('exits 1 when another entry stands at the anchored seq, and 2 on an anchor it cannot read', async () => {
    const replaced = await runAuditVerify(write('replaced.jsonl', toAuditJsonLines(entries)), { anchor: `14:${'b'.repeat(64)}` });
    expect(replaced.exitCode).toBe(1);
    expect(replaced.stdout).toMatch(/^broken: entry 14 is not the one anchored/);
    const bad = await runAuditVerify(write('any.jsonl', toAuditJsonLines(entries)), { anchor: 'latest' });
    expect(bad).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/not SEQ:HASH/) });
  });
});

describe('booth audit verify (as a process)', () => {
  it('sets the exit code the way scripts see it', async () => {
    const cli = resolve(import.meta.dirname, '../booth.mjs');
    const run = promisify(execFile);
    const ok = await run(process.execPath, [cli, 'audit', 'verify', writeLog('p-intact.jsonl', 5)]);
    expect(ok.stdout).toMatch(/intact: 5 entries/);
    await expect(run(process.execPath, [cli, 'audit', 'verify', writeLog('p-bad.jsonl', 5, 4), '--json'])).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('"line":4') });
    await expect(run(process.execPath, [cli, 'audit', 'verify', join(dir, 'nope.jsonl')])).rejects.toMatchObject({ code: 2 });
    const [, , , last] = makeEntries(4);
    await expect(run(process.execPath, [cli, 'audit', 'verify', writeLog('p-cut.jsonl', 3), '--anchor', `4:${last?.hash}`])).rejects.toMatchObject({ code: 4, stdout: expect.stringContaining('1 or more entries missing') });
  }, 60_000);
});
