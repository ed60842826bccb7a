import { useMemo } from 'react';
import { mrzFieldValue, parseMrz, type MrzParseResult } from '../../../app/document/mrz/parseMrz';
import type { DocumentRead } from '../../../app/ports/documentRead';
import { useBooth } from '../../state/StoreContext';

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

  return (
    <section className="panel traveller-card" aria-labelledby="traveller-title" data-testid="traveller-card">
      <div className="panel-title">
        <h2 id="traveller-title">Traveller</h2>
      </div>
      {read ? <DocumentDetails read={read} showRawMrz={showRawMrz} /> : <p className="placeholder">Waiting for a document. Place the passport on the reader.</p>}
    </section>
  );
}

function DocumentDetails({ read, showRawMrz }: { read: DocumentRead; showRawMrz: boolean }) {
  const result: MrzParseResult = useMemo(() => parseMrz(read.mrz), [read]);
  const name = [mrzFieldValue(result, 'lastName'), mrzFieldValue(result, 'firstName')].filter(Boolean).join(', ');
  const checkDigits = result.fields.filter((field) => field.name.endsWith('CheckDigit'));

  return (
    <div className="document-details">
      {read.photo && <img className="document-photo" src={`data:${read.photo.mediaType};base64,${read.photo.base64}`} alt="Photo from the document" data-testid="document-photo" />}
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
        <ul className="check-digits" aria-label="Check digits">
          {checkDigits.map((field) => (
            <li key={field.name} className={field.valid ? 'pass' : 'fail'} title={field.error?.message}>
              {field.valid ? '✓' : '✗'} {field.name.replace(/CheckDigit$/, '').replace(/([A-Z])/g, ' $1').toLowerCase()}
            </li>
          ))}
        </ul>
        {showRawMrz && (
          <pre className="raw-mrz" data-testid="raw-mrz">
            {read.mrz.join('\n')}
          </pre>
        )}
      </div>
    </div>
  );
}
