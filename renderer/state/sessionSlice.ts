import type { StateCreator } from 'zustand/vanilla';
import type { SignedInUser } from '../../app/host/signedInUser';
import type { BoothState } from './createBoothStore';

/** Who is signed in, and whether the screen is locked (inactivity or the user's own Alt+L). */
export interface SessionSlice {
  readonly user: SignedInUser | null;
  readonly locked: boolean;
  signedIn(user: SignedInUser): void;
  signedOut(): void;
  screenLocked(): void;
}

export const createSessionSlice: StateCreator<BoothState, [], [], SessionSlice> = (set) => ({
  user: null,
  locked: false,
  signedIn: (user) => set({ user, locked: false }),
  // Signing out forgets the traveller on screen and the decisions in progress: the next user starts clean.
  signedOut: () => set({ user: null, locked: false, decisions: {}, pendingReason: null, documentRead: null, chipReport: null }),
  screenLocked: () => set((state) => (state.user ? { locked: true } : {})),
});
