import { z } from 'zod';

/**
 * What supervisors see of sign-in guessing (`auth:signInActivity`): the recent failed and refused sign-ins and the
 * accounts locked now. An attempted user id is shown as typed (cut to 40 characters), known or not: the host answers
 * an unknown id exactly as a wrong password, so the list is where guessing shows.
 */

/** wrong_credentials: a password was checked and was wrong (or the user is unknown); the other two were refused unchecked. */
export const signInFailureOutcomeSchema = z.enum(['wrong_credentials', 'refused_locked', 'refused_throttled']);
export type SignInFailureOutcome = z.infer<typeof signInFailureOutcomeSchema>;

export const signInFailureSchema = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  userId: z.string().max(40),
  /** Which connection it came from (a WebSocket session, the HTTP API, the Electron window). */
  client: z.string().max(60),
  outcome: signInFailureOutcomeSchema,
  /** Consecutive failures of that account so far. */
  failures: z.number().int().min(0),
});
export type SignInFailure = z.infer<typeof signInFailureSchema>;

export const lockedAccountSchema = z.strictObject({ userId: z.string().max(40), until: z.iso.datetime({ offset: true }), failures: z.number().int().min(0) });
export type LockedAccount = z.infer<typeof lockedAccountSchema>;

export const signInActivitySchema = z.strictObject({
  /** Failed and refused sign-ins of the last 24 hours, newest first (at most `maxRecentSignInFailures`). */
  recentFailures: z.array(signInFailureSchema).max(200),
  /** All of them in the last 24 hours, including those no longer listed. */
  failuresLast24h: z.number().int().min(0),
  lockedAccounts: z.array(lockedAccountSchema).max(1000),
  /** The policy in force (settings `signInLockoutFailures`, `signInLockoutMinutes`). */
  lockoutFailures: z.number().int().min(1),
  lockoutMinutes: z.number().min(1),
});
export type SignInActivity = z.infer<typeof signInActivitySchema>;

export const maxRecentSignInFailures = 200;
