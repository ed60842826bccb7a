import type { StateCreator } from 'zustand/vanilla';
import type { ChipReport } from '../../app/ports/chipReport';
import type { DocumentRead } from '../../app/ports/documentRead';
import type { BoothState } from './createBoothStore';

/** The traveller in front of the officer: the latest document read, until cleared. */
export interface TravellerSlice {
  readonly documentRead: DocumentRead | null;
  readonly showRawMrz: boolean;
  /** The chip report for the current document; null while its chip is being read. */
  readonly chipReport: ChipReport | null;
  documentReadReceived(read: DocumentRead): void;
  chipReportReceived(report: ChipReport): void;
  travellerCleared(): void;
  rawMrzToggled(): void;
}

export const createTravellerSlice: StateCreator<BoothState, [], [], TravellerSlice> = (set) => ({
  documentRead: null,
  showRawMrz: false,
  chipReport: null,
  documentReadReceived: (read) =>
    set((state) => (state.documentRead?.readId === read.readId ? state : { documentRead: read, showRawMrz: false, chipReport: null })),
  // A report about an earlier traveller's document must never land on the current traveller's card.
  chipReportReceived: (report) => set((state) => (state.documentRead && report.documentReadId === state.documentRead.readId ? { chipReport: report } : state)),
  travellerCleared: () => set({ documentRead: null, showRawMrz: false, chipReport: null }),
  rawMrzToggled: () => set((state) => ({ showRawMrz: !state.showRawMrz })),
});
