import type { DispatchCaller } from '../../app/host/dispatchCaller';
import type { SignedInUser } from '../../app/host/signedInUser';

/**
 * Who signed in last on each connection (a booth window, a WebSocket session, the HTTP API), as the host saw the
 * sign-in succeed: what role checks on the host go by, so a call is refused even when a renderer shows a screen
 * it should not. A later sign-in on the same connection replaces the user; a sign-out (auth:signOut, which the
 * screen calls when its user signs out) leaves the connection with nobody.
 */
export class SignedInCallers {
  private readonly users = new Map<string, SignedInUser>();

  signedIn(caller: DispatchCaller, user: SignedInUser): void {
    this.users.set(caller.client, user);
  }

  /** Forgets who signed in on this connection; returns who that was. */
  signedOut(caller: DispatchCaller): SignedInUser | undefined {
    const user = this.users.get(caller.client);
    this.users.delete(caller.client);
    return user;
  }

  /** Connections with someone signed in now (closed connections are forgotten: this does not grow with them). */
  get size(): number {
    return this.users.size;
  }

  userOf(caller: DispatchCaller): SignedInUser | undefined {
    return this.users.get(caller.client);
  }
}
