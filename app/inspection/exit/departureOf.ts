import type { DepartureGalleryEntry } from '../../ports/departureGallery';
import { documentChipNotVerifiedBecause, documentTravellerId, type ExitDocument, type ExitDocumentComparison } from './exitDocumentCheck';
import type { DepartureEvidence, DepartureRecord, DocumentChipStanding, DocumentFaceComparison } from './departureRecord';
import type { ExitOccupantAssessment } from './exitOccupantRules';
import { overstayDaysOf } from './stayLength';

/** Where and by whom departures are confirmed: the same for every occupant of one vehicle. */
export interface DepartureContext {
  readonly departedAt: string;
  readonly boothId: string;
  readonly port: string;
  readonly lane: DepartureRecord['lane'];
  readonly plate: string | null;
  readonly sessionId: string;
  readonly officer: string;
  readonly versions: DepartureRecord['versions'];
}

/**
 * The departure record of a confirmed occupant, or null when none is sent: a held occupant, a U.S. citizen (no
 * biometric departure record under the policy), an opt-out the policy does not record. An opt-out that is recorded
 * says so (`opt_out` evidence: the documents were inspected, no face was used). An ambiguity the officer resolved
 * keeps the candidates they chose among.
 */
export function departureOf(assessment: ExitOccupantAssessment, departureId: string, context: DepartureContext): DepartureRecord | null {
  if (!assessment.confirmable || !assessment.recordsDeparture) return null;
  const record = (travellerId: string, evidence: DepartureEvidence, overstayDays: number | null, alerts: DepartureGalleryEntry['alerts']): DepartureRecord => ({
    departureId,
    travellerId,
    departedAt: context.departedAt,
    boothId: context.boothId,
    port: context.port,
    lane: context.lane,
    direction: 'exit',
    plate: context.plate,
    sessionId: context.sessionId,
    officer: context.officer,
    evidence,
    overstayDays,
    alerts: alerts.map(({ alertId, kind }) => ({ alertId, kind })),
    versions: context.versions,
  });
  const { outcome } = assessment;
  switch (outcome.kind) {
    case 'opt_out':
      return outcome.entry ? record(outcome.entry.travellerId, { method: 'opt_out', declaredAt: outcome.declaredAt }, outcome.stay ? overstayDaysOf(outcome.stay) : null, outcome.entry.alerts) : null;
    case 'departure_confirmed':
    case 'identified_with_alert':
    case 'citizen': {
      const { candidate, entry } = outcome;
      const choice = candidate.officerChoice;
      const evidence: DepartureEvidence = {
        method: 'face_identification',
        trackId: candidate.trackId,
        candidateId: candidate.travellerId,
        score: candidate.score,
        threshold: candidate.threshold,
        calibratedFpir: candidate.calibratedFpir,
        gallerySize: candidate.gallerySize,
        ...(choice ? { officerChoice: { among: choice.among.map(({ travellerId, score }) => ({ candidateId: travellerId, score })), chosenAt: choice.chosenAt } } : {}),
        ...(assessment.presentationAttack ? { presentationAttack: assessment.presentationAttack } : {}),
        ...(assessment.presentationAttackOverride ? { presentationAttackOverride: assessment.presentationAttackOverride } : {}),
        ...(assessment.documentComparison ? { documentComparison: documentFaceComparisonOf(assessment.documentComparison), documentChip: documentChipStandingOf(assessment.documentComparison.document) } : {}),
      };
      return record(entry.travellerId, evidence, outcome.kind === 'citizen' ? null : overstayDaysOf(outcome.stay), entry.alerts);
    }
    case 'identified_by_document':
      return record(documentTravellerId(outcome.document), { method: 'document', documentNumber: outcome.document.documentNumber, faceComparison: documentFaceComparisonOf(outcome.comparison), noEntryRecord: true, documentChip: documentChipStandingOf(outcome.document) }, null, []);
    default:
      return null;
  }
}

/** The 1:1 comparison with the document as the departure keeps it (only a match or a comparison not made reaches a record). */
export function documentFaceComparisonOf(comparison: ExitDocumentComparison): DocumentFaceComparison {
  const { documentNumber, nationality } = comparison.document;
  if (comparison.kind === 'not_compared') return { outcome: 'not_compared', documentNumber, nationality, reason: comparison.reason };
  if (comparison.decision !== 'match') throw new RangeError('a face that does not match the document is held: no departure is recorded on it');
  const { referenceSource, score, threshold, targetFmr, modelId, modelVersion, calibrationVersion } = comparison;
  return { outcome: 'match', documentNumber, nationality, referenceSource, score, threshold, targetFmr, modelId, modelVersion, calibrationVersion };
}

/** Longest reason a departure keeps (the schema's limit): a longer one is cut, never a reason to lose the departure. */
const reasonLimit = 300;

/** The document's chip as the departure keeps it: its verdict, or `not_read`, with the booth's reason when it did not verify it. */
export function documentChipStandingOf(document: ExitDocument): DocumentChipStanding {
  const verdict = document.chip?.verdict ?? 'not_read';
  if (verdict === 'verified') return { verdict };
  const reason = document.chip?.reason ?? (document.chip ? undefined : documentChipNotVerifiedBecause(document));
  return { verdict, ...(reason ? { reason: reason.slice(0, reasonLimit) } : {}) };
}
