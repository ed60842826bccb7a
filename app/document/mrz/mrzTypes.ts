/**
 * The shape of a parsed machine-readable zone. Every field keeps its raw characters and position so
 * the traveller card can show exactly what the reader delivered next to what we made of it.
 */

/** ICAO 9303 formats plus the three national non-ICAO layouts readers deliver at our booths. */
export type MrzFormat =
  | 'TD1'
  | 'TD2'
  | 'TD3'
  | 'MRVA'
  | 'MRVB'
  | 'FRENCH_NATIONAL_ID'
  | 'FRENCH_DRIVING_LICENSE'
  | 'SWISS_DRIVING_LICENSE';

export type MrzFieldName =
  | 'documentCode'
  | 'issuingState'
  | 'documentNumber'
  | 'documentNumberCheckDigit'
  | 'nationality'
  | 'birthDate'
  | 'birthDateCheckDigit'
  | 'sex'
  | 'expirationDate'
  | 'expirationDateCheckDigit'
  | 'personalNumber'
  | 'personalNumberCheckDigit'
  | 'optional1'
  | 'optional2'
  | 'compositeCheckDigit'
  | 'lastName'
  | 'firstName'
  | 'issueDate'
  | 'administrativeCode'
  | 'administrativeCode2'
  | 'languageCode'
  | 'pinCode'
  | 'versionNumber';

export type MrzErrorCode =
  /** Input longer than any MRZ (inputLimits.mrz): refused before it is read. */
  | 'inputTooLong'
  /** Input is not 1 to 3 lines. */
  | 'wrongLineCount'
  /** Line lengths match no known layout. */
  | 'unrecognizedLineLength'
  /** Lines of one MRZ differ in length. */
  | 'inconsistentLineLength'
  /** Characters other than A-Z, 0-9 and '<'. */
  | 'illegalCharacter'
  /** Characters that are legal in an MRZ but not in this field (e.g. a letter in a date). */
  | 'invalidFieldSyntax'
  | 'invalidDocumentCode'
  | 'unknownStateCode'
  | 'invalidDate'
  | 'invalidSex'
  | 'invalidName'
  | 'checkDigitMismatch'
  | 'checkDigitMissing'
  | 'fillerExpected';

/** A precise, serialisable error. `field` is null for errors about the whole input. */
export type MrzError = {
  readonly code: MrzErrorCode;
  readonly message: string;
  readonly field: MrzFieldName | null;
};

/** Zero-based line and [start, end) character range inside that line. */
export type MrzPosition = { readonly line: number; readonly start: number; readonly end: number };

export type MrzField = {
  readonly name: MrzFieldName;
  /** Interpreted value: dates ISO 'YYYY-MM-DD', fillers removed, names with spaces; null when not interpretable. */
  readonly value: string | null;
  /** Exactly the characters the reader delivered for this field. */
  readonly raw: string;
  readonly position: MrzPosition;
  readonly valid: boolean;
  readonly error: MrzError | null;
  /** Name fields only: the name field was completely filled, so the printed name may be longer. */
  readonly truncated?: boolean;
};

/** A character the parser believes was misread, proven by a check digit. Never applied to the values. */
export type MrzCorrection = {
  readonly field: MrzFieldName;
  readonly line: number;
  readonly position: number;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
};

export type MrzParseResult = {
  readonly format: MrzFormat | null;
  readonly valid: boolean;
  readonly fields: readonly MrzField[];
  readonly corrections: readonly MrzCorrection[];
  /** Every error: whole-input errors and each invalid field's error. */
  readonly errors: readonly MrzError[];
  /** The lines as received (after trimming surrounding whitespace). */
  readonly lines: readonly string[];
};
