import { z } from 'zod';
import type { Clock } from '../../app/ports/Clock';
import { maxRecentSignInFailures, signInFailureSchema, type SignInActivity, type SignInFailure, type SignInFailureOutcome } from '../../app/host/signInActivity';

/**
 * Slows and stops password guessing (NIST SP 800-63B rate limiting). Each account and each client (connection)
 * counts its consecutive failed sign-ins; after k failures the next attempt is refused, unchecked, until
 * `delay(k)` has passed since the last one (1 s, 2 s, 4 s... up to `maxDelayMs`); after `lockoutFailures` the
 * account is locked for `lockoutMinutes`, and every failure after a lock locks it again, so a guesser gets one
 * try per lock period. A success resets the account and the client. Unknown user ids are counted and locked like
 * real ones: locking must not tell which ids exist. Only one attempt per account and per client is checked at a
 * time, so firing attempts in parallel gains nothing.
 */

export interface SignInThrottlePolicy {
  /** Consecutive failures that lock an account (1-100: NIST SP 800-63B allows at most 100). */
  readonly lockoutFailures: number;
  readonly lockoutMinutes: number;
  /** The wait after the first failure; it doubles with each further one. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

export type SignInRefusalCode = 'account_locked' | 'sign_in_throttled';

/** An attempt refused before its password was checked; `retryAt` says when another one will be. */
export class SignInRefused extends Error {
  constructor(
    readonly code: SignInRefusalCode,
    readonly retryAt: Date,
    message: string,
  ) {
    super(message);
    this.name = 'SignInRefused';
  }
}

const accountCounterSchema = z.strictObject({ failures: z.number().int().min(1), lastFailureAt: z.iso.datetime({ offset: true }), lockedUntil: z.iso.datetime({ offset: true }).nullable() });
type AccountCounter = z.infer<typeof accountCounterSchema>;

/** What survives a restart (a guesser must not reset the count by restarting the booth). Client counters do not: connections end with the process. */
export const signInThrottleStateSchema = z.strictObject({
  version: z.literal(1),
  accounts: z.record(z.string().max(40), accountCounterSchema),
  recent: z.array(signInFailureSchema).max(maxRecentSignInFailures),
});
export type SignInThrottleState = z.infer<typeof signInThrottleStateSchema>;

interface ClientCounter {
  readonly failures: number;
  readonly lastFailureAt: number;
}

const day = 24 * 60 * 60 * 1000;
/** Accounts counted at once; past it the oldest unlocked counter is dropped (memory stays bounded under a spray of ids). */
const maxCountedAccounts = 10_000;

export const accountKeyOf = (userId: string): string => userId.trim().toLowerCase().slice(0, 40);

export class SignInThrottle {
  private readonly accounts = new Map<string, AccountCounter>();
  private readonly clients = new Map<string, ClientCounter>();
  private readonly checking = new Set<string>();
  private recent: SignInFailure[] = [];
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly onChange: ((state: SignInThrottleState) => void) | undefined;

  constructor(
    private readonly policy: SignInThrottlePolicy,
    private readonly clock: Clock,
    options: { readonly state?: SignInThrottleState; readonly onChange?: (state: SignInThrottleState) => void } = {},
  ) {
    this.baseDelayMs = policy.baseDelayMs ?? 1000;
    this.maxDelayMs = policy.maxDelayMs ?? 30_000;
    this.onChange = options.onChange;
    for (const [key, counter] of Object.entries(options.state?.accounts ?? {})) this.accounts.set(key, counter);
    this.recent = [...(options.state?.recent ?? [])];
  }

  /**
   * Runs `check` (the password verification) unless the account or client must wait; `isWrongCredentials` tells a
   * failed check from an error (a corrupt accounts file is not a guess). Throws SignInRefused when refused.
   * `label` is how the recorded failures name the caller (default `client`, the key counted by).
   */
  async attempt<T>(userId: string, client: string, check: () => Promise<T>, isWrongCredentials: (error: unknown) => boolean, label = client): Promise<T> {
    const account = accountKeyOf(userId);
    const now = this.clock.now().getTime();
    const refusal = this.refusal(account, client, now);
    if (refusal) {
      this.record(now, account, label, refusal.code === 'account_locked' ? 'refused_locked' : 'refused_throttled');
      throw refusal;
    }
    const keys = [`account:${account}`, `client:${client}`];
    for (const key of keys) this.checking.add(key);
    try {
      const result = await check();
      this.clients.delete(client);
      if (this.accounts.delete(account)) this.changed();
      return result;
    } catch (error) {
      if (isWrongCredentials(error)) this.failed(account, client, label);
      throw error;
    } finally {
      for (const key of keys) this.checking.delete(key);
    }
  }

