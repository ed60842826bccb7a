import type { StateCreator } from 'zustand/vanilla';
import type { DocumentRead } from '../../app/ports/documentRead';
import type { BoothState } from './createBoothStore';

/** The traveller in front of the officer: the latest document read, until cleared. */
export interface TravellerSlice {
  readonly documentRead: DocumentRead | null;
  readonly showRawMrz: boolean;
  documentReadReceived(read: DocumentRead): void;
  travellerCleared(): void;
  rawMrzToggled(): void;
}

export const createTravellerSlice: StateCreator<BoothState, [], [], TravellerSlice> = (set) => ({
  documentRead: null,
  showRawMrz: false,
  documentReadReceived: (read) =>
    set((state) => (state.documentRead?.readId === read.readId ? state : { documentRead: read, showRawMrz: false })),
  travellerCleared: () => set({ documentRead: null, showRawMrz: false }),
  rawMrzToggled: () => set((state) => ({ showRawMrz: !state.showRawMrz })),
});
