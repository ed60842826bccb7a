import { describe, expect, it } from 'vitest';
import { signInActivitySchema, type SignInActivity } from '../../../app/host/signInActivity';
import { signInActivityHeadline, signInFailureLines } from './signInActivitySummary';

const quiet: SignInActivity = { recentFailures: [], failuresLast24h: 0, lockedAccounts: [], lockoutFailures: 10, lockoutMinutes: 15 };

describe('sign-in activity for supervisors', () => {
  it('says when nothing happened', () => {
    expect(signInActivityHeadline(quiet)).toEqual({ text: 'No failed sign-ins in 24 h · no account locked', alarming: false });
    expect(signInFailureLines(quiet, 5)).toEqual([]);
  });

  it('names locked accounts with their time and the latest failures, newest first', () => {
    const activity = signInActivitySchema.parse({
      ...quiet,
      failuresLast24h: 11,
      lockedAccounts: [{ userId: 'kim', until: '2026-12-07T03:40:00.000Z', failures: 10 }],
      recentFailures: [
        { at: '2026-12-07T03:25:10.000Z', userId: 'kim', client: 'ws-3', outcome: 'refused_locked', failures: 10 },
        { at: '2026-12-07T03:25:00.000Z', userId: 'kim', client: 'ws-3', outcome: 'wrong_credentials', failures: 10 },
        { at: '2026-12-07T03:24:00.000Z', userId: '', client: 'http-api', outcome: 'refused_throttled', failures: 0 },
      ],
    });
    expect(signInActivityHeadline(activity)).toEqual({ text: '11 failed or refused sign-ins in 24 h · locked: kim until 03:40 UTC (10 failures)', alarming: true });
    expect(signInFailureLines(activity, 2)).toEqual(['03:25 UTC kim: refused: account locked (10 in a row, ws-3)', '03:25 UTC kim: wrong password or unknown user (10 in a row, ws-3)']);
    expect(signInFailureLines(activity, 5)[2]).toBe('03:24 UTC (empty): refused: too soon after failures (0 in a row, http-api)');
  });
});
