import { createHash, randomBytes } from 'node:crypto';
import type { DispatchCaller } from '../../app/host/dispatchCaller';

/** The header an HTTP API caller's session travels in: the host sets it on a successful auth:signIn, the caller sends it back. */
export const httpApiSessionHeader = 'booth-session';

/** Every HTTP request without a session counts as this one client for the sign-in throttle. */
export const httpApiThrottleClient = 'http-api';

export interface HttpApiSessionLimits {
  /** Sessions kept at once; past it the least recently used is ended (memory stays bounded). */
  readonly maxSessions: number;
  /** A session unused this long is ended. */
  readonly idleMinutes: number;
}

export const defaultHttpApiSessionLimits: HttpApiSessionLimits = { maxSessions: 64, idleMinutes: 60 };

interface Session {
  readonly caller: DispatchCaller;
  lastUsedAt: number;
}

/** What a request's session header comes to: its caller, or that the header named no live session. */
export type HttpApiCaller = { readonly caller: DispatchCaller; readonly session: string | null } | { readonly unknownSession: true };

/**
 * The HTTP API's sessions: each caller (script, support tool, trainer's console) signs in on its own session, so
 * one caller's sign-in, role or sign-out never reaches another, and audit entries name the session (`http-api-7`),
 * never the secret. A request without a session is a new client of its own, signed in as nobody; a successful
 * auth:signIn opens a session (a random secret, answered in the `Booth-Session` header) and auth:signOut ends it.
 * `ended` is told of every session that ends (signed out, idle, evicted), so the host forgets its sign-in.
 */
export class HttpApiSessions {
  private readonly sessions = new Map<string, Session>();
  private opened = 0;

  constructor(
    private readonly ended: (caller: DispatchCaller) => void,
    private readonly limits: HttpApiSessionLimits = defaultHttpApiSessionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** The caller a request speaks as: its session's, a fresh one without a session header, or unknownSession. */
  callerOf(header: string | undefined): HttpApiCaller {
    this.endIdle();
    if (header === undefined || header === '') return { caller: this.newCaller(), session: null };
    const key = digest(header);
    const session = this.sessions.get(key);
    if (!session) return { unknownSession: true };
    session.lastUsedAt = this.now();
    // Re-inserted last: the map's order is the order of last use, for eviction.
    this.sessions.delete(key);
    this.sessions.set(key, session);
    return { caller: session.caller, session: header };
  }

  /** `caller` signed in: its session's secret (a new one when the request had none). */
  signedIn(caller: DispatchCaller, session: string | null): string {
    if (session !== null && this.sessions.has(digest(session))) return session;
    const secret = randomBytes(32).toString('base64url');
    this.sessions.set(digest(secret), { caller, lastUsedAt: this.now() });
    while (this.sessions.size > this.limits.maxSessions) this.end(this.sessions.keys().next().value ?? '');
    return secret;
  }

  /** The session signed out: it ends. */
  signedOut(session: string | null): void {
    if (session !== null) this.end(digest(session));
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Ends every session (the host is closing). */
  endAll(): void {
    for (const key of [...this.sessions.keys()]) this.end(key);
  }

  private newCaller(): DispatchCaller {
    return { client: `http-api-${++this.opened}`, transport: 'http', throttleClient: httpApiThrottleClient };
  }

  private endIdle(): void {
    const oldest = this.now() - this.limits.idleMinutes * 60_000;
    for (const [key, session] of this.sessions) {
      if (session.lastUsedAt > oldest) return;
      this.end(key);
    }
  }

  private end(key: string): void {
    const session = this.sessions.get(key);
    if (!session) return;
    this.sessions.delete(key);
    this.ended(session.caller);
  }
}

/** Sessions are looked up by a digest of the secret: the map never holds the secrets themselves. */
function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
