import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../app/audit/auditEntry';
import { chainAuditEntry, headOf } from '../../../app/audit/auditChain';
import { toAuditJsonLines } from '../../../app/audit/auditJsonLines';
import { unreadableAuditEntry } from '../../../app/audit/unreadableAuditEntry';
import { runAuditVerify } from './audit';

const dir = mkdtempSync(join(tmpdir(), 'booth-audit-cli-'));

function writeLog(name: string, count: number, tamperAt?: number, sealed: readonly number[] = []): string {
  const entries: AuditEntry[] = [];
  for (let i = 1; i <= count; i++) {
    entries.push(chainAuditEntry(headOf(entries.at(-1)), { at: `2026-11-01T08:00:${String(i % 60).padStart(2, '0')}.000Z`, actor: { userId: 'off-1', role: 'officer' }, action: 'decision', subject: { kind: 'decision', id: `d-${i}` }, details: { outcome: 'clear' } }));
  }
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

describe('booth audit verify (as a process)', () => {
  it('sets the exit code the way scripts see it', async () => {
    const cli = resolve(import.meta.dirname, '../booth.mjs');
    const run = promisify(execFile);
    const ok = await run(process.execPath, [cli, 'audit', 'verify', writeLog('p-intact.jsonl', 5)]);
    expect(ok.stdout).toMatch(/intact: 5 entries/);
    await expect(run(process.execPath, [cli, 'audit', 'verify', writeLog('p-bad.jsonl', 5, 4), '--json'])).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('"line":4') });
    await expect(run(process.execPath, [cli, 'audit', 'verify', join(dir, 'nope.jsonl')])).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});
