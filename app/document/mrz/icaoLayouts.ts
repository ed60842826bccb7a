/**
 * ICAO Doc 9303 layouts (Part 4 TD3, Part 5 TD1, Part 6 TD2, Part 7 MRV-A and MRV-B) as data.
 * Positions are zero-based [start, end).
 */
import { range, type MrzCheckSpec, type MrzFieldSpec, type MrzLayout } from './mrzLayout';

const check = (
  field: MrzCheckSpec['field'],
  line: number,
  position: number,
  label: string,
  covers: MrzCheckSpec['covers'],
  options: { fillerWhenEmpty?: boolean; composite?: boolean } = {},
): MrzCheckSpec => ({
  field,
  line,
  position,
  label,
  covers,
  fillerWhenEmpty: options.fillerWhenEmpty ?? false,
  composite: options.composite ?? false,
});

/** Second line of TD2, TD3, MRV-A and MRV-B share these first 28 characters. */
function secondLineCore(): MrzFieldSpec[] {
  return [
    { name: 'documentNumber', kind: 'documentNumber', line: 1, start: 0, end: 9, label: 'document number' },
    { name: 'documentNumberCheckDigit', kind: 'checkDigit', line: 1, start: 9, end: 10, label: 'document number check digit' },
    { name: 'nationality', kind: 'stateCode', line: 1, start: 10, end: 13, label: 'nationality' },
    { name: 'birthDate', kind: 'birthDate', line: 1, start: 13, end: 19, label: 'birth date' },
    { name: 'birthDateCheckDigit', kind: 'checkDigit', line: 1, start: 19, end: 20, label: 'birth date check digit' },
    { name: 'sex', kind: 'sex', line: 1, start: 20, end: 21, label: 'sex' },
    { name: 'expirationDate', kind: 'expirationDate', line: 1, start: 21, end: 27, label: 'expiration date' },
    { name: 'expirationDateCheckDigit', kind: 'checkDigit', line: 1, start: 27, end: 28, label: 'expiration date check digit' },
  ];
}

function secondLineCoreChecks(): MrzCheckSpec[] {
  return [
    check('documentNumberCheckDigit', 1, 9, 'document number', [range(1, 0, 9)]),
    check('birthDateCheckDigit', 1, 19, 'birth date', [range(1, 13, 19)], { fillerWhenEmpty: true }),
    check('expirationDateCheckDigit', 1, 27, 'expiration date', [range(1, 21, 27)], { fillerWhenEmpty: true }),
  ];
}

function firstLine(length: number, firstLetters: string): MrzFieldSpec[] {
  return [
    { name: 'documentCode', kind: 'documentCode', line: 0, start: 0, end: 2, label: 'document code', firstLetters },
    { name: 'issuingState', kind: 'stateCode', line: 0, start: 2, end: 5, label: 'issuing state' },
    { name: 'lastName', kind: 'names', line: 0, start: 5, end: length, label: 'name' },
  ];
}

export const td3Layout: MrzLayout = {
  format: 'TD3',
  lineLengths: [44, 44],
  maxValidityYears: 10,
  longDocumentNumber: false,
  fields: [
    ...firstLine(44, 'P'),
    ...secondLineCore(),
    { name: 'personalNumber', kind: 'optional', line: 1, start: 28, end: 42, label: 'personal number' },
    { name: 'personalNumberCheckDigit', kind: 'checkDigit', line: 1, start: 42, end: 43, label: 'personal number check digit' },
    { name: 'compositeCheckDigit', kind: 'checkDigit', line: 1, start: 43, end: 44, label: 'composite check digit' },
  ],
  checks: [
    ...secondLineCoreChecks(),
    check('personalNumberCheckDigit', 1, 42, 'personal number', [range(1, 28, 42)], { fillerWhenEmpty: true }),
    check('compositeCheckDigit', 1, 43, 'composite', [range(1, 0, 10), range(1, 13, 20), range(1, 21, 43)], { composite: true }),
  ],
};

