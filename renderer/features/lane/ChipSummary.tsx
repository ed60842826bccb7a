import type { ChipReport } from '../../../app/ports/chipReport';
import type { ChipVerdict } from '../../../app/document/lds/chipVerdict';
import { cloneChecksNotMade } from '../../../app/inspection/chipVerdictRules';
import { chipCheckLabel } from './chipCheckLabels';

const statusMarks = { passed: '✓', failed: '✗', not_possible: '–' } as const;

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

/**
 * The chip's verdict (verified, not verifiable, failed) on one line; an occupant card lists the checks that
 * failed (and, when the chip is not verifiable, those that could not be made; a clone check the chip offered and
 * that could not be made, always), the one-traveller card
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
  // A clone check the chip offered and that could not be made is listed whatever the verdict (its own reason refers it).
  const cloneNotMade = cloneChecksNotMade(report.checks);
  const listed = allChecks
    ? report.checks
    : report.checks.filter((check) => check.status === 'failed' || (report.verdict === 'not_verifiable' && check.status === 'not_possible') || cloneNotMade.includes(check));
  const passed = report.checks.filter((check) => check.status === 'passed').length;
  return (
    <div className={`chip-summary ${report.verdict}`} data-testid="chip-badge" data-verdict={report.verdict}>
      <strong>{headline(report.verdict, report.verdictReason)}</strong> <span className="chip-count">({passed} of {report.checks.length} checks passed)</span>
      {listed.length > 0 && (
        <ul aria-label="Chip checks">
          {listed.map((check, i) => (
            <li key={`${check.check}-${check.dg ?? i}`} className={`chip-check ${check.status}`} data-check={check.check} data-status={check.status}>
              {statusMarks[check.status]} {chipCheckLabel(check)}
              {cloneNotMade.includes(check) ? ' offered by the chip, not made' : ''}
              {check.reason && check.status !== 'passed' ? `: ${check.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
