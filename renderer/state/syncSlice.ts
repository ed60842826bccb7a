import type { StateCreator } from 'zustand/vanilla';
import type { SyncStatus } from '../../app/outbox/SyncEngine';

/** The decision sync's state, always shown in the header: online, queued N, or failing. */
export interface SyncSlice {
  readonly sync: SyncStatus | null;
  /** Why the durable store could not start (no storage key, IndexedDB refused): decisions cannot be recorded. */
  readonly storageProblem: string | null;
  /**
   * The store works but earlier records do not open (the storage key changed): decisions ARE recorded, a supervisor
   * has a review item, and the header keeps saying so until the booth opens with the original key.
   */
  readonly storageWarning: string | null;
  syncChanged(status: SyncStatus): void;
  storageFailed(message: string): void;
  storageWarned(message: string | null): void;
}

export const createSyncSlice: StateCreator<SyncSlice, [], [], SyncSlice> = (set) => ({
  sync: null,
  storageProblem: null,
  storageWarning: null,
  syncChanged: (sync) => set({ sync }),
  storageFailed: (storageProblem) => set({ storageProblem }),
  storageWarned: (storageWarning) => set({ storageWarning }),
});
