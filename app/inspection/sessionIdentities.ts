import { mrzFieldValue, parseMrz } from '../document/mrz/parseMrz';
import type { MrzParseResult } from '../document/mrz/mrzTypes';
import { ageInYears } from '../document/rules/calendarDays';
import { evaluateDocumentRules, type DocumentRuleReport } from '../document/rules/evaluateDocumentRules';
import type { ChipReport } from '../ports/chipReport';
import type { DocumentRead, EncodedImage } from '../ports/documentRead';
import type { RecordsError } from '../ports/recordsLookup';
import type { RfidCardRead } from '../ports/rfidRead';
import type { TravellerRecord } from '../ports/travellerRecord';
import type { VehicleSessionInput } from './vehicleSessionInput';
import { documentFieldText } from './documentFieldText';

/**
 * The people the booth has paper (or a card, or a record) for: each document read, each RFID card and each
 * record found, merged where they are the same person. Faces are then assigned to these identities.
 */
export interface SessionIdentity {
  /** record:<id> once the records service knows the person, else doc:<nationality>:<number>, else rfid:<reference>. */
  readonly key: string;
  readonly document?: IdentityDocument;
  readonly record?: TravellerRecord;
  readonly rfidCards: readonly RfidCardRead[];
  readonly recordStatus: 'found' | 'not_found' | 'unavailable' | 'not_queried';
  readonly recordError?: RecordsError;
  readonly name: string | null;
  /** ISO date, from the MRZ when read, else from the record. */
  readonly birthDate: string | null;
  readonly nationality: string | null;
  readonly documentNumber: string | null;
  /** Photos the live face is compared with (document page, chip, gallery), for the vision side. */
  readonly references: readonly IdentityReference[];
}

export interface IdentityDocument {
  readonly read: DocumentRead;
  readonly mrz: MrzParseResult;
  readonly rules: DocumentRuleReport;
  readonly chip?: ChipReport;
}

export interface IdentityReference {
  readonly source: 'document' | 'chip' | 'gallery';
  readonly image: EncodedImage;
  readonly photoId?: string;
}

interface Draft {
  document?: IdentityDocument;
  record?: TravellerRecord;
  rfidCards: RfidCardRead[];
  found: boolean;
  notFound: boolean;
  error?: RecordsError;
}

/** Why a traveller's face could not be compared with their papers (occupant status not_compared). */
export function faceNotComparedBecause(identity: SessionIdentity): string {
  return identity.references.length === 0 ? 'no reference photo to compare the face with' : 'the reference photo could not be compared with the face';
}

/** The identity's age on `today`: the document's (read from the MRZ), else from the record's birth date; null when neither is known. */
export function identityAgeYears(identity: SessionIdentity, today: Date): number | null {
  return identity.document?.rules.ageYears ?? (identity.birthDate ? ageInYears(identity.birthDate, today) : null);
}

