import { useEffect } from 'react';
import { useBoothStore, useDecisionJournal, useHost } from '../../state/StoreContext';

/**
 * The signed-in session's keys and timer: Alt+L locks the screen, Alt+O signs out, and the screen locks by
 * itself after the configured minutes without a key press or pointer movement. Each step is audited.
 */
export function useSessionGuard(): void {
  const store = useBoothStore();
  const journal = useDecisionJournal();
  const host = useHost();

  useEffect(() => {
    const audit = (action: 'screen_lock' | 'sign_out') => void journal.audit(action).catch(() => undefined);
    const lock = () => {
      const state = store.getState();
      if (!state.user || state.locked) return;
      audit('screen_lock');
      state.screenLocked();
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      const minutes = store.getState().info?.screenLockMinutes ?? 5;
      timer = setTimeout(lock, minutes * 60_000);
    };
    const onKey = (event: KeyboardEvent) => {
      restart();
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.code === 'KeyL') {
        event.preventDefault();
        lock();
      } else if (event.code === 'KeyO' && store.getState().user) {
        event.preventDefault();
        audit('sign_out');
        // The host's role checks follow the screen: this connection keeps no one's role once its user has gone.
        void host.call('auth:signOut', {}).then((result) => {
          if (!result.ok) console.warn(`[booth] the host did not sign this window out: ${result.error.message}`);
        });
        store.getState().signedOut();
      }
    };
    restart();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointermove', restart, { passive: true });
    window.addEventListener('pointerdown', restart, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointermove', restart);
      window.removeEventListener('pointerdown', restart);
    };
  }, [store, journal, host]);
}
