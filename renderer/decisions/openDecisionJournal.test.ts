import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../app/audit/auditEntry';
import type { HostClient } from '../host/HostClient';
import { createBoothStore } from '../state/createBoothStore';
import { BoothDatabase } from '../storage/BoothDatabase';
import { sampleDecision, testStorageKey } from '../storage/testSupport/decisionFixtures';
import { openDecisionJournal } from './openDecisionJournal';
import { shippedPolicies } from '../../app/policy/testSupport/shippedPolicies';

/** The host's one channel the journal uses: the storage key (as the main process hands it over). */
const host: Pick<HostClient, 'call'> = {
  call: (async (channel: string) =>
    channel === 'storage:getKey'
      ? { ok: true, value: { key: Buffer.from(testStorageKey()).toString('base64') } }
      : { ok: false, error: { code: 'unknown_channel', message: channel } }) as HostClient['call'],
};

describe('openDecisionJournal: who an audited step is attributed to', () => {
  it('names the officer who signed out, although the sign-out takes effect before the store has written the entry', async () => {
    const store = createBoothStore();
    store.getState().infoLoaded({ boothId: 'B1', laneType: 'vehicle', deviceMode: 'sim', faceMatchTargetFmr: 1e-4, version: 't', screenLockMinutes: 5, retentionDays: 30, settingsProblems: [], direction: 'entry', policies: shippedPolicies });
    store.getState().signedIn({ userId: 'officer.ann', name: 'Ann', role: 'officer' });
    const journal = openDecisionJournal(host, store);

    // As useSessionGuard does on Alt+O: audit, then sign out at once (the store opens asynchronously).
    const audited = journal.audit('sign_out');
    store.getState().signedOut();
    await audited;

    const decisionStore = await journal.store();
    const { jsonl } = await decisionStore.exportAudit({ userId: 'sup', role: 'supervisor' });
    const entries = jsonl
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEntry);
    expect(entries.find((e) => e.action === 'sign_out')?.actor).toEqual({ userId: 'officer.ann', role: 'officer' });
    decisionStore.close();
  });
});

describe('openDecisionJournal: a decision made in a training run', () => {
  it('is kept as training (no outbox, review or photo), never told to sync, and reported to the run with the evidence it was decided on', async () => {
    const calls: { channel: string; payload: unknown }[] = [];
    const trainingHost: Pick<HostClient, 'call'> = {
      call: (async (channel: string, payload: unknown) => {
        calls.push({ channel, payload });
        return channel === 'training:decided' ? { ok: true, value: {} } : host.call(channel as 'storage:getKey', payload as Record<string, never>);
      }) as HostClient['call'],
    };
    const store = createBoothStore();
    store.getState().signedIn({ userId: 'kim', name: 'Kim', role: 'officer' });
    const journal = openDecisionJournal(trainingHost, store);
    const told: string[] = [];
    journal.onRecorded(({ decisionId }) => told.push(decisionId));
    const falseMatchRate = { fmr: 1e-4, bound: false, text: 'FMR ≈ 1 in 10 000' };
    const decision = sampleDecision(41, {
      evidence: [...sampleDecision(41).evidence, { kind: 'face_match', trackId: 't1', identityKey: 'doc:UTO:L00000041', score: 0.61, threshold: 0.42, decision: 'match', falseMatchRate }],
    });
    const mark = { runId: 'run-9', scenario: 'look-alike-impostor' };

    await journal.recordDecision(decision, {
      mandatoryReferral: false,
      usCitizen: false,
      bestShot: { mediaType: 'image/jpeg', base64: 'AAAA' },
      training: { mark, subject: { documentNumber: 'L00000041', occupantIndex: 0 }, chipVerdict: 'verified' },
    });

    const decisionStore = await journal.store();
    expect(await decisionStore.getDecision(decision.decisionId)).toMatchObject({ decision, reviewState: 'not_needed' });
    expect(await decisionStore.outbox.listUnsynced()).toEqual([]);
    expect((await decisionStore.listReviewQueue()).total).toBe(0);
    expect(told).toEqual([]);
    const db = new BoothDatabase();
    expect(await db.retainedBiometrics.count()).toBe(0);
    expect((await db.decisions.get(decision.decisionId))?.training).toEqual(mark);
    db.close();
    await vi.waitFor(() => expect(calls.map((c) => c.channel)).toContain('training:decided'));
    expect(calls.find((c) => c.channel === 'training:decided')?.payload).toEqual({
      runId: 'run-9',
      decisionId: decision.decisionId,
      subject: { documentNumber: 'L00000041', occupantIndex: 0 },
      outcome: 'clear',
      reasons: ['face_matched'],
      decidedAt: decision.decidedAt,
      evidence: { faceMatch: { decision: 'match', score: 0.61, threshold: 0.42, falseMatchRate: 'FMR ≈ 1 in 10 000' }, chipVerdict: 'verified', alerts: ['face_matched'], recommended: 'clear' },
    });
    decisionStore.close();
  });
});
