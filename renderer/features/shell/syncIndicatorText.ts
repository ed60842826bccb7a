import type { SyncStatus } from '../../../app/outbox/SyncEngine';
import type { HostConnectionState } from '../../host/HostTransport';

export type SyncTone = 'ok' | 'queued' | 'failing' | 'unknown';

export interface SyncIndicatorInput {
  readonly sync: SyncStatus | null;
  readonly storageProblem: string | null;
  readonly storageWarning: string | null;
  readonly hostConnection: HostConnectionState;
}

const pending = (sync: SyncStatus | null) =>
  `${sync && sync.queued > 0 ? ` · ${sync.queued} queued` : ''}${sync && sync.deadLettered > 0 ? ` · ${sync.deadLettered} need a supervisor` : ''}`;

/**
 * What the header says about the officer's decisions. Storage problems come first (a decision may not be
 * stored); then the host: sync goes through it, so while it is unreachable or refuses this window nothing can
 * be "up to date", however empty the queue was at the last attempt.
 */
export function syncIndicatorText({ sync, storageProblem, storageWarning, hostConnection }: SyncIndicatorInput): { tone: SyncTone; text: string } {
  if (storageProblem) return { tone: 'failing', text: `Decisions NOT stored: ${storageProblem}` };
  // Decisions are recorded and synced, but earlier records do not open: failing until a supervisor sorts it out.
  if (storageWarning) return { tone: 'failing', text: `Storage: ${storageWarning}${pending(sync)}` };
  if (!sync) return { tone: 'unknown', text: 'Sync: starting…' };
  if (hostConnection !== 'online' && hostConnection !== 'connecting') {
    return { tone: sync.deadLettered > 0 ? 'failing' : 'queued', text: `Sync paused: booth host not reachable${pending(sync)}` };
  }
  if (sync.failing) return { tone: 'failing', text: `Sync failing${pending(sync)}` };
  if (sync.queued > 0) return { tone: 'queued', text: `Sync: ${sync.queued} queued${sync.connection === 'offline' ? ' (records service offline)' : ''}` };
  return sync.connection === 'offline' ? { tone: 'queued', text: 'Sync: records service offline' } : { tone: 'ok', text: 'Sync: up to date' };
}