/** Builds the identities of a session; `today` decides MRZ centuries and document validity. */
export function sessionIdentities(input: Pick<VehicleSessionInput, 'documents' | 'rfidCards' | 'records' | 'laneType'>, today: Date): readonly SessionIdentity[] {
  const drafts: Draft[] = input.documents.map(({ read, chip }) => {
    const mrz = parseMrz(read.mrz, { today });
    return { document: { read, mrz, rules: evaluateDocumentRules(mrz, { today, lane: input.laneType }), chip }, rfidCards: [], found: false, notFound: false };
  });
  const docNumber = (d: Draft) => documentFieldText(d.document ? mrzFieldValue(d.document.mrz, 'documentNumber') : null);
  const docNationality = (d: Draft) => documentFieldText(d.document ? mrzFieldValue(d.document.mrz, 'nationality') : null);
  const holds = (record: TravellerRecord, d: Draft) => {
    const number = docNumber(d);
    return number !== null && record.documents.some((doc) => doc.documentNumber === number && (docNationality(d) === null || doc.nationality === docNationality(d)));
  };
  const byRecord = (record: TravellerRecord) => drafts.find((d) => d.record?.recordId === record.recordId) ?? drafts.find((d) => !d.record && holds(record, d));

  for (const card of input.rfidCards) {
    const lookup = input.records.travellers.find((l) => l.by.kind === 'rfid' && l.by.reference === card.reference);
    const records = lookup?.result.ok ? lookup.result.value : [];
    let attached = false;
    for (const record of records) {
      const draft = byRecord(record) ?? pushed(drafts, { rfidCards: [], found: false, notFound: false });
      draft.record = record;
      draft.found = true;
      if (!attached) draft.rfidCards.push(card);
      attached = true;
    }
    if (!attached) {
      drafts.push({ rfidCards: [card], found: false, notFound: lookup?.result.ok === true, ...(lookup && !lookup.result.ok ? { error: lookup.result.error } : {}) });
    }
  }
  for (const lookup of input.records.travellers) {
    if (lookup.by.kind !== 'document') continue;
    const number = documentFieldText(lookup.by.query.documentNumber);
    const targets = drafts.filter((d) => docNumber(d) === number);
    if (!lookup.result.ok) {
      const error = lookup.result.error;
      for (const d of targets) if (!d.found) d.error = error;
      continue;
    }
    if (lookup.result.value.length === 0) for (const d of targets) d.notFound = true;
    for (const record of lookup.result.value) {
      const draft = byRecord(record);
      if (draft) {
        draft.record = record;
        draft.found = true;
      }
    }
  }
  return mergeSameRecord(drafts).map(finish);
}

function pushed(drafts: Draft[], draft: Draft): Draft {
  drafts.push(draft);
  return draft;
}

/** A passport read and the same person's passport card resolve to one record: one person, one identity. */
function mergeSameRecord(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const same = d.record && out.find((o) => o.record?.recordId === d.record?.recordId);
    if (!same) {
      out.push(d);
      continue;
    }
    same.document ??= d.document;
    same.rfidCards.push(...d.rfidCards);
  }
  return out;
}

function finish(d: Draft): SessionIdentity {
  const mrz = d.document?.mrz;
  const documentNumber = documentFieldText(mrz ? mrzFieldValue(mrz, 'documentNumber') : (d.record?.documents[0]?.documentNumber ?? null));
  const nationality = documentFieldText(mrz ? mrzFieldValue(mrz, 'nationality') : (d.record?.nationality ?? null));
  const firstReference = d.rfidCards[0]?.reference;
  const key = d.record ? `record:${d.record.recordId}` : documentNumber ? `doc:${nationality ?? ''}:${documentNumber}` : `rfid:${firstReference ?? 'unknown'}`;
  const mrzName = mrz ? [mrzFieldValue(mrz, 'firstName'), mrzFieldValue(mrz, 'lastName')].filter(Boolean).join(' ') : '';
  const name = mrzName || (d.record ? `${d.record.givenNames} ${d.record.surname}`.trim() : null);
  const mrzBirth = d.document?.mrz.fields.find((f) => f.name === 'birthDate' && f.valid)?.value ?? null;
  const references: IdentityReference[] = [];
  if (d.document?.read.photo) references.push({ source: 'document', image: d.document.read.photo });
  if (d.document?.chip?.photo) references.push({ source: 'chip', image: d.document.chip.photo });
  for (const photo of d.record?.gallery ?? []) if (photo.image) references.push({ source: 'gallery', image: photo.image, photoId: photo.photoId });
  return {
    key,
    ...(d.document ? { document: d.document } : {}),
    ...(d.record ? { record: d.record } : {}),
    rfidCards: d.rfidCards,
    recordStatus: d.found ? 'found' : d.error ? 'unavailable' : d.notFound ? 'not_found' : 'not_queried',
    ...(d.error && !d.found ? { recordError: d.error } : {}),
    name: name || null,
    birthDate: mrzBirth ?? d.record?.birthDate ?? null,
    nationality,
    documentNumber,
    references,
  };
}
