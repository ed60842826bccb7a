/**
 * Non-ICAO layouts that share the MRZ character set and check digit arithmetic and that readers at
 * our booths deliver: the pre-2021 French identity card, the French driving licence and the Swiss
 * driving licence. None of them is a travel document on its own (see app/document/rules).
 */
import { range, type MrzLayout } from './mrzLayout';

export const frenchNationalIdLayout: MrzLayout = {
  format: 'FRENCH_NATIONAL_ID',
  lineLengths: [36, 36],
  maxValidityYears: 15,
  longDocumentNumber: false,
  fields: [
    { name: 'documentCode', kind: 'documentCode', line: 0, start: 0, end: 2, label: 'document code', exactCodes: ['ID'] },
    { name: 'issuingState', kind: 'stateCode', line: 0, start: 2, end: 5, label: 'issuing state' },
    { name: 'lastName', kind: 'name', line: 0, start: 5, end: 30, label: 'last name' },
    { name: 'administrativeCode', kind: 'code', line: 0, start: 30, end: 36, label: 'administrative code' },
    { name: 'issueDate', kind: 'issueYearMonth', line: 1, start: 0, end: 4, label: 'issue date' },
    { name: 'administrativeCode2', kind: 'code', line: 1, start: 4, end: 7, label: 'issuing office code' },
    { name: 'documentNumber', kind: 'documentNumber', line: 1, start: 7, end: 12, label: 'document number' },
    { name: 'documentNumberCheckDigit', kind: 'checkDigit', line: 1, start: 12, end: 13, label: 'document number check digit' },
    { name: 'firstName', kind: 'name', line: 1, start: 13, end: 27, label: 'first name' },
    { name: 'birthDate', kind: 'birthDate', line: 1, start: 27, end: 33, label: 'birth date' },
    { name: 'birthDateCheckDigit', kind: 'checkDigit', line: 1, start: 33, end: 34, label: 'birth date check digit' },
    { name: 'sex', kind: 'sex', line: 1, start: 34, end: 35, label: 'sex' },
    { name: 'compositeCheckDigit', kind: 'checkDigit', line: 1, start: 35, end: 36, label: 'composite check digit' },
  ],
  checks: [
    // The French card number is issue date + office + serial; its check digit covers all twelve characters.
    { field: 'documentNumberCheckDigit', line: 1, position: 12, label: 'document number', covers: [range(1, 0, 12)], fillerWhenEmpty: false, composite: false },
    { field: 'birthDateCheckDigit', line: 1, position: 33, label: 'birth date', covers: [range(1, 27, 33)], fillerWhenEmpty: true, composite: false },
    { field: 'compositeCheckDigit', line: 1, position: 35, label: 'composite', covers: [range(0, 0, 36), range(1, 0, 35)], fillerWhenEmpty: false, composite: true },
  ],
};

export const frenchDrivingLicenseLayout: MrzLayout = {
  format: 'FRENCH_DRIVING_LICENSE',
  lineLengths: [30],
  maxValidityYears: 15,
  longDocumentNumber: false,
  fields: [
    { name: 'documentCode', kind: 'documentCode', line: 0, start: 0, end: 2, label: 'document code', firstLetters: 'D', charClass: 'alnum' },
    { name: 'issuingState', kind: 'stateCode', line: 0, start: 2, end: 5, label: 'issuing state' },
    { name: 'documentNumber', kind: 'documentNumber', line: 0, start: 5, end: 14, label: 'document number' },
    { name: 'documentNumberCheckDigit', kind: 'checkDigit', line: 0, start: 14, end: 15, label: 'document number check digit' },
    { name: 'expirationDate', kind: 'expirationDate', line: 0, start: 15, end: 21, label: 'expiration date' },
    { name: 'lastName', kind: 'name', line: 0, start: 21, end: 29, label: 'last name' },
    { name: 'compositeCheckDigit', kind: 'checkDigit', line: 0, start: 29, end: 30, label: 'composite check digit' },
  ],
  checks: [
    // Unlike ICAO layouts, the number's check digit also covers the document code and state.
    { field: 'documentNumberCheckDigit', line: 0, position: 14, label: 'document number', covers: [range(0, 0, 14)], fillerWhenEmpty: false, composite: false },
    { field: 'compositeCheckDigit', line: 0, position: 29, label: 'composite', covers: [range(0, 0, 29)], fillerWhenEmpty: false, composite: true },
  ],
};

/** No check digits at all: only field syntax protects this layout. */
export const swissDrivingLicenseLayout: MrzLayout = {
  format: 'SWISS_DRIVING_LICENSE',
  lineLengths: [9, 30, 30],
  maxValidityYears: 15,
  longDocumentNumber: false,
  fields: [
    { name: 'documentNumber', kind: 'documentNumber', line: 0, start: 0, end: 9, label: 'document number' },
    // The seventh character of the number says the licence's language: Deutsch, Français, Italiano, Rumantsch.
    { name: 'languageCode', kind: 'languageCode', line: 0, start: 6, end: 7, label: 'language code' },
    { name: 'documentCode', kind: 'documentCode', line: 1, start: 0, end: 2, label: 'document code', exactCodes: ['FA'] },
    { name: 'issuingState', kind: 'stateCode', line: 1, start: 2, end: 5, label: 'issuing state' },
    { name: 'pinCode', kind: 'digits', line: 1, start: 5, end: 14, label: 'PIN code' },
    { name: 'versionNumber', kind: 'digits', line: 1, start: 14, end: 17, label: 'version number' },
    { name: 'birthDate', kind: 'birthDate', line: 1, start: 19, end: 25, label: 'birth date' },
    { name: 'lastName', kind: 'names', line: 2, start: 0, end: 30, label: 'name' },
  ],
  checks: [],
};
