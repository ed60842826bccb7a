import { mrzFieldValue } from '../../../app/document/mrz/parseMrz';
import type { IdentityDocument, SessionIdentity } from '../../../app/inspection/sessionIdentities';
import type { ReferenceEmbedding } from '../../state/laneSlice';
import { ChipSummary } from './ChipSummary';
import { DocumentFindings } from './DocumentFindings';
import { dataUrl, imageKey } from './encodedImages';

const shownFields = [
  ['documentNumber', 'Document number'],
  ['documentCode', 'Document type'],
  ['issuingState', 'Issuing state'],
  ['nationality', 'Nationality'],
  ['birthDate', 'Date of birth'],
  ['sex', 'Sex'],
  ['expirationDate', 'Date of expiry'],
] as const;

const photoTestIds = { document: 'document-photo', chip: 'chip-photo', gallery: 'gallery-photo' } as const;
const photoLabels = { document: 'Photo printed on the document', chip: 'Photo stored on the chip', gallery: 'Photo from an earlier crossing' } as const;

/**
 * The traveller at the desk, as the lane session holds them (the same identity the decision rules judge):
 * the document with its MRZ and document rules, the chip, the records' photos, and for each photo whether
 * it can serve as a reference for the face match.
 */
export function TravellerCard({ identity, references, showRawMrz }: { identity: SessionIdentity | undefined; references: Readonly<Record<string, ReferenceEmbedding>>; showRawMrz: boolean }) {
  return (
    <section className="panel traveller-card" aria-labelledby="traveller-title" data-testid="traveller-card">
      <div className="panel-title">
        <h2 id="traveller-title">Traveller</h2>
      </div>
      {identity?.document ? (
        <div className="document-details">
          <div className="photos">
            {identity.references.map((reference, index) => {
              const state = references[imageKey(reference.image)];
              return (
                <figure key={`${reference.source}-${index}`} className="reference-photo">
                  <img className="document-photo" src={dataUrl(reference.image)} alt={photoLabels[reference.source]} data-testid={photoTestIds[reference.source]} />
                  <figcaption data-reference={state?.phase ?? 'waiting'}>
                    {reference.source}
                    {state?.phase === 'error' && <span className="reference-refused"> · no usable reference photo: {state.message}</span>}
                  </figcaption>
                </figure>
              );
            })}
          </div>
          <DocumentDetails document={identity.document} showRawMrz={showRawMrz} />
        </div>
      ) : (
        <p className="placeholder">Waiting for a document. Place the passport on the reader.</p>
      )}
    </section>
  );
}

function DocumentDetails({ document, showRawMrz }: { document: IdentityDocument; showRawMrz: boolean }) {
  const { mrz, rules, read } = document;
  const name = [mrzFieldValue(mrz, 'lastName'), mrzFieldValue(mrz, 'firstName')].filter(Boolean).join(', ');
  const checkDigits = mrz.fields.filter((field) => field.name.endsWith('CheckDigit'));
  return (
    <div className="document-fields">
      <p className="traveller-name" data-testid="traveller-name">
        {name || 'Name unreadable'}
      </p>
      <p className={`mrz-verdict ${mrz.valid ? 'valid' : 'invalid'}`} data-testid="mrz-verdict">
        {mrz.valid ? 'MRZ valid' : `MRZ invalid: ${mrz.errors.map((error) => error.message).join('; ')}`} ({mrz.format ?? 'unknown format'})
      </p>
      <dl>
        {shownFields.map(([field, label]) => (
          <div key={field} className="field">
            <dt>{label}</dt>
            <dd data-testid={`field-${field}`}>{mrzFieldValue(mrz, field) ?? '—'}</dd>
          </div>
        ))}
      </dl>
      <DocumentFindings report={rules} result={mrz} />
      <ul className="check-digits" aria-label="Check digits">
        {checkDigits.map((field) => (
          <li key={field.name} className={field.valid ? 'pass' : 'fail'} title={field.error?.message}>
            {field.valid ? '✓' : '✗'} {field.name.replace(/CheckDigit$/, '').replace(/([A-Z])/g, ' $1').toLowerCase()}
          </li>
        ))}
      </ul>
      <ChipSummary report={document.chip ?? null} allChecks />
      {showRawMrz && (
        <pre className="raw-mrz" data-testid="raw-mrz">
          {read.mrz.join('\n')}
        </pre>
      )}
    </div>
  );
}
