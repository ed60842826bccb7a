import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../app/outbox/SyncEngine';
import { syncIndicatorText } from './syncIndicatorText';

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({ connection: 'online', queued: 0, deadLettered: 0, failing: false, lastError: null, nextAttemptAt: null, ...over });
const base = { storageProblem: null, storageWarning: null, hostConnection: 'online' } as const;

describe('syncIndicatorText', () => {
  it('is up to date only while the host is reachable and nothing waits', () => {
    expect(syncIndicatorText({ ...base, sync: status() })).toEqual({ tone: 'ok', text: 'Sync: up to date' });
    expect(syncIndicatorText({ ...base, sync: status({ queued: 2, connection: 'offline' }) })).toEqual({ tone: 'queued', text: 'Sync: 2 queued (records service offline)' });
  });

  it('never says up to date while the host is unreachable or refuses this window', () => {
    for (const hostConnection of ['offline', 'stale_token', 'no_token'] as const) {
      expect(syncIndicatorText({ ...base, hostConnection, sync: status() })).toEqual({ tone: 'queued', text: 'Sync paused: booth host not reachable' });
    }
    expect(syncIndicatorText({ ...base, hostConnection: 'stale_token', sync: status({ queued: 3, deadLettered: 1, failing: true }) })).toEqual({
      tone: 'failing',
      text: 'Sync paused: booth host not reachable · 3 queued · 1 need a supervisor',
    });
  });

  it('puts storage problems first: a decision may not be stored', () => {
    expect(syncIndicatorText({ ...base, hostConnection: 'offline', storageProblem: 'quota exceeded', sync: status() })).toEqual({ tone: 'failing', text: 'Decisions NOT stored: quota exceeded' });
    expect(syncIndicatorText({ ...base, storageWarning: '4 records sealed under another key', sync: status({ queued: 1 }) }).text).toBe('Storage: 4 records sealed under another key · 1 queued');
  });

  it('says starting before the first sync report, whatever the host', () => {
    expect(syncIndicatorText({ ...base, hostConnection: 'connecting', sync: null })).toEqual({ tone: 'unknown', text: 'Sync: starting…' });
  });
});
