import type { StateCreator } from 'zustand/vanilla';
import type { SignedInUser } from '../../app/host/signedInUser';
import type { BoothSlice } from './boothSlice';
import { emptyDesk, type LaneSlice } from './laneSlice';

/** Who is signed in, and whether the screen is locked (inactivity or the user's own Alt+L). */
export interface SessionSlice {
  readonly user: SignedInUser | null;
  readonly locked: boolean;
  signedIn(user: SignedInUser): void;
  signedOut(): void;
  screenLocked(): void;
}

/** What a change of user clears beside the session itself: the booth's notice and the lane's desk (read and written). */
type SessionScope = SessionSlice & Pick<BoothSlice, 'info' | 'notice'> & LaneSlice;

export const createSessionSlice: StateCreator<SessionScope, [], [], SessionSlice> = (set) => ({
  user: null,
  locked: false,
  // Unlocking is the same user coming back to their desk; anyone else starts at an empty one.
  signedIn: (user) => set((state) => (state.locked && state.user?.userId === user.userId ? { user, locked: false } : { user, locked: false, ...userWorkCleared(state) })),
  // Signing out forgets the traveller on screen, the decisions in progress and the notices: the next user starts clean.
  signedOut: () => set((state) => ({ user: null, locked: false, ...userWorkCleared(state) })),
  // A locked screen keeps the traveller for the user's return, but nothing half-done or said to them.
  screenLocked: () => set((state) => (state.user ? { locked: true, notice: null, pendingReason: null, selectedOccupant: 0 } : {})),
});

/**
 * What one user's work leaves on screen, cleared when the user changes: notices, decisions in progress, the
 * reason picker, selections and alerts. In a one-traveller lane the traveller at the desk goes too (the next
 * read brings the next one); a vehicle at the window stays, as the lane's, not the user's.
 */
function userWorkCleared(state: SessionScope): Partial<SessionScope> {
  const desk = state.info?.laneType !== 'vehicle' && state.laneSession ? { laneSession: null, dismissedSessionId: state.laneSession.sessionId } : {};
  return { ...emptyDesk, notice: null, supervisorAlerts: [], ...desk };
}
