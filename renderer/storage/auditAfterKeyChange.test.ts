import { describe, expect, it } from 'vitest';
import { verifyAuditJsonLines } from '../../app/audit/auditJsonLines';
import type { BoothDatabase } from './BoothDatabase';
import { otherTestStorageKey as keyB, sampleDecision, testStorageKey as keyA } from './testSupport/decisionFixtures';
import { officer, openWithKey as openWith, supervisor } from './testSupport/keyChangeStores';

/** Every stored row, sealed bytes as hex, to show that exporting and verifying change nothing but append the export's entry. */
async function snapshot(db: BoothDatabase): Promise<Record<string, string>> {
  const hex = (_key: string, value: unknown) => (value instanceof ArrayBuffer || value instanceof Uint8Array ? Buffer.from(value as ArrayBuffer).toString('hex') : value);
  const tables = ['decisions', 'outbox', 'reviews', 'audit', 'retainedBiometrics', 'settings'] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, JSON.stringify(await db.table(t).toArray(), hex)] as const)));
}

const linesOf = (jsonl: string) => jsonl.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the audit log after a storage key change', () => {
  it('exports every readable entry and a marker for each sealed under the other key, verifies what it can, still catches tampering, and changes nothing stored', async () => {
    const name = 'audit-key-change';
    // Key A: two decisions, audit entries 1 and 2.
    const first = await openWith(name, keyA);
    for (const n of [1, 2]) await first.store.recordDecision(sampleDecision(n), officer);
    first.store.close();

    // Key B (the key file was replaced): the change is audited (3), a decision is recorded (4), the supervisor exports (5).
    const second = await openWith(name, keyB);
    expect(second.store.keyStatus.state).toBe('changed');
    await second.store.recordDecision(sampleDecision(3), officer);
    const before = await snapshot(second.db);
    const exported = await second.store.exportAudit(supervisor);
    expect(exported).toMatchObject({ entries: 5, unreadable: [{ seq: 1, cause: 'sealed_under_another_storage_key' }, { seq: 2, cause: 'sealed_under_another_storage_key' }] });
    const lines = linesOf(exported.jsonl);
    expect(lines.map((l) => [l.seq, l.marker ?? l.action])).toEqual([[1, 'unreadable_entry'], [2, 'unreadable_entry'], [3, 'storage_key_changed'], [4, 'decision'], [5, 'export']]);
    expect(lines[0]).toMatchObject({ action: 'decision', actor: officer, cause: 'sealed_under_another_storage_key', message: expect.stringContaining('entry 1 was sealed under another storage key') });
    expect(lines[0]).not.toHaveProperty('details');
    expect(lines[3]).toMatchObject({ subject: { kind: 'decision', id: 'decision-3' }, details: { outcome: 'clear' } });
    const verified = verifyAuditJsonLines(exported.jsonl);
    expect(verified).toMatchObject({ ok: true, count: 5, unverified: [{ line: 1, seq: 1, reason: 'sealed_under_another_storage_key' }, { line: 2, seq: 2 }] });
    const stored = await second.store.verifyAudit();
    expect(stored).toMatchObject({ ok: true, count: 5 });
    expect(stored.unverified.map((u) => [u.seq, u.reason])).toEqual([[1, 'sealed_under_another_storage_key'], [2, 'sealed_under_another_storage_key']]);
    // Nothing stored changed: the only difference is the export's own entry.
    const after = await snapshot(second.db);
    expect({ ...after, audit: undefined }).toEqual({ ...before, audit: undefined });
    expect(JSON.parse(after.audit ?? '[]').slice(0, 4)).toEqual(JSON.parse(before.audit ?? '[]'));

    // Tampering with the export is still caught: a readable entry altered, a marker's hash altered.
    const altered = exported.jsonl.split('\n');
    altered[3] = altered[3]?.replace('"decision-3"', '"decision-9"') ?? '';
    expect(verifyAuditJsonLines(altered.join('\n'))).toMatchObject({ ok: false, line: 4, broken: { seq: 4, reason: 'hash_mismatch' }, unverified: [{ seq: 1 }, { seq: 2 }] });
    const rehashed = exported.jsonl.split('\n');
    rehashed[1] = rehashed[1]?.replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${'a'.repeat(64)}"`) ?? '';
    expect(verifyAuditJsonLines(rehashed.join('\n'))).toMatchObject({ ok: false, line: 3, broken: { seq: 3, reason: 'prev_hash_mismatch' } });
    second.store.close();

    // Key A back: entries 1 and 2 open and verify; what was written under B (3 to 5) is now the part marked.
    const restored = await openWith(name, keyA);
    expect(restored.store.keyStatus).toEqual({ state: 'matches' });
    const again = await restored.store.exportAudit(supervisor);
    expect(again.unreadable.map((u) => u.seq)).toEqual([3, 4, 5]);
    const againLines = linesOf(again.jsonl);
    expect(againLines[0]).toMatchObject({ seq: 1, action: 'decision', subject: { id: 'decision-1' }, hash: lines[0]?.hash });
    expect(verifyAuditJsonLines(again.jsonl)).toMatchObject({ ok: true, count: 6, unverified: [{ line: 3 }, { line: 4 }, { line: 5 }] });

    // An entry altered at rest (its actor, which is stored in clear) fails verification, in the store and in an export.
    await restored.db.audit.update(2, { actorUserId: 'officer-9' });
    expect(await restored.store.verifyAudit()).toMatchObject({ ok: false, broken: { seq: 2, reason: 'hash_mismatch' } });
    expect(verifyAuditJsonLines((await restored.store.exportAudit(supervisor)).jsonl)).toMatchObject({ ok: false, line: 2, broken: { seq: 2, reason: 'hash_mismatch' } });
    restored.store.close();
  });

  it('exports a row that opens to no valid entry as found, for verification to name, instead of failing', async () => {
    const { db, store } = await openWith('audit-bad-row', keyA);
    await store.recordDecision(sampleDecision(1), officer);
    await db.audit.update(1, { actorRole: 'root' as never });
    const exported = await store.exportAudit(supervisor);
    expect(exported.entries).toBe(2);
    expect(verifyAuditJsonLines(exported.jsonl)).toMatchObject({ ok: false, line: 1, broken: { seq: 1, reason: 'unparsable', message: expect.stringContaining('role') } });
    store.close();
  });
});
