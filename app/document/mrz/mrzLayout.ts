/** The data model of an MRZ layout: which characters form which field, and what each check digit covers. */
import type { MrzCharClass } from './mrzCharacters';
import type { MrzFieldName, MrzFormat, MrzPosition } from './mrzTypes';

/** How a field's characters are read and validated. */
export type MrzFieldKind =
  | 'documentCode'
  | 'stateCode'
  /** The name field; yields lastName (primary identifier) and firstName (secondary identifiers). */
  | 'names'
  /** One identifier on its own (layouts that print surname and given names in separate fields). */
  | 'name'
  | 'documentNumber'
  | 'checkDigit'
  | 'birthDate'
  | 'expirationDate'
  /** YYMM, in the past (French national ID issue date). */
  | 'issueYearMonth'
  | 'sex'
  /** Free optional data: fillers trimmed, inner fillers read as spaces. */
  | 'optional'
  | 'digits'
  /** Letters, digits and fillers with a fixed meaning (administrative codes). */
  | 'code'
  | 'languageCode';

export type MrzFieldSpec = {
  readonly name: MrzFieldName;
  readonly kind: MrzFieldKind;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** Human name used in messages. */
  readonly label: string;
  /** documentCode only: the letters the first character may be. */
  readonly firstLetters?: string;
  /** documentCode only: the exact codes allowed, when the layout fixes them. */
  readonly exactCodes?: readonly string[];
  /** Overrides the character class the kind implies (e.g. a digit in a national document code). */
  readonly charClass?: MrzCharClass;
};

export type MrzCheckSpec = {
  /** The check digit field this spec verifies. */
  readonly field: MrzFieldName;
  readonly line: number;
  readonly position: number;
  readonly label: string;
  /** Ranges concatenated in order before weighting. */
  readonly covers: readonly MrzPosition[];
  /** The check digit may be '<' when everything it covers is filler (e.g. an empty personal number). */
  readonly fillerWhenEmpty: boolean;
  /** A second reading some issuers use, accepted as well (see longDocumentNumber.ts). */
  readonly alternativeCovers?: readonly MrzPosition[];
  /** Composite checks span several fields; the correction search only fixes forced characters there. */
  readonly composite: boolean;
};

export type MrzLayout = {
  readonly format: MrzFormat;
  readonly lineLengths: readonly number[];
  readonly fields: readonly MrzFieldSpec[];
  readonly checks: readonly MrzCheckSpec[];
  /** How far ahead an expiry may lie; decides the century of a two-digit expiry year. */
  readonly maxValidityYears: number;
  /** TD1, TD2: a document number longer than 9 characters continues in optional1 (see longDocumentNumber.ts). */
  readonly longDocumentNumber: boolean;
};

export const range = (line: number, start: number, end: number): MrzPosition => ({ line, start, end });
