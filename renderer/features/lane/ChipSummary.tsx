import type { ChipReport } from '../../../app/ports/chipReport';
import type { ChipVerdict } from '../../../app/document/lds/chipVerdict';
import { chipCheckLabel } from '../booth/chipCheckLabels';

/** The headline of each verdict; not verifiable names why (e.g. no CSCA for the state in the trust list). */
function headline(verdict: ChipVerdict, reason: string | undefined): string {
  switch (verdict) {
    case 'verified':
      return '✓ Chip verified';
    case 'failed':
      return '✗ Chip check FAILED';
    case 'not_verifiable':
      return `⚠ ${reason ?? 'Chip data not verifiable'}`;
  }
}

/** The chip's verdict on one line for an occupant card; failed checks and checks that could not be made are listed. */
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
    <div className={`chip-summary ${report.verdict}`} data-testid="chip-badge" data-verdict={report.verdict}>
      <strong>{headline(report.verdict, report.verdictReason)}</strong> <span className="chip-count">({passed} of {report.checks.length} checks passed)</span>
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
