import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../app/audit/auditEntry';
import type { HostClient } from '../host/HostClient';
import { createBoothStore } from '../state/createBoothStore';
import { testStorageKey } from '../storage/testSupport/decisionFixtures';
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
