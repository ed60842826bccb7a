import type { HandlersOf } from '../../../app/host/dispatch';
import { HostFailure } from '../../../app/host/result';
import type { Clock } from '../../../app/ports/Clock';
import type { BoothSettings } from '../../../app/settings/boothSettings';
import { AccountsError, type AccountStore } from '../accounts';
import { SignInRefused, SignInThrottle } from '../signInThrottle';
import type { SignInThrottleFile } from '../signInThrottleFile';
import type { SignedInCallers } from '../SignedInCallers';

export interface AuthHandlerDeps {
  readonly accounts: AccountStore;
  readonly settings: Pick<BoothSettings, 'signInLockoutFailures' | 'signInLockoutMinutes'>;
  readonly clock: Clock;
  /** Where the throttle's counts outlive a restart. */
  readonly throttleFile: SignInThrottleFile;
  /** Told of each successful sign-in and each sign-out, so role checks on the host know who is on each connection. */
  readonly callers: SignedInCallers;
}

const isWrongCredentials = (error: unknown) => error instanceof AccountsError && error.code === 'bad_credentials';

/**
 * `auth:*`: signing in with a local account, through the sign-in throttle (per account and per caller, growing
 * waits, lockout: signInThrottle.ts), signing a connection out, and the supervisors' view of failures and locks. The throttle's saved counts
 * are read before the first attempt is answered, so a restart never opens a window for guessing.
 */
export function authHandlers({ accounts, settings, clock, throttleFile, callers }: AuthHandlerDeps): HandlersOf<'auth'> {
  // The save of the throttle's latest change: every attempt's answer waits for it, so a failure is on disk before the
  // caller learns of it (a crash or restart between two guesses cannot forget the first).
  let saved: Promise<void> = Promise.resolve();
  let loaded: Promise<SignInThrottle> | null = null;
  const throttle = () =>
    (loaded ??= throttleFile.load((message) => console.warn(`[booth] ${message}`)).then(
      (state) =>
        new SignInThrottle({ lockoutFailures: settings.signInLockoutFailures, lockoutMinutes: settings.signInLockoutMinutes }, clock, {
          ...(state ? { state } : {}),
          onChange: (next) => void (saved = throttleFile.save(next)),
        }),
    ));
  const durable = async () => {
    try {
      await saved;
    } catch (error) {
      // Not hidden: the counts held in memory still refuse guesses until a restart, and the log says the file is stale.
      console.error('[booth] the sign-in throttle state could not be saved:', error);
    }
  };
  return {
    'auth:signIn': async ({ userId, password }, caller) => {
      try {
        const user = await (await throttle()).attempt(userId, caller.throttleClient ?? caller.client, () => accounts.signIn(userId, password), isWrongCredentials, caller.client);
        await durable();
        callers.signedIn(caller, user);
        return user;
      } catch (error) {
        await durable();
        if (isWrongCredentials(error)) throw new HostFailure('bad_credentials', 'Unknown user or wrong password.');
        if (error instanceof SignInRefused) throw new HostFailure(error.code, error.message);
        throw error;
      }
    },
    'auth:signOut': (_, caller) => ({ userId: callers.signedOut(caller)?.userId ?? null }),
    // A supervisor's only (app/host/channelAccess.ts, checked by dispatch).
    'auth:signInActivity': async () => (await throttle()).activity(),
  };
}
