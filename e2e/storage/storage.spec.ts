import { writeFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { verifyAuditJsonLines } from '../../app/audit/auditJsonLines';
import { StandInDecisionService } from '../../app/outbox/StandInDecisionService';
import { runAuditVerify } from '../../main/cli/commands/audit';
import type { StorageHarness } from '../../renderer/storage/harness/storageHarness';
import { sampleDecision } from '../../renderer/storage/testSupport/decisionFixtures';

/**
 * The DecisionStore in real Chromium IndexedDB, through the storage harness page the test build adds: a decision
 * survives a renderer crash and syncs exactly once; databases left by every earlier schema version migrate intact;
 * after a storage key change the audit log still exports and verifies.
 */
type Method = keyof StorageHarness & string;
const call = <T>(page: Page, method: Method, ...args: unknown[]): Promise<T> =>
  page.evaluate(([m, a]) => (globalThis as unknown as { boothStorageHarness: Record<string, (...x: unknown[]) => Promise<unknown>> }).boothStorageHarness[m as string]?.(...(a as unknown[])), [method, args] as const) as Promise<T>;

async function openHarness(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('storage/harness/index.html');
  await page.waitForFunction(() => 'boothStorageHarness' in globalThis);
  return page;
}

/** Kills the page's renderer process (as a crash or power loss would), not a tidy close. */
async function crashRenderer(page: Page): Promise<void> {
  const crashed = page.waitForEvent('crash');
  const cdp = await page.context().newCDPSession(page);
  cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  await page.close();
}

const submissionsSchema = z.array(z.object({ idempotencyKey: z.string(), payload: z.unknown() }));
const recordsUrl = '/__records/decisions';

test.describe('durable storage in Chromium IndexedDB', () => {
  test('a recorded decision survives a renderer crash and is synced exactly once, even when the crash loses the answer', async ({ context }) => {
    const service = new StandInDecisionService<unknown>('up');
    const name = 'e2e-crash';
    const first = await openHarness(context);
    await call(first, 'deleteDatabase', name);
    await call(first, 'record', name, 1);
    await call(first, 'record', name, 2);
    const recorded = await call<{ decisionId: string; auditSeq: number }>(first, 'record', name, 3);
    expect(recorded).toMatchObject({ decisionId: 'decision-3', auditSeq: 3 });
    await crashRenderer(first); // right after the third decision resolved

    const second = await openHarness(context);
    expect(await call(second, 'getDecision', name, 'decision-3')).toMatchObject({ decision: sampleDecision(3), reviewState: 'not_needed' });
    expect(await call(second, 'outboxStates', name)).toEqual({ 'outbox-decision-1': 'pending', 'outbox-decision-2': 'pending', 'outbox-decision-3': 'pending' });
    // The records service stores the batch, then the booth dies before it reads the answer.
    let crashedMidSync: Promise<void> | undefined;
    await second.route(`**${recordsUrl}`, async (route) => {
      await service.submit(submissionsSchema.parse(route.request().postDataJSON()));
      crashedMidSync = crashRenderer(second);
    });
    void call(second, 'sync', name, recordsUrl).catch(() => undefined);
    await expect.poll(() => service.stored.size).toBe(3);
    await crashedMidSync;

    const third = await openHarness(context);
    expect(await call(third, 'outboxStates', name)).toEqual({ 'outbox-decision-1': 'in_flight', 'outbox-decision-2': 'in_flight', 'outbox-decision-3': 'in_flight' });
    await third.route(`**${recordsUrl}`, async (route) => route.fulfill({ json: await service.submit(submissionsSchema.parse(route.request().postDataJSON())) }));
    expect(await call(third, 'sync', name, recordsUrl)).toMatchObject({ sent: 3, duplicates: 3, accepted: 0 });
    expect(await call(third, 'outboxStates', name)).toEqual({ 'outbox-decision-1': 'synced', 'outbox-decision-2': 'synced', 'outbox-decision-3': 'synced' });
    expect([...service.acceptedCount.entries()]).toEqual([
      ['decision:decision-1', 1],
      ['decision:decision-2', 1],
      ['decision:decision-3', 1],
    ]);
    await third.close();
    const fourth = await openHarness(context);
    expect(await call(fourth, 'sync', name, recordsUrl)).toMatchObject({ sent: 0 });
    expect(await call(fourth, 'describe', name)).toMatchObject({ audit: { ok: true, count: 3 } });
  });

  test('a database left by every earlier schema version migrates keeping all its data', async ({ context }) => {
    const page = await openHarness(context);
    const current = await page.evaluate(() => (globalThis as unknown as { boothStorageHarness: StorageHarness }).boothStorageHarness.currentVersion);
    const seeded = await page.evaluate(() => (globalThis as unknown as { boothStorageHarness: StorageHarness }).boothStorageHarness.earlierVersionsWithSeeders);
    // A new schema version must come with a seeder for the one before it.
    expect(seeded).toEqual(Array.from({ length: current - 1 }, (_, i) => i + 1));
    await page.close();

    for (const version of seeded) {
      const name = `e2e-from-v${version}`;
      const old = await openHarness(context);
      await call(old, 'deleteDatabase', name);
      const seed = await call<{ decisionIds: string[]; auditEntries: number; biometricIds: string[] }>(old, 'seedAtVersion', name, version);
      await old.close();

      const upgraded = await openHarness(context);
      const report = await call<{
        version: number;
        decisions: { decisionId: string; identityKey: string }[];
        outbox: { itemId: string; seq: number }[];
        reviews: string[];
        audit: { ok: boolean; count: number };
        retention: { otherTravellersDays: number };
        biometrics: { itemId: string; bytes: number[] }[];
      }>(upgraded, 'describe', name);
      expect(report.version).toBe(current);
      expect(report.decisions.map((d) => d.decisionId).sort()).toEqual([...seed.decisionIds].sort());
      for (const d of report.decisions) {
        const n = Number(d.decisionId.split('-')[1]);
        const subject = sampleDecision(n).subject;
        expect(d.identityKey).toBe(subject.kind === 'occupant' ? subject.identityKey : null);
      }
      expect(report.outbox.map((o) => o.seq)).toEqual(seed.decisionIds.map((_, i) => i));
      expect(report.reviews).toContain('review-decision-5');
      expect(report.audit).toMatchObject({ ok: true, count: seed.auditEntries });
      expect(report.retention).toEqual({ otherTravellersDays: 9 });
      expect(report.biometrics.map((b) => [b.itemId, b.bytes[0]])).toEqual(seed.biometricIds.map((id, i) => [id, i + 1]));
      await upgraded.close();
    }
  });

  test('after a storage key change the audit log exports every entry that opens, marks the others, and verifies', async ({ context }, testInfo) => {
    const name = 'e2e-audit-key-change';
    const page = await openHarness(context);
    await call(page, 'deleteDatabase', name);
    for (const n of [1, 2]) await call(page, 'record', name, n);
    // The key file was replaced: entries 1 and 2 are sealed under the other key. The change is audited (3).
    expect(await call(page, 'reopenWithKey', name, 'other')).toBe('changed');
    await call(page, 'record', name, 3);
    type Exported = { jsonl: string; entries: number; unreadable: { seq: number; cause: string }[] };
    const exported = await call<Exported>(page, 'supervisorExport', name);
    expect(exported).toMatchObject({ entries: 5, unreadable: [{ seq: 1, cause: 'sealed_under_another_storage_key' }, { seq: 2, cause: 'sealed_under_another_storage_key' }] });
    expect(verifyAuditJsonLines(exported.jsonl)).toMatchObject({ ok: true, count: 5, unverified: [{ line: 1, seq: 1 }, { line: 2, seq: 2 }] });
    expect(await call(page, 'verifyAudit', name)).toMatchObject({ ok: true, count: 5, unverified: [{ seq: 1, reason: 'sealed_under_another_storage_key' }, { seq: 2 }] });
    const file = testInfo.outputPath('audit-after-key-change.jsonl');
    await writeFile(file, exported.jsonl);
    const cli = await runAuditVerify(file, { json: true });
    expect(cli.exitCode).toBe(3);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, entries: 5, unverified: [{ line: 1 }, { line: 2 }] });
    // A readable entry altered in the export still fails.
    const lines = exported.jsonl.split('\n');
    lines[3] = lines[3]?.replace('"decision-3"', '"decision-4"') ?? '';
    expect(verifyAuditJsonLines(lines.join('\n'))).toMatchObject({ ok: false, line: 4, broken: { reason: 'hash_mismatch' } });

    // The original key back: 1 and 2 verify, what was written under the other key is marked.
    expect(await call(page, 'reopenWithKey', name, 'test')).toBe('matches');
    const restored = await call<Exported>(page, 'supervisorExport', name);
    expect(restored.unreadable.map((u) => u.seq)).toEqual([3, 4, 5]);
    expect(verifyAuditJsonLines(restored.jsonl)).toMatchObject({ ok: true, count: 6, unverified: [{ line: 3 }, { line: 4 }, { line: 5 }] });
    await page.close();
  });
});
