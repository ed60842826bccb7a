import { describe, expect, it } from 'vitest';
import { SignInRefused, SignInThrottle, signInThrottleStateSchema, type SignInThrottleState } from './signInThrottle';

function manualClock(iso = '2026-12-07T03:00:00.000Z') {
  let t = Date.parse(iso);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

class WrongPassword extends Error {}
const isWrong = (error: unknown) => error instanceof WrongPassword;
const wrong = async (): Promise<string> => {
  throw new WrongPassword('unknown user or wrong password');
};
const right = async () => 'signed in';

/** The attempt's outcome: what the check said, or the refusal's code. */
async function outcome(throttle: SignInThrottle, userId: string, client: string, check: () => Promise<string>): Promise<string> {
  try {
    return await throttle.attempt(userId, client, check, isWrong);
  } catch (error) {
    if (error instanceof SignInRefused) return error.code;
    if (error instanceof WrongPassword) return 'wrong';
    throw error;
  }
}

describe('SignInThrottle (injected clock)', () => {
  it('makes each failure wait longer (1 s, 2 s, 4 s ...), refusing unchecked attempts in between', async () => {
    const clock = manualClock();
    const throttle = new SignInThrottle({ lockoutFailures: 10, lockoutMinutes: 15 }, clock);
    let checks = 0;
    const counted = async () => {
      checks++;
      return wrong();
    };
    expect(await outcome(throttle, 'kim', 'ws-1', counted)).toBe('wrong');
    expect(await outcome(throttle, 'kim', 'ws-1', counted)).toBe('sign_in_throttled');
    clock.advance(999);
    expect(await outcome(throttle, 'kim', 'ws-1', counted)).toBe('sign_in_throttled');
    clock.advance(1);
    expect(await outcome(throttle, 'kim', 'ws-1', counted)).toBe('wrong');
    clock.advance(1999);
    expect(await outcome(throttle, 'KIM ', 'ws-1', counted)).toBe('sign_in_throttled'); // the same account however typed
    clock.advance(1);
    expect(await outcome(throttle, 'kim', 'ws-1', counted)).toBe('wrong');
    expect(checks).toBe(3);
    expect([1, 2, 3, 4, 5, 6, 7].map((k) => throttle.delayAfter(k))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('60 wrong passwords in 3 seconds: 2 are checked, the rest refused, and the right one is refused too', async () => {
    const clock = manualClock();
    const throttle = new SignInThrottle({ lockoutFailures: 10, lockoutMinutes: 15 }, clock);
    const outcomes: string[] = [];
    for (let i = 0; i < 60; i++) {
      outcomes.push(await outcome(throttle, 'officer', 'ws-1', wrong));
      clock.advance(49);
    }
    expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'sign_in_throttled')).toHaveLength(58);
    expect(await outcome(throttle, 'officer', 'ws-1', right)).toBe('sign_in_throttled');
    clock.advance(2000); // the owner who waits out the 2 s gets in (only a lock keeps them out)
    expect(await outcome(throttle, 'officer', 'ws-1', right)).toBe('signed in');
    // Fired in parallel, only one attempt per account is checked at a time.
    const parallel = new SignInThrottle({ lockoutFailures: 10, lockoutMinutes: 15 }, manualClock());
    const slowWrong = () => new Promise<string>((_, reject) => setTimeout(() => reject(new WrongPassword('no')), 5));
    const all = await Promise.all(Array.from({ length: 60 }, (_, i) => outcome(parallel, 'officer', `ws-${i}`, slowWrong)));
    expect(all.filter((o) => o === 'wrong')).toHaveLength(1);
  });

  it('locks the account after N failures for the configured time; after it, one try per lock period; a success resets', async () => {
    const clock = manualClock();
    const throttle = new SignInThrottle({ lockoutFailures: 5, lockoutMinutes: 15 }, clock);
    for (let i = 0; i < 5; i++) {
      expect(await outcome(throttle, 'kim', `client-${i}`, wrong)).toBe('wrong');
      clock.advance(60_000);
    }
    expect(throttle.activity().lockedAccounts).toEqual([{ userId: 'kim', until: '2026-12-07T03:19:00.000Z', failures: 5 }]);
    expect(await outcome(throttle, 'kim', 'fresh-client', right)).toBe('account_locked');
    clock.advance(14 * 60_000 - 1);
    expect(await outcome(throttle, 'kim', 'fresh-client', right)).toBe('account_locked');
    clock.advance(1);
    // The lock is over: one more guess, wrong, locks it again at once.
    expect(await outcome(throttle, 'kim', 'fresh-client', wrong)).toBe('wrong');
    expect(await outcome(throttle, 'kim', 'other-client', right)).toBe('account_locked');
    clock.advance(15 * 60_000);
    expect(await outcome(throttle, 'kim', 'other-client', right)).toBe('signed in');
    expect(throttle.activity().lockedAccounts).toEqual([]);
    expect(await outcome(throttle, 'kim', 'other-client', wrong)).toBe('wrong'); // counted from 1 again
    clock.advance(1000);
    expect(await outcome(throttle, 'kim', 'other-client', right)).toBe('signed in');
  });

  it('throttles a client spraying many accounts, and counts unknown ids like real ones', async () => {
    const clock = manualClock();
    const throttle = new SignInThrottle({ lockoutFailures: 3, lockoutMinutes: 5 }, clock);
    expect(await outcome(throttle, 'alice', 'ws-9', wrong)).toBe('wrong');
    expect(await outcome(throttle, 'bob', 'ws-9', wrong)).toBe('sign_in_throttled');
    expect(await outcome(throttle, 'bob', 'ws-2', wrong)).toBe('wrong'); // another client is not slowed by ws-9
    clock.advance(1000);
    expect(await outcome(throttle, 'carol', 'ws-9', wrong)).toBe('wrong');
    expect(await outcome(throttle, 'dave', 'ws-9', wrong)).toBe('sign_in_throttled');
    for (let i = 0; i < 3; i++) {
      expect(await outcome(throttle, 'no-such-user', `c-${i}`, wrong)).toBe('wrong');
      clock.advance(10_000);
    }
    expect(throttle.activity().lockedAccounts.map((a) => a.userId)).toEqual(['no-such-user']);
  });

  it('an error that is not a wrong password is not counted', async () => {
    const throttle = new SignInThrottle({ lockoutFailures: 1, lockoutMinutes: 5 }, manualClock());
    await expect(throttle.attempt('kim', 'ws-1', () => Promise.reject(new Error('accounts file corrupt')), isWrong)).rejects.toThrow(/corrupt/);
    expect(await outcome(throttle, 'kim', 'ws-1', right)).toBe('signed in');
  });

  it('lists failed and refused sign-ins of the last 24 hours for supervisors, and its state survives a restart', async () => {
    const clock = manualClock();
    let saved: SignInThrottleState | undefined;
    const throttle = new SignInThrottle({ lockoutFailures: 2, lockoutMinutes: 30 }, clock, { onChange: (state) => (saved = state) });
    await outcome(throttle, 'kim', 'ws-1', wrong);
    clock.advance(5000);
    await outcome(throttle, 'kim', 'ws-1', wrong);
    await outcome(throttle, 'kim', 'ws-1', right);
    const activity = throttle.activity();
    expect(activity).toMatchObject({ failuresLast24h: 3, lockoutFailures: 2, lockoutMinutes: 30, lockedAccounts: [{ userId: 'kim', failures: 2 }] });
    expect(activity.recentFailures.map((f) => [f.outcome, f.failures])).toEqual([
      ['refused_locked', 2],
      ['wrong_credentials', 2],
      ['wrong_credentials', 1],
    ]);
    // Restarted from what was saved (as JSON, through its schema): still locked.
    const state = signInThrottleStateSchema.parse(JSON.parse(JSON.stringify(saved)));
    const restarted = new SignInThrottle({ lockoutFailures: 2, lockoutMinutes: 30 }, clock, { state });
    expect(await outcome(restarted, 'kim', 'new-connection', right)).toBe('account_locked');
    clock.advance(25 * 60 * 60 * 1000);
    expect(restarted.activity()).toMatchObject({ failuresLast24h: 0, recentFailures: [], lockedAccounts: [] });
  });
});
