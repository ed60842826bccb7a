import { formatOneIn } from '../../../../app/biometrics/calibration';
import type { DocumentFaceComparison } from '../../../../app/inspection/exit/departureRecord';
import type { ExitDocumentComparison } from '../../../../app/inspection/exit/exitDocumentCheck';

/** The 1:1 comparison as shown: what a departure records (a match, or not made) and, on the card only, a non-match. */
export type ShownDocumentComparison = DocumentFaceComparison | (Omit<Extract<DocumentFaceComparison, { outcome: 'match' }>, 'outcome'> & { readonly outcome: 'no_match' });

/** The exit rules' comparison in the shape the card and the review both word. */
export function shownDocumentComparison(comparison: ExitDocumentComparison): ShownDocumentComparison {
  const { documentNumber, nationality } = comparison.document;
  if (comparison.kind === 'not_compared') return { outcome: 'not_compared', documentNumber, nationality, reason: comparison.reason };
  const { decision, referenceSource, score, threshold, targetFmr, modelId, modelVersion, calibrationVersion } = comparison;
  return { outcome: decision, documentNumber, nationality, referenceSource, score, threshold, targetFmr, modelId, modelVersion, calibrationVersion };
}

/** One line for the face compared with the document presented (1:1): the card and the review say it in these words. */
export function documentComparisonText(c: ShownDocumentComparison): string {
  const document = `document ${c.nationality ?? '(nationality unread)'} ${c.documentNumber}`;
  if (c.outcome === 'not_compared') return `Face NOT compared with the ${document} (1:1 not made: ${c.reason})`;
  const verdict = c.outcome === 'match' ? 'Face matches' : 'Face does NOT match';
  const photo = c.referenceSource === 'chip' ? 'chip photo' : 'printed photo';
  return `${verdict} the ${document} (1:1, ${photo}): score ${c.score.toFixed(3)} vs threshold ${c.threshold.toFixed(3)} at FMR ${formatOneIn(c.targetFmr)} · model ${c.modelId} v${c.modelVersion}, calibration ${c.calibrationVersion}`;
}