  /** Failures of the last 24 hours, newest first, and the accounts locked now. */
  activity(): SignInActivity {
    const now = this.clock.now().getTime();
    const recent = this.recent.filter((f) => Date.parse(f.at) > now - day);
    const lockedAccounts = [...this.accounts.entries()]
      .filter(([, c]) => c.lockedUntil !== null && Date.parse(c.lockedUntil) > now)
      .map(([userId, c]) => ({ userId, until: c.lockedUntil ?? '', failures: c.failures }));
    return { recentFailures: [...recent].reverse(), failuresLast24h: recent.length, lockedAccounts, lockoutFailures: this.policy.lockoutFailures, lockoutMinutes: this.policy.lockoutMinutes };
  }

  /** The wait after k consecutive failures. */
  delayAfter(failures: number): number {
    return failures < 1 ? 0 : Math.min(this.baseDelayMs * 2 ** Math.min(failures - 1, 30), this.maxDelayMs);
  }

  private refusal(account: string, client: string, now: number): SignInRefused | null {
    if (this.checking.has(`account:${account}`) || this.checking.has(`client:${client}`)) {
      return new SignInRefused('sign_in_throttled', new Date(now + 1000), 'Another sign-in is being checked; try again in a moment.');
    }
    const counter = this.accounts.get(account);
    if (counter?.lockedUntil && Date.parse(counter.lockedUntil) > now) {
      const until = new Date(counter.lockedUntil);
      return new SignInRefused('account_locked', until, `This account is locked after ${counter.failures} failed sign-ins, until ${until.toISOString().slice(11, 16)} UTC (a supervisor sees the attempts).`);
    }
    const accountReady = counter ? Date.parse(counter.lastFailureAt) + this.delayAfter(counter.failures) : 0;
    const clientCounter = this.clients.get(client);
    const clientReady = clientCounter ? clientCounter.lastFailureAt + this.delayAfter(clientCounter.failures) : 0;
    const ready = Math.max(accountReady, clientReady);
    if (ready > now) return new SignInRefused('sign_in_throttled', new Date(ready), `Too many failed sign-ins: try again in ${Math.ceil((ready - now) / 1000)} s.`);
    return null;
  }

  private failed(account: string, client: string, label: string): void {
    const now = this.clock.now().getTime();
    const failures = (this.accounts.get(account)?.failures ?? 0) + 1;
    const lockedUntil = failures >= this.policy.lockoutFailures ? new Date(now + this.policy.lockoutMinutes * 60_000).toISOString() : null;
    this.accounts.delete(account); // re-inserted last: the map's order is the order of last failure, for eviction
    this.accounts.set(account, { failures, lastFailureAt: new Date(now).toISOString(), lockedUntil });
    this.evictBeyondCapacity(now);
    this.clients.set(client, { failures: (this.clients.get(client)?.failures ?? 0) + 1, lastFailureAt: now });
    if (this.clients.size > maxCountedAccounts) this.clients.delete(this.clients.keys().next().value ?? '');
    this.record(now, account, label, 'wrong_credentials', failures);
  }

  private evictBeyondCapacity(now: number): void {
    if (this.accounts.size <= maxCountedAccounts) return;
    for (const [key, counter] of this.accounts) {
      if (counter.lockedUntil === null || Date.parse(counter.lockedUntil) <= now) {
        this.accounts.delete(key);
        return;
      }
    }
  }

  private record(now: number, account: string, client: string, outcome: SignInFailureOutcome, failures = this.accounts.get(account)?.failures ?? 0): void {
    this.recent = [...this.recent.filter((f) => Date.parse(f.at) > now - day), { at: new Date(now).toISOString(), userId: account, client: client.slice(0, 60), outcome, failures }].slice(-maxRecentSignInFailures);
    this.changed();
  }

  private changed(): void {
    this.onChange?.({ version: 1, accounts: Object.fromEntries(this.accounts), recent: this.recent });
  }
}
