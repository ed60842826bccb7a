import type { ChipReport } from '../../../app/ports/chipReport';
import { chipCheckLabel } from './chipCheckLabels';

const statusMarks = { passed: '✓', failed: '✗', not_possible: '–' } as const;

/** The chip's verdict and every security check behind it, each passed, failed (with why) or not possible. */
export function ChipBadge({ report }: { report: ChipReport | null }) {
  if (!report) {
    return (
      <section className="chip-badge pending" data-testid="chip-badge" data-verdict="pending">
        <h3>Chip: reading…</h3>
      </section>
    );
  }
  if (report.outcome === 'failed') {
    return (
      <section className="chip-badge failed" data-testid="chip-badge" data-verdict="unread">
        <h3>
          Chip not read: press <kbd>H</kbd> to read again
        </h3>
        <p role="alert">{report.error?.message ?? 'the chip could not be read'}</p>
      </section>
    );
  }
  const verdict = report.verdict;
  return (
    <section className={`chip-badge ${verdict}`} data-testid="chip-badge" data-verdict={verdict}>
      <h3>{verdict === 'verified' ? 'Chip verified' : verdict === 'failed' ? 'Chip check FAILED' : (report.verdictReason ?? 'Chip data not verifiable')}</h3>
      <ul aria-label="Chip checks">
        {report.checks.map((check, index) => (
          <li key={`${check.check}-${check.dg ?? index}`} className={`chip-check ${check.status}`} data-check={check.check} data-status={check.status}>
            <span aria-hidden="true">{statusMarks[check.status]}</span> {chipCheckLabel(check)}
            {check.reason && check.status !== 'passed' && <span className="reason">: {check.reason}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
