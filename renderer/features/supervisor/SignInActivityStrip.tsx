import { useEffect, useState } from 'react';
import type { SignInActivity } from '../../../app/host/signInActivity';
import { useHost } from '../../state/StoreContext';
import { signInActivityHeadline, signInFailureLines } from './signInActivitySummary';

/** How often the strip asks again: a lock or a burst of guesses shows within this time. */
const refreshMs = 15_000;

/**
 * Above the review queue: failed and refused sign-ins of the last 24 hours and the accounts locked now (the host's
 * sign-in throttle), so a supervisor sees guessing while it happens. The latest failures are listed beneath.
 */
export function SignInActivityStrip() {
  const host = useHost();
  const [activity, setActivity] = useState<SignInActivity | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      void host.call('auth:signInActivity', {}).then((result) => {
        if (!live) return;
        if (result.ok) {
          setActivity(result.value);
          setProblem(null);
        } else setProblem(`Sign-in activity unavailable: ${result.error.message}`);
      });
    load();
    const timer = setInterval(load, refreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [host]);

  if (problem) return <p className="sign-in-activity notice-warning" data-testid="sign-in-activity">{problem}</p>;
  if (!activity) return null;
  const headline = signInActivityHeadline(activity);
  const lines = signInFailureLines(activity, 3);
  return (
    <section className={`sign-in-activity${headline.alarming ? ' alarming' : ''}`} aria-label="Sign-in activity" data-testid="sign-in-activity">
      <strong>{headline.text}</strong>
      {lines.length > 0 && <span className="muted"> · latest: {lines.join(' · ')}</span>}
    </section>
  );
}
