import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { BoothJournal } from '../decisions/DecisionJournal';
import type { HostClient } from '../host/HostClient';
import type { VisionClient } from '../vision/visionClient';
import type { BoothState, BoothStore } from './createBoothStore';

interface AppContextValue {
  readonly store: BoothStore;
  readonly host: HostClient;
  /** Where decisions are made durable. */
  readonly decisions: BoothJournal;
  /** The face pipeline's worker client; absent where vision is switched off. */
  readonly vision?: VisionClient;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppProvider({ store, host, decisions, vision, children }: { store: BoothStore; host: HostClient; decisions: BoothJournal; vision?: VisionClient; children: ReactNode }) {
  return <AppContext.Provider value={{ store, host, decisions, ...(vision ? { vision } : {}) }}>{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppProvider is missing above this component');
  return value;
}

/** Reads a slice of the booth state; re-renders only when that slice changes. */
export function useBooth<T>(selector: (state: BoothState) => T): T {
  return useStore(useAppContext().store, selector);
}

/** The store itself, for actions and for effects that need the latest state. */
export function useBoothStore(): BoothStore {
  return useAppContext().store;
}

export function useHost(): HostClient {
  return useAppContext().host;
}

export function useDecisionJournal(): BoothJournal {
  return useAppContext().decisions;
}

export function useVision(): VisionClient | undefined {
  return useAppContext().vision;
}
