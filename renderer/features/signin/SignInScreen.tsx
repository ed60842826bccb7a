import { useState, type FormEvent } from 'react';
import { useBooth, useBoothStore, useDecisionJournal, useHost } from '../../state/StoreContext';
import { ScreenFrame } from '../shell/ScreenFrame';

/**
 * Sign-in, and unlocking a locked screen: user id and password, Enter to go. A locked screen can be
 * unlocked only by the user who was signed in; anyone else signs that user out first (Alt+O).
 */
export function SignInScreen() {
  const host = useHost();
  const store = useBoothStore();
  const journal = useDecisionJournal();
  const lockedUser = useBooth((state) => (state.locked ? state.user : null));
  const simulation = useBooth((state) => state.info?.deviceMode === 'sim');
  const [userId, setUserId] = useState(lockedUser?.userId ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await host.call('auth:signIn', { userId: lockedUser?.userId ?? userId, password });
    setBusy(false);
    setPassword('');
    if (!result.ok) {
      setError(result.error.code === 'bad_credentials' ? 'Unknown user or wrong password.' : `Cannot sign in: ${result.error.message}`);
      // The code tells a wrong password from an attempt the host refused unchecked (throttled, account locked).
      void journal.audit('sign_in_failed', { attemptedUserId: (lockedUser?.userId ?? userId).slice(0, 40), code: result.error.code }).catch(() => undefined);
      return;
    }
    store.getState().signedIn(result.value);
    void journal.audit(lockedUser ? 'screen_unlock' : 'sign_in').catch((auditError: unknown) => store.getState().announce(`The sign-in could not be audited: ${String(auditError)}`, 'error'));
  };

  return (
    <ScreenFrame notices={false}>
      <main className="sign-in">
        <form className="panel sign-in-form" onSubmit={(event) => void submit(event)} data-testid="sign-in">
          <h2>{lockedUser ? `Locked: ${lockedUser.name}` : 'Sign in'}</h2>
          {!lockedUser && (
            <label>
              User
              <input autoFocus autoComplete="username" value={userId} onChange={(e) => setUserId(e.target.value)} data-testid="sign-in-user" />
            </label>
          )}
          <label>
            Password
            <input type="password" autoFocus={Boolean(lockedUser)} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="sign-in-password" />
          </label>
          <button type="submit" disabled={busy}>
            {lockedUser ? 'Unlock' : 'Sign in'} <kbd>Enter</kbd>
          </button>
          {error && (
            <p className="sign-in-error" role="alert" data-testid="sign-in-error">
              {error}
            </p>
          )}
          {lockedUser && (
            <p className="caption">
              Someone else? <kbd>Alt+O</kbd> signs {lockedUser.name} out.
            </p>
          )}
          {simulation && !lockedUser && <p className="caption">Practice booth: sign in as officer, supervisor or trainer (see the README for the practice passwords).</p>}
        </form>
      </main>
    </ScreenFrame>
  );
}
