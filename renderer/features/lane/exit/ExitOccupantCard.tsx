import type { ExitCandidate, ExitOccupantAssessment } from '../../../../app/inspection/exit/exitOccupantRules';
import type { DepartureGalleryEntry } from '../../../../app/ports/departureGallery';
import type { EncodedImage } from '../../../../app/ports/documentRead';
import { dataUrl } from '../encodedImages';
import { ReasonList } from '../ReasonList';
import { documentComparisonText, shownDocumentComparison } from './documentComparisonText';
import { exitHeadlineOf, exitOccupantStateText, exitStatusOf } from './exitOutcomeText';

function Candidate({ entry, candidate, number }: { entry: DepartureGalleryEntry | null; candidate: ExitCandidate; number?: number }) {
  const photo = entry?.entryPhotos[0]?.image ?? entry?.documentPhotos[0]?.image;
  const choice = candidate.officerChoice;
  return (
    <div className="exit-candidate" data-testid="exit-candidate" data-traveller={candidate.travellerId}>
      {number !== undefined && <kbd data-testid="exit-candidate-key">{number}</kbd>}
      {photo && <img src={dataUrl(photo)} alt="Gallery photo" />}
      <span data-testid="exit-candidate-name">{entry ? `${entry.surname}, ${entry.givenNames}` : candidate.travellerId}</span>
      {entry && <span>{entry.citizenship}{entry.classOfAdmission ? ` · ${entry.classOfAdmission}` : ''} · admitted until {entry.admitUntil ?? 'duration of status'}</span>}
      <span data-testid="exit-candidate-score">
        score {candidate.score.toFixed(3)} (threshold {candidate.threshold.toFixed(3)}) · false-positive identification rate {candidate.calibratedFpir.text} in a gallery of {candidate.gallerySize}
      </span>
      {choice && <span data-testid="exit-officer-choice">Chosen by the officer among {choice.among.length} look-alike candidates</span>}
    </div>
  );
}

/**
 * One person leaving: the live best shot (none once they opted out of photography), what the exit rules found, and
 * the gallery candidate(s) with their evidence; an ambiguous occupant's look-alikes numbered by the key that picks them;
 * the officer's current choice (`choice`) and how to change or undo it.
 */
export function ExitOccupantCard({ assessment, bestShot, index, selected, recorded, choice }: { assessment: ExitOccupantAssessment; bestShot: EncodedImage | undefined; index: number; selected: boolean; recorded: boolean; choice: string | null }) {
  const { outcome } = assessment;
  const identified = outcome.kind === 'departure_confirmed' || outcome.kind === 'identified_with_alert' || outcome.kind === 'citizen' || outcome.kind === 'document_conflict' || outcome.kind === 'identified_document_unverified';
  const candidates = outcome.kind === 'ambiguous' ? outcome.candidates : identified ? [{ entry: outcome.entry, candidate: outcome.candidate }] : [];
  const document = assessment.documentComparison;
  const optedOut = outcome.kind === 'opt_out';
  return (
    <article
      className={`panel occupant-card exit-${exitStatusOf(assessment)}${selected ? ' selected' : ''}`}
      data-testid="exit-occupant-card"
      data-status={exitStatusOf(assessment)}
      data-selected={selected}
      aria-current={selected}
      data-confirmable={assessment.confirmable}
      data-records-departure={assessment.recordsDeparture}
    >
      <header className="occupant-title">
        <span className="occupant-index">{index + 1}</span>
        <h3 data-testid="exit-outcome">{exitHeadlineOf(assessment)}</h3>
      </header>
      <div className="occupant-photos">
        <figure>
          {optedOut ? <div className="no-photo">No photo: opted out</div> : bestShot ? <img src={dataUrl(bestShot)} alt="Best live shot" data-testid="best-shot" /> : <div className="no-photo">No face</div>}
          <figcaption>Live</figcaption>
        </figure>
      </div>
      {candidates.map(({ entry, candidate }, i) => (
        <Candidate key={candidate.travellerId} entry={entry} candidate={candidate} {...(outcome.kind === 'ambiguous' ? { number: i + 1 } : {})} />
      ))}
      {document && (
        <p className={`exit-document-comparison${document.kind === 'compared' && document.decision === 'match' ? '' : ' warn'}`} data-testid="exit-document-comparison" data-outcome={document.kind === 'compared' ? document.decision : 'not_compared'}>
          {documentComparisonText(shownDocumentComparison(document))}
        </p>
      )}
      {choice && (
        <p className="exit-officer-choice" data-testid="exit-officer-choice-line">
          {choice}
        </p>
      )}
      <ReasonList reasons={assessment.reasons} testId="exit-reasons" />
      <p data-testid="exit-occupant-state">{exitOccupantStateText(assessment, recorded)}</p>
    </article>
  );
}
