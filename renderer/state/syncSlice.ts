import type { StateCreator } from 'zustand/vanilla';
import type { SyncStatus } from '../../app/outbox/SyncEngine';
import type { BoothState } from './createBoothStore';

/** The decision sync's state, always shown in the header: online, queued N, or failing. */
export interface SyncSlice {
  readonly sync: SyncStatus | null;
  /** Why the durable store could not start (no storage key, IndexedDB refused): decisions cannot be recorded. */
  readonly storageProblem: string | null;
  syncChanged(status: SyncStatus): void;
  storageFailed(message: string): void;
}

export const createSyncSlice: StateCreator<BoothState, [], [], SyncSlice> = (set) => ({
  sync: null,
  storageProblem: null,
  syncChanged: (sync) => set({ sync }),
  storageFailed: (storageProblem) => set({ storageProblem }),
});
