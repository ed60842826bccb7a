import type { SignInActivity, SignInFailure } from '../../../app/host/signInActivity';

const outcomeLabels: Readonly<Record<SignInFailure['outcome'], string>> = {
  wrong_credentials: 'wrong password or unknown user',
  refused_locked: 'refused: account locked',
  refused_throttled: 'refused: too soon after failures',
};

const clockTime = (iso: string) => `${iso.slice(11, 16)} UTC`;

/** One line a supervisor reads at a glance: how many failed sign-ins today, which accounts are locked. */
export function signInActivityHeadline(activity: SignInActivity): { readonly text: string; readonly alarming: boolean } {
  const locked = activity.lockedAccounts.map((a) => `${a.userId} until ${clockTime(a.until)} (${a.failures} failures)`);
  const failures = activity.failuresLast24h === 0 ? 'No failed sign-ins in 24 h' : `${activity.failuresLast24h} failed or refused sign-in${activity.failuresLast24h === 1 ? '' : 's'} in 24 h`;
  const text = locked.length > 0 ? `${failures} · locked: ${locked.join(', ')}` : `${failures} · no account locked`;
  return { text, alarming: locked.length > 0 };
}

/** The latest failures, newest first, one line each. */
export function signInFailureLines(activity: SignInActivity, count: number): string[] {
  return activity.recentFailures.slice(0, count).map((f) => `${clockTime(f.at)} ${f.userId || '(empty)'}: ${outcomeLabels[f.outcome]} (${f.failures} in a row, ${f.client})`);
}
