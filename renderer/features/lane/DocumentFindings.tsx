import type { DocumentRuleReport } from '../../../app/document/rules/evaluateDocumentRules';
import type { MrzParseResult } from '../../../app/document/mrz/parseMrz';

const severityLabels = { refuse: 'Refer', warn: 'Check', info: 'Note' } as const;

/** What the document rules found (expiry, age bands, lane), and OCR corrections a check digit proves. */
export function DocumentFindings({ report, result }: { report: DocumentRuleReport; result: MrzParseResult }) {
  return (
    <div className="document-findings">
      <p className="document-facts">
        {report.ageYears !== null && <span data-testid="traveller-age">Age {report.ageYears}</span>}
        {report.daysUntilExpiry !== null && report.daysUntilExpiry >= 0 && <span>Valid {report.daysUntilExpiry} more days</span>}
      </p>
      {report.findings.length > 0 && (
        <ul className="findings" aria-label="Document findings" data-testid="document-findings">
          {report.findings.map((finding) => (
            <li key={finding.code} className={`finding finding-${finding.severity}`} data-code={finding.code}>
              <strong>{severityLabels[finding.severity]}</strong> {finding.message}
            </li>
          ))}
        </ul>
      )}
      {result.corrections.length > 0 && (
        <ul className="corrections" aria-label="Possible misreads" data-testid="mrz-corrections">
          {result.corrections.map((correction) => (
            <li key={`${correction.line}:${correction.position}`}>
              Possible misread in {correction.field}: “{correction.from}” may be “{correction.to}” ({correction.reason})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
