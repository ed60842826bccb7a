import { useEffect, useState } from 'react';

function elapsed(sinceIso: string, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - Date.parse(sinceIso)) / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Time since the vehicle arrived, ticking every second: how long this car has waited. */
export function ArrivalTimer({ since }: { since: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="arrival-timer" data-testid="arrival-timer" title={`Arrived ${new Date(since).toLocaleTimeString()}`}>
      arrived {elapsed(since, now)} ago
    </span>
  );
}
