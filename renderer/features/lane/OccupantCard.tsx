import { mrzFieldValue } from '../../../app/document/mrz/parseMrz';
import type { Occupant } from '../../../app/inspection/assembleVehicleSession';
import type { Recommendation } from '../../../app/inspection/evaluateVehicleSession';
import type { DecisionState } from '../../state/laneSlice';
import { ChipSummary } from './ChipSummary';
import { dataUrl } from './encodedImages';
import { occupantStatusText } from './occupantStatusText';
import { ReasonList } from './ReasonList';
import { RecommendationLine } from './RecommendationLine';

/** One person in the vehicle: the live best shot beside their photos, the match, papers, chip and flags. */
export function OccupantCard({ occupant, recommendation, decision, selected, index }: { occupant: Occupant; recommendation: Recommendation | undefined; decision: DecisionState | undefined; selected: boolean; index: number }) {
  const identity = occupant.identity;
  const document = identity?.document;
  const record = identity?.record;
  const match = occupant.match ?? occupant.bestComparison;
  const worst = document ? (document.rules.findings.some((f) => f.severity === 'refuse') ? 'refuse' : document.rules.findings.some((f) => f.severity === 'warn') ? 'warn' : 'valid') : null;
  const validity = worst === 'refuse' ? 'Document REFUSED' : worst === 'warn' ? 'Document: check the findings' : worst === 'valid' ? `Document valid${document?.rules.expiresOn ? ` to ${document.rules.expiresOn}` : ''}` : null;
  return (
    <article className={`panel occupant-card status-${occupant.status}${selected ? ' selected' : ''}`} data-testid="occupant-card" data-status={occupant.status} data-selected={selected} aria-current={selected}>
      <header className="occupant-title">
        <span className="occupant-index">{index + 1}</span>
        <h3 data-testid="occupant-name">{identity?.name ?? 'Unknown person'}</h3>
      </header>
      <div className="occupant-photos">
        <figure>
          {occupant.face?.bestShot ? <img src={dataUrl(occupant.face.bestShot)} alt="Best live shot" data-testid="best-shot" /> : <div className="no-photo">{occupant.status === 'opted_out' ? 'No photo kept' : 'No face'}</div>}
          <figcaption>Live</figcaption>
        </figure>
        {identity?.references.map((reference, i) => (
          <figure key={`${reference.source}-${i}`}>
            <img src={dataUrl(reference.image)} alt={`${reference.source} photo`} />
            <figcaption>{reference.source}</figcaption>
          </figure>
        ))}
      </div>
      <p className={`occupant-status`} data-testid="occupant-status">
        {occupantStatusText[occupant.status]}
      </p>
      {occupant.face && occupant.seenAgain && occupant.seenAgain.length > 0 && (
        // One person seen as several tracks (by several cameras, or lost and seen again): named, so the officer knows why one card.
        <p className="occupant-tracks" data-testid="occupant-cameras">
          Seen as {occupant.seenAgain.length + 1} tracks by {[...new Set([occupant.face, ...occupant.seenAgain].map((f) => f.cameraId))].join(', ')}
        </p>
      )}
      {match && (
        <p className={`occupant-match match-${match.decision}`} data-testid="occupant-match" data-decision={match.decision}>
          <strong>{match.decision === 'match' ? 'Face matches' : 'Face does NOT match'}</strong> · false-match rate {match.falseMatchRate.text}
        </p>
      )}
      {identity && (
        <dl className="occupant-fields">
          <div>
            <dt>Document</dt>
            <dd>{identity.documentNumber ?? (identity.rfidCards[0] ? `card ${identity.rfidCards[0].reference}` : '—')}</dd>
          </div>
          <div>
            <dt>Nationality</dt>
            <dd>{identity.nationality ?? '—'}</dd>
          </div>
          <div>
            <dt>Born</dt>
            <dd>{identity.birthDate ?? '—'}</dd>
          </div>
          {document && (
            <div>
              <dt>Expires</dt>
              <dd>{mrzFieldValue(document.mrz, 'expirationDate') ?? '—'}</dd>
            </div>
          )}
          <div>
            <dt>Record</dt>
            <dd data-testid="occupant-record">{record ? `${record.recordId}${record.alerts.length > 0 ? ` · ${record.alerts.length} alert(s)` : ''}` : identity.recordStatus === 'unavailable' ? 'unavailable' : identity.recordStatus === 'not_found' ? 'none found' : 'checking…'}</dd>
          </div>
        </dl>
      )}
      {validity && <p className={`document-validity verdict-${worst}`}>{validity}</p>}
      {document && <ChipSummary report={document.chip ?? null} />}
      {recommendation && (
        <>
          <RecommendationLine recommendation={recommendation} decision={decision} testId="occupant-recommendation" />
          <ReasonList reasons={recommendation.reasons.filter((r) => r.code !== 'face_matched')} testId="occupant-reasons" />
        </>
      )}
    </article>
  );
}
