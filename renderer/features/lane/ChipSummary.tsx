import type { ChipReport } from '../../../app/ports/chipReport';
import { chipCheckLabel } from '../booth/chipCheckLabels';

/** The chip's verdict on one line for an occupant card; only failed checks are listed (the booth card lists all). */
export function ChipSummary({ report }: { report: ChipReport | null }) {
  if (!report) {
    return (
      <p className="chip-summary pending" data-testid="chip-badge" data-verdict="pending">
        Chip: reading…
      </p>
    );
  }
  if (report.outcome === 'failed') {
    return (
      <p className="chip-summary failed" data-testid="chip-badge" data-verdict="unread">
        Chip not read: {report.error?.message ?? 'the chip could not be read'}
      </p>
    );
  }
  const failed = report.checks.filter((check) => check.status === 'failed');
  const passed = report.checks.filter((check) => check.status === 'passed').length;
  return (
    <div className={`chip-summary ${report.passed ? 'verified' : 'failed'}`} data-testid="chip-badge" data-verdict={report.passed ? 'verified' : 'failed'}>
      <strong>{report.passed ? '✓ Chip verified' : '✗ Chip check FAILED'}</strong> <span className="chip-count">({passed} of {report.checks.length} checks passed)</span>
      {failed.length > 0 && (
        <ul>
          {failed.map((check, i) => (
            <li key={`${check.check}-${i}`}>
              ✗ {chipCheckLabel(check)}
              {check.reason ? `: ${check.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
