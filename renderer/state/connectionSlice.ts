import type { StateCreator } from 'zustand/vanilla';
import type { HostConnectionState } from '../host/HostTransport';

/** Network state: the link to the booth host, and whether the machine has a network at all. */
export interface ConnectionSlice {
  readonly hostConnection: HostConnectionState;
  readonly networkOnline: boolean;
  hostConnectionChanged(state: HostConnectionState): void;
  networkChanged(online: boolean): void;
}

export const createConnectionSlice: StateCreator<ConnectionSlice, [], [], ConnectionSlice> = (set) => ({
  hostConnection: 'connecting',
  networkOnline: true,
  hostConnectionChanged: (hostConnection) => set({ hostConnection }),
  networkChanged: (networkOnline) => set({ networkOnline }),
});
