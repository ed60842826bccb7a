import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { verifyAuditJsonLines } from '../../app/audit/auditJsonLines';
import { sequentialIds } from '../../app/ports/Ids';
import { BoothDatabase } from './BoothDatabase';
import { DecisionStore } from './DecisionStore';
import { rawStorageKeyProvider } from './storageKeys';
import { sampleDecision, testStorageKey } from './testSupport/decisionFixtures';

const officer = { userId: 'officer-1', role: 'officer' } as const;
const supervisor = { userId: 'sup-1', role: 'supervisor' } as const;
const clock = { now: () => new Date('2026-11-01T09:00:00.000Z') };

async function openStore(name: string) {
  const db = new BoothDatabase(name, { indexedDB, IDBKeyRange });
  return { db, store: await DecisionStore.open({ db, keys: rawStorageKeyProvider(async () => testStorageKey()), clock, ids: sequentialIds() }) };
}

describe('audit anchors in the decision store', () => {
  it("each decision's outbox payload carries the audit head it was made after", async () => {
    const { store } = await openStore('anchor-payload');
    await store.audit('sign_in', officer);
    await store.recordDecision(sampleDecision(1), officer);
    await store.audit('view_traveller', officer);
    await store.recordDecision(sampleDecision(2), officer);
    const entries = (await store.exportAudit(supervisor)).jsonl.trimEnd().split('\n').map((line) => JSON.parse(line) as { seq: number; hash: string; action: string });
    const decisionSeqs = entries.filter((e) => e.action === 'decision').map((e) => e.seq);
    expect(decisionSeqs).toEqual([2, 4]);
    const items = await store.outbox.listUnsynced();
    const { submissions } = await store.outbox.loadSubmissions(items.map((i) => i.itemId));
    expect(submissions.map((s) => s.payload.auditHead)).toEqual(decisionSeqs.map((seq) => ({ seq: seq - 1, hash: entries[seq - 2]?.hash })));
    store.close();
  });

  it("the supervisor's export ends with the anchor given and records its seq; cut before it, it shows", async () => {
    const { store } = await openStore('anchor-export');
    await store.audit('sign_in', officer);
    for (let n = 1; n <= 4; n++) await store.recordDecision(sampleDecision(n), officer);
    const [last] = (await store.outbox.loadSubmissions((await store.outbox.listUnsynced()).map((i) => i.itemId))).submissions.slice(-1);
    const head = last?.payload.auditHead;
    if (!head) throw new Error('no head');
    const anchor = { boothId: 'BOOTH-01', seq: head.seq, hash: head.hash, receivedAt: '2026-11-01T09:05:00.000Z' };
    const exported = await store.exportAudit(supervisor, anchor);
    expect(exported).toMatchObject({ entries: 6, anchor });
    const lines = exported.jsonl.trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1) ?? '')).toEqual({ anchor });
    expect(JSON.parse(lines.at(-2) ?? '')).toMatchObject({ action: 'export', details: { format: 'jsonl', anchorSeq: head.seq } });
    expect(verifyAuditJsonLines(exported.jsonl)).toMatchObject({ ok: true, count: 6, anchors: [{ result: 'reached', source: 'file' }] });
    const cut = [...lines.slice(0, -4), lines.at(-1)].join('\n');
    expect(verifyAuditJsonLines(cut)).toMatchObject({ ok: true, count: 3, anchors: [{ result: 'missing_after_end', missing: head.seq - 3 }] });
    // Without an anchor the export is as before, and says so.
    const bare = await store.exportAudit(supervisor);
    expect(bare.anchor).toBeNull();
    expect(verifyAuditJsonLines(bare.jsonl)).toMatchObject({ ok: true, exportedAnchor: null, anchors: [] });
    store.close();
  });
});
