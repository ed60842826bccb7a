import { useMemo } from 'react';
import { mrzFieldValue, parseMrz, type MrzParseResult } from '../../../app/document/mrz/parseMrz';
import { evaluateDocumentRules } from '../../../app/document/rules/evaluateDocumentRules';
import type { ChipReport } from '../../../app/ports/chipReport';
import type { DocumentRead } from '../../../app/ports/documentRead';
import type { LaneType } from '../../../app/settings/boothSettings';
import { useBooth } from '../../state/StoreContext';
import { ChipBadge } from './ChipBadge';
import { DocumentFindings } from './DocumentFindings';

const shownFields = [
  ['documentNumber', 'Document number'],
  ['documentCode', 'Document type'],
  ['issuingState', 'Issuing state'],
  ['nationality', 'Nationality'],
  ['birthDate', 'Date of birth'],
  ['sex', 'Sex'],
  ['expirationDate', 'Date of expiry'],
] as const;

/** The traveller in front of the officer, filled from the latest document read. */
export function TravellerCard() {
  const read = useBooth((state) => state.documentRead);
  const showRawMrz = useBooth((state) => state.showRawMrz);
  const chipReport = useBooth((state) => state.chipReport);
  const lane = useBooth((state) => state.info?.laneType ?? 'pedestrian');

  return (
    <section className="panel traveller-card" aria-labelledby="traveller-title" data-testid="traveller-card">
      <div className="panel-title">
        <h2 id="traveller-title">Traveller</h2>
      </div>
      {read ? <DocumentDetails read={read} showRawMrz={showRawMrz} lane={lane} chipReport={chipReport} /> : <p className="placeholder">Waiting for a document. Place the passport on the reader.</p>}
    </section>
  );
}

function DocumentDetails({ read, showRawMrz, lane, chipReport }: { read: DocumentRead; showRawMrz: boolean; lane: LaneType; chipReport: ChipReport | null }) {
  // Dates are judged as of the moment of the read, so a card left open does not change its verdict.
  const readAt = useMemo(() => new Date(read.readAt), [read]);
  const result: MrzParseResult = useMemo(() => parseMrz(read.mrz, { today: readAt }), [read, readAt]);
  const report = useMemo(() => evaluateDocumentRules(result, { today: readAt, lane }), [result, readAt, lane]);
  const name = [mrzFieldValue(result, 'lastName'), mrzFieldValue(result, 'firstName')].filter(Boolean).join(', ');
  const checkDigits = result.fields.filter((field) => field.name.endsWith('CheckDigit'));

  return (
    <div className="document-details">
      <div className="photos">
        {read.photo && <img className="document-photo" src={`data:${read.photo.mediaType};base64,${read.photo.base64}`} alt="Photo printed on the document" data-testid="document-photo" />}
        {chipReport?.photo && <img className="document-photo" src={`data:${chipReport.photo.mediaType};base64,${chipReport.photo.base64}`} alt="Photo stored on the chip" data-testid="chip-photo" />}
      </div>
      <div className="document-fields">
        <p className="traveller-name" data-testid="traveller-name">
          {name || 'Name unreadable'}
        </p>
        <p className={`mrz-verdict ${result.valid ? 'valid' : 'invalid'}`} data-testid="mrz-verdict">
          {result.valid ? 'MRZ valid' : `MRZ invalid: ${result.errors.map((error) => error.message).join('; ')}`} ({result.format ?? 'unknown format'})
        </p>
        <dl>
          {shownFields.map(([field, label]) => (
            <div key={field} className="field">
              <dt>{label}</dt>
              <dd data-testid={`field-${field}`}>{mrzFieldValue(result, field) ?? '—'}</dd>
            </div>
          ))}
        </dl>
        <DocumentFindings report={report} result={result} />
        <ul className="check-digits" aria-label="Check digits">
          {checkDigits.map((field) => (
            <li key={field.name} className={field.valid ? 'pass' : 'fail'} title={field.error?.message}>
              {field.valid ? '✓' : '✗'} {field.name.replace(/CheckDigit$/, '').replace(/([A-Z])/g, ' $1').toLowerCase()}
            </li>
          ))}
        </ul>
        <ChipBadge report={chipReport} />
        {showRawMrz && (
          <pre className="raw-mrz" data-testid="raw-mrz">
            {read.mrz.join('\n')}
          </pre>
        )}
      </div>
    </div>
  );
}
