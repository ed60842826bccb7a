import { useEffect, useMemo, useState } from 'react';
import type { DecisionStore } from '../../storage/DecisionStore';
import { useBooth, useDecisionJournal } from '../../state/StoreContext';
import { NoticeLine } from '../shell/NoticeLine';
import { ScreenFrame } from '../shell/ScreenFrame';
import { ReviewScreen } from '../review/ReviewScreen';
import { useAuditExport } from './useAuditExport';
import { SignInActivityStrip } from './SignInActivityStrip';
import './supervisor.css';

/**
 * The supervisor's screen: the review queue of this booth's decisions, on the same encrypted store the
 * officers write, above it the sign-in activity (failures, locked accounts), and `X` to export the audit log.
 */
export function SupervisorScreen() {
  const journal = useDecisionJournal();
  const user = useBooth((state) => state.user);
  const policies = useBooth((state) => state.info?.policies);
  const [store, setStore] = useState<DecisionStore | null>(null);
  const [error, setError] = useState<string | null>(null);
  const actor = useMemo(() => (user ? { userId: user.userId, role: 'supervisor' as const } : null), [user]);
  useAuditExport(store, actor);

  useEffect(() => {
    let cancelled = false;
    journal
      .store()
      .then((opened) => !cancelled && setStore(opened))
      .catch((reason: unknown) => !cancelled && setError(`The decision store cannot be opened: ${reason instanceof Error ? reason.message : String(reason)}`));
    return () => {
      cancelled = true;
    };
  }, [journal]);

  return (
    <ScreenFrame className="supervisor" notices={false}>
      <div>
        <NoticeLine />
        <SignInActivityStrip />
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {store && actor && policies ? <ReviewScreen store={store} actor={actor} policies={policies} /> : !error && <p className="placeholder lane-waiting">Opening the review queue…</p>}
      <footer className="shortcut-bar" aria-label="Supervisor shortcuts">
        <span className="shortcut">
          <kbd>X</kbd> Export audit log
        </span>
        <span className="shortcut">
          <kbd>Alt+L</kbd> Lock
        </span>
        <span className="shortcut">
          <kbd>Alt+O</kbd> Sign out
        </span>
      </footer>
    </ScreenFrame>
  );
}
