import type { StateCreator } from 'zustand/vanilla';
import type { BoothInfo } from '../../app/host/boothInfo';

/** Who and where this booth is, and the last message shown to the officer. */
export interface BoothSlice {
  readonly info: BoothInfo | null;
  readonly infoError: string | null;
  /** The latest feedback line (announced to screen readers): action results and errors. */
  readonly notice: { readonly text: string; readonly tone: 'info' | 'warning' | 'error' } | null;
  infoLoaded(info: BoothInfo): void;
  infoFailed(message: string): void;
  announce(text: string, tone?: 'info' | 'warning' | 'error'): void;
}

export const createBoothSlice: StateCreator<BoothSlice, [], [], BoothSlice> = (set) => ({
  info: null,
  infoError: null,
  notice: null,
  infoLoaded: (info) => set({ info, infoError: null }),
  infoFailed: (message) => set({ infoError: message }),
  announce: (text, tone = 'info') => set({ notice: { text, tone } }),
});
