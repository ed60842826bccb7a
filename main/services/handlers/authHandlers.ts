import type { HandlersOf } from '../../../app/host/dispatch';
import { HostFailure } from '../../../app/host/result';
import { AccountsError, type AccountStore } from '../accounts';

/** `auth:*`: signing in with a local account. */
export function authHandlers(accounts: AccountStore): HandlersOf<'auth'> {
  return {
    'auth:signIn': async ({ userId, password }) => {
      try {
        return await accounts.signIn(userId, password);
      } catch (error) {
        if (error instanceof AccountsError && error.code === 'bad_credentials') throw new HostFailure('bad_credentials', 'Unknown user or wrong password.');
        throw error;
      }
    },
  };
}
