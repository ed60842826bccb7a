import type { Reason } from '../../../app/inspection/reasons';

/** The rules' reasons, most serious first, each with its severity. */
export function ReasonList({ reasons, testId }: { reasons: readonly Reason[]; testId: string }) {
  const order = { mandatory: 0, refer: 1, warning: 2, info: 3 } as const;
  const sorted = [...reasons].sort((a, b) => order[a.severity] - order[b.severity]);
  if (sorted.length === 0) return null;
  return (
    <ul className="reasons" data-testid={testId}>
      {sorted.map((reason, i) => (
        <li key={`${reason.code}-${i}`} className={`reason severity-${reason.severity}`} data-code={reason.code}>
          {reason.message}
        </li>
      ))}
    </ul>
  );
}
