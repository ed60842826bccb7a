import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { verifyAuditJsonLines } from '../../app/audit/auditJsonLines';
import type { DepartureRecord } from '../../app/inspection/exit/departureRecord';
import { StandInDecisionService } from '../../app/outbox/StandInDecisionService';
import { SyncEngine } from '../../app/outbox/SyncEngine';
import { sequentialIds } from '../../app/ports/Ids';
import { BoothDatabase } from './BoothDatabase';
import { DecisionStore } from './DecisionStore';
import { shippedPolicies } from '../../app/policy/testSupport/shippedPolicies';
import { rawStorageKeyProvider } from './storageKeys';
import { sampleDecision, testStorageKey } from './testSupport/decisionFixtures';
import { faceIdentifiedDeparture } from '../../app/inspection/exit/testSupport/faceIdentifiedDeparture';

const officer = { userId: 'officer-1', role: 'officer' } as const;
let dbCounter = 0;

function manualClock(iso = '2026-12-07T18:00:00.000Z') {
  let t = Date.parse(iso);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

async function openStore(clock = manualClock()) {
  const db = new BoothDatabase(`departures-${++dbCounter}`, { indexedDB, IDBKeyRange });
  return { store: await DecisionStore.open({ db, keys: rawStorageKeyProvider(async () => testStorageKey()), clock, ids: sequentialIds() }), db, clock };
}

const departure = (n: number, travellerId: string): DepartureRecord => faceIdentifiedDeparture(n, travellerId, { overstayDays: n === 1 ? 100 : 0 });

describe('DepartureRecorder: an exit confirmation, durable before the view says so', () => {
  it('records departures on the shared outbox with their audit entry, keeps only the citizen photo, seals the traveller', async () => {
    const { store, db } = await openStore();
    await store.recordDecision(sampleDecision(1), officer);
    const recorded = await store.recordExit(
      { sessionId: 'session-1', departures: [departure(1, 'EX-0002'), departure(2, 'EX-0001')], citizens: [{ travellerId: 'EX-0003', photo: { kind: 'face_image', usCitizen: true, bytes: new Uint8Array([1, 2, 3]) } }], optOuts: [], offline: false },
      officer,
    );
    expect(recorded).toMatchObject({ outboxItemIds: ['outbox-departure-1', 'outbox-departure-2'], reviewIds: [], auditSeq: 2, retained: 1 });
    expect(await store.outbox.listUnsynced()).toMatchObject([{ idempotencyKey: 'decision:decision-1', seq: 0 }, { idempotencyKey: 'departure:departure-1', seq: 1 }, { idempotencyKey: 'departure:departure-2', seq: 2 }]);
    const raw = JSON.stringify([await db.outbox.toArray(), await db.audit.toArray(), await db.retainedBiometrics.toArray()]);
    expect(raw).not.toContain('EX-0002');
    expect(raw).not.toContain('EX-0003');
    expect(await db.retainedBiometrics.toArray()).toMatchObject([{ usCitizen: true, kind: 'face_image' }]);
    const audit = (await store.exportAudit(officer)).jsonl;
    expect(audit).toContain('"action":"departure"');
    expect(audit).toContain('"departureIds":["departure-1","departure-2"]');
    expect(verifyAuditJsonLines(audit).ok).toBe(true);
    // Recording the same departure twice adds nothing.
    await expect(store.recordExit({ sessionId: 'session-1', departures: [departure(2, 'EX-0001')], citizens: [], optOuts: [], offline: false }, officer)).rejects.toMatchObject({ code: 'duplicate_decision' });
    expect(await db.outbox.count()).toBe(3);
  });

  it("an offline confirmation is reviewed; departures sync exactly once; the citizen's photo is purged at 12 hours, the others' departures stay", async () => {
    const { store, db, clock } = await openStore();
    await store.recordExit(
      { sessionId: 'session-2', departures: [departure(1, 'EX-0002')], citizens: [{ travellerId: 'EX-0003', photo: { kind: 'face_image', usCitizen: true, bytes: new Uint8Array([9]) } }], optOuts: [{ occupantId: 'occ-4', travellerId: null, declaredAt: '2026-12-07T17:59:00.000Z' }], offline: true },
      officer,
    );
    expect((await store.listReviewQueue({ kind: 'offline_decision' })).items).toMatchObject([{ reviewId: 'review-outbox-departure-1', outboxItemId: 'outbox-departure-1' }]);
    const service = new StandInDecisionService<unknown>('up');
    service.queueModes('timeout_after_commit');
    const engine = new SyncEngine({ store: store.outbox, port: service, clock, ids: sequentialIds(), random: () => 0.5, policy: { batchSize: 5, baseDelayMs: 1000, maxDelayMs: 2000, maxRejections: 2 } });
    for (let i = 0; i < 5; i++) {
      await engine.drain();
      clock.advance(2000);
    }
    expect([...service.stored.keys()]).toEqual(['departure:departure-1']);
    expect([...service.acceptedCount.values()]).toEqual([1]);
    expect(service.stored.get('departure:departure-1')).toMatchObject({ departure: { travellerId: 'EX-0002', overstayDays: 100 }, offline: true });
    expect(await db.retainedBiometrics.count()).toBe(1);
    clock.advance(12 * 3600_000);
    expect(await store.purgeDue(shippedPolicies)).toMatchObject({ purged: 1, byReason: { us_citizen_12h: 1 } });
    expect(await db.retainedBiometrics.count()).toBe(0);
    expect(await db.outbox.where('state').equals('synced').count()).toBe(1);
  });
});

describe('DepartureRecorder: an opt-out and the officer resolving look-alikes', () => {
  it("a supervisor opening an offline departure's review item sees the departure itself (the officer's choice and evidence), and the view is audited", async () => {
    const { store } = await openStore();
    const chosen = faceIdentifiedDeparture(7, 'EX-0005', {
      evidence: { ...faceIdentifiedDeparture(7, 'EX-0005').evidence, officerChoice: { among: [{ candidateId: 'EX-0005', score: 0.61 }, { candidateId: 'EX-0006', score: 0.6 }], chosenAt: '2026-12-07T17:59:30.000Z' } } as DepartureRecord['evidence'],
    });
    const { reviewIds } = await store.recordExit({ sessionId: 'session-7', departures: [chosen], citizens: [], optOuts: [], offline: true }, officer);
    const supervisor = { userId: 'sup-1', role: 'supervisor' } as const;
    const detail = await store.getReviewDetail(reviewIds[0] ?? '', supervisor);
    expect(detail.decision).toBeNull();
    expect(detail.departure).toEqual({ departure: chosen, offline: true, recordedAt: '2026-12-07T18:00:00.000Z' });
    expect((await store.exportAudit(supervisor)).jsonl).toContain('"departureId":"departure-7"');
    // A decision's review item carries no departure.
    await store.recordDecision(sampleDecision(8), officer, { offline: true });
    const decisionItem = (await store.listReviewQueue({ kind: 'offline_decision' })).items.find((i) => i.decisionId !== null);
    expect((await store.getReviewDetail(decisionItem?.reviewId ?? '', supervisor)).departure).toBeNull();
  });

  it('audits the opt-out and each resolution (how many candidates, never who), keeps no photo; an opt-out departure says so', async () => {
    const { store, db } = await openStore();
    const optOut: DepartureRecord = { ...departure(7, 'EX-0003'), evidence: { method: 'opt_out', declaredAt: '2026-12-07T17:59:00.000Z' }, overstayDays: null };
    await store.recordExit(
      {
        sessionId: 'session-7',
        departures: [optOut],
        citizens: [],
        optOuts: [{ occupantId: 'occ-1', travellerId: 'EX-0003', declaredAt: '2026-12-07T17:59:00.000Z' }],
        resolutions: [{ occupantId: 'occ-2', choice: 'none_of_them', candidates: 2 }],
        offline: false,
      },
      officer,
    );
    expect(await db.retainedBiometrics.count()).toBe(0);
    const audit = (await store.exportAudit(officer)).jsonl;
    expect(audit).toContain('"optOuts":[{"occupantId":"occ-1","declaredAt":"2026-12-07T17:59:00.000Z"}]');
    expect(audit).toContain('"resolutions":[{"occupantId":"occ-2","choice":"none_of_them","candidates":2}]');
    expect(audit).not.toContain('EX-0003');
    expect(verifyAuditJsonLines(audit).ok).toBe(true);
    expect(await store.outbox.listUnsynced()).toMatchObject([{ idempotencyKey: 'departure:departure-7' }]);
  });
});

describe('DepartureRecorder: an exit confirmed during a training run', () => {
  it('is audited as training only: no outbox item (never synced), no review, no photo kept', async () => {
    const { store, db } = await openStore();
    const mark = { runId: 'run-3', scenario: 'exit-practice' };
    const recorded = await store.recordExit(
      { sessionId: 'session-t', departures: [departure(9, 'EX-0002')], citizens: [{ travellerId: 'EX-0003', photo: { kind: 'face_image', usCitizen: true, bytes: new Uint8Array([7]) } }], optOuts: [], offline: true },
      officer,
      mark,
    );
    expect(recorded).toMatchObject({ outboxItemIds: [], reviewIds: [], retained: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.reviews.count()).toBe(0);
    expect(await db.retainedBiometrics.count()).toBe(0);
    const audit = (await store.exportAudit(officer)).jsonl;
    expect(audit).toContain('"action":"training_decision"');
    expect(audit).toContain('"runId":"run-3"');
    expect(audit).not.toContain('"action":"departure"');
    expect(verifyAuditJsonLines(audit).ok).toBe(true);
  });
});

describe('ExitGalleryStore: the lane gallery sealed at rest, purged by age', () => {
  it('keeps the gallery sealed (no name or photo in clear), reads it back, and deletes it once older than allowed', async () => {
    const { store, db, clock } = await openStore();
    const gallery = {
      port: 'Blaine, WA',
      lane: 'vehicle' as const,
      generatedAt: '2026-12-07T17:00:00.000Z',
      entries: [{ travellerId: 'EX-0002', surname: 'BRANDT', givenNames: 'KLAUS', birthDate: '1961-01-12', citizenship: 'D', usCitizen: false, classOfAdmission: 'WT', admitUntil: '2026-08-29', entryPhotos: [{ photoId: 'p1', source: 'previous_crossing' as const, image: { mediaType: 'image/jpeg' as const, base64: 'QUJDRA==' } }], documentPhotos: [], documents: [], alerts: [] }],
    };
    expect(await store.exitGallery.kept()).toBeNull();
    await store.exitGallery.keep(gallery);
    const raw = JSON.stringify(await db.settings.toArray());
    expect(raw).not.toContain('BRANDT');
    expect(raw).not.toContain('QUJDRA');
    expect(await store.exitGallery.kept()).toEqual({ gallery, keptAt: '2026-12-07T18:00:00.000Z' });
    clock.advance(11 * 3600_000);
    expect(await store.exitGallery.purgeOlderThan(12)).toBe(false);
    clock.advance(3600_000);
    expect(await store.exitGallery.purgeOlderThan(12)).toBe(true);
    expect(await store.exitGallery.kept()).toBeNull();
  });

  it("keeps the worker's templates sealed, gives them back exactly for their gallery only, and purges them with it", async () => {
    const { store, db, clock } = await openStore();
    const embedding = (seed: number) => Float32Array.from({ length: 512 }, (_, i) => Math.sin(seed * 1000 + i));
    const templates = { galleryId: 'exit:2026-12-07T17:00:00.000Z:fr@1', identities: [{ identityId: 'EX-0002', embeddings: [embedding(1), embedding(2)], qualities: [0.9, 0.7] }, { identityId: 'EX-0001', embeddings: [embedding(3)], qualities: [1] }] };
    await store.exitGallery.keep({ port: 'Blaine, WA', lane: 'vehicle', generatedAt: '2026-12-07T17:00:00.000Z', entries: [] });
    await store.exitGallery.keepTemplates(templates);
    const raw = await db.settings.toArray();
    const rawText = JSON.stringify(raw);
    expect(rawText).not.toContain('EX-0002');
    const clearBytes = new Uint8Array(embedding(1).buffer).slice(0, 64);
    expect(raw.some((row) => JSON.stringify(row.value).includes(Buffer.from(clearBytes).toString('base64').slice(0, 40)))).toBe(false);
    const back = await store.exitGallery.keptTemplates(templates.galleryId);
    expect(back?.identities.map((i) => [i.identityId, i.embeddings.length, i.qualities])).toEqual([
      ['EX-0002', 2, [0.9, 0.7]],
      ['EX-0001', 1, [1]],
    ]);
    expect(back?.identities[0]?.embeddings[1]).toEqual(embedding(2));
    expect(back?.identities[1]?.embeddings[0]).toEqual(embedding(3));
    // Another gallery (a refresh, another model) never gets these templates.
    expect(await store.exitGallery.keptTemplates('exit:2026-12-07T18:00:00.000Z:fr@1')).toBeNull();
    clock.advance(12 * 3600_000);
    expect(await store.exitGallery.purgeOlderThan(12)).toBe(true);
    expect(await store.exitGallery.keptTemplates(templates.galleryId)).toBeNull();
    expect(await db.settings.count()).toBe(raw.length - 2);
  });
});