export const td2Layout: MrzLayout = {
  format: 'TD2',
  lineLengths: [36, 36],
  maxValidityYears: 30,
  longDocumentNumber: true,
  fields: [
    ...firstLine(36, 'ACI'),
    ...secondLineCore(),
    { name: 'optional1', kind: 'optional', line: 1, start: 28, end: 35, label: 'optional data' },
    { name: 'compositeCheckDigit', kind: 'checkDigit', line: 1, start: 35, end: 36, label: 'composite check digit' },
  ],
  checks: [
    ...secondLineCoreChecks(),
    check('compositeCheckDigit', 1, 35, 'composite', [range(1, 0, 10), range(1, 13, 20), range(1, 21, 35)], { composite: true }),
  ],
};

export const td1Layout: MrzLayout = {
  format: 'TD1',
  lineLengths: [30, 30, 30],
  // Some states issue identity cards to older holders for up to 30 years.
  maxValidityYears: 30,
  longDocumentNumber: true,
  fields: [
    { name: 'documentCode', kind: 'documentCode', line: 0, start: 0, end: 2, label: 'document code', firstLetters: 'ACI' },
    { name: 'issuingState', kind: 'stateCode', line: 0, start: 2, end: 5, label: 'issuing state' },
    { name: 'documentNumber', kind: 'documentNumber', line: 0, start: 5, end: 14, label: 'document number' },
    { name: 'documentNumberCheckDigit', kind: 'checkDigit', line: 0, start: 14, end: 15, label: 'document number check digit' },
    { name: 'optional1', kind: 'optional', line: 0, start: 15, end: 30, label: 'optional data (line 1)' },
    { name: 'birthDate', kind: 'birthDate', line: 1, start: 0, end: 6, label: 'birth date' },
    { name: 'birthDateCheckDigit', kind: 'checkDigit', line: 1, start: 6, end: 7, label: 'birth date check digit' },
    { name: 'sex', kind: 'sex', line: 1, start: 7, end: 8, label: 'sex' },
    { name: 'expirationDate', kind: 'expirationDate', line: 1, start: 8, end: 14, label: 'expiration date' },
    { name: 'expirationDateCheckDigit', kind: 'checkDigit', line: 1, start: 14, end: 15, label: 'expiration date check digit' },
    { name: 'nationality', kind: 'stateCode', line: 1, start: 15, end: 18, label: 'nationality' },
    { name: 'optional2', kind: 'optional', line: 1, start: 18, end: 29, label: 'optional data (line 2)' },
    { name: 'compositeCheckDigit', kind: 'checkDigit', line: 1, start: 29, end: 30, label: 'composite check digit' },
    { name: 'lastName', kind: 'names', line: 2, start: 0, end: 30, label: 'name' },
  ],
  checks: [
    check('documentNumberCheckDigit', 0, 14, 'document number', [range(0, 5, 14)]),
    check('birthDateCheckDigit', 1, 6, 'birth date', [range(1, 0, 6)], { fillerWhenEmpty: true }),
    check('expirationDateCheckDigit', 1, 14, 'expiration date', [range(1, 8, 14)], { fillerWhenEmpty: true }),
    check('compositeCheckDigit', 1, 29, 'composite', [range(0, 5, 30), range(1, 0, 7), range(1, 8, 15), range(1, 18, 29)], {
      composite: true,
    }),
  ],
};

/** Visas carry no composite check digit and no check on the optional data. */
function visaLayout(format: 'MRVA' | 'MRVB', length: 44 | 36): MrzLayout {
  return {
    format,
    lineLengths: [length, length],
    maxValidityYears: 10,
    longDocumentNumber: false,
    fields: [
      ...firstLine(length, 'V'),
      ...secondLineCore(),
      { name: 'optional1', kind: 'optional', line: 1, start: 28, end: length, label: 'optional data' },
    ],
    checks: secondLineCoreChecks(),
  };
}

export const mrvaLayout = visaLayout('MRVA', 44);
export const mrvbLayout = visaLayout('MRVB', 36);
