import type { ChipReport } from '../../../app/ports/chipReport';
import { chipCheckLabel } from './chipCheckLabels';

const statusMarks = { passed: '✓', failed: '✗', not_possible: '–' } as const;

/**
 * The chip's verdict on one line; an occupant card lists only the failed checks, the one-traveller card
 * (`allChecks`) every check behind the verdict, each passed, failed (with why) or not possible.
 */
export function ChipSummary({ report, allChecks = false }: { report: ChipReport | null; allChecks?: boolean }) {
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
  const listed = allChecks ? report.checks : report.checks.filter((check) => check.status === 'failed');
  const passed = report.checks.filter((check) => check.status === 'passed').length;
  return (
    <div className={`chip-summary ${report.passed ? 'verified' : 'failed'}`} data-testid="chip-badge" data-verdict={report.passed ? 'verified' : 'failed'}>
      <strong>{report.passed ? '✓ Chip verified' : '✗ Chip check FAILED'}</strong> <span className="chip-count">({passed} of {report.checks.length} checks passed)</span>
      {listed.length > 0 && (
        <ul aria-label="Chip checks">
          {listed.map((check, i) => (
            <li key={`${check.check}-${check.dg ?? i}`} className={`chip-check ${check.status}`} data-check={check.check} data-status={check.status}>
              {statusMarks[check.status]} {chipCheckLabel(check)}
              {check.reason && check.status !== 'passed' ? `: ${check.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
