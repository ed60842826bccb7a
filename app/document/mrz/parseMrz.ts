/**
 * The MRZ parser: detects the layout, reads and validates every field, verifies every check digit and
 * offers OCR corrections that a check digit proves. Never throws on bad input: anything that is not an
 * MRZ comes back as `format: null, valid: false` with an error saying what was wrong.
 */
import { detectLayout } from './detectLayout';
import { findCorrections } from './findCorrections';
import { describeChar, isMrzChar } from './mrzCharacters';
import { addYears, utcDayParts } from './mrzDates';
import type { MrzError, MrzFieldName, MrzParseResult } from './mrzTypes';
import { parseLayout } from './parseLayout';
import { inputLimits } from '../../shared/inputLimits';

export type { MrzParseResult } from './mrzTypes';

export type ParseMrzOptions = {
  /** The clock reading that decides date centuries (birth in the past, expiry within maximum validity). */
  readonly today?: Date;
};

/** Lines from a string (newline-separated) or an array; surrounding whitespace is not part of an MRZ. */
function toLines(input: unknown): string[] | MrzError {
  if (typeof input === 'string') {
    return input
      .split(/\r\n|\r|\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  }
  if (Array.isArray(input)) {
    if (!input.every((line) => typeof line === 'string')) {
      return { code: 'wrongLineCount', message: 'MRZ lines must be strings', field: null };
    }
    return input.map((line: string) => line.trim());
  }
  return { code: 'wrongLineCount', message: 'MRZ input must be a string or an array of lines', field: null };
}

/**
 * Input no MRZ can be, refused before any work proportional to its size: longer than the longest layout with
 * its line breaks, or more lines than any layout has.
 */
function oversizedInputError(input: unknown): MrzError | null {
  const { maxCharacters, maxInputCharacters, maxInputLines } = inputLimits.mrz;
  const tooLong = (length: number): MrzError => ({
    code: 'inputTooLong',
    message: `the input is ${length} characters long; an MRZ has at most ${maxCharacters} (3 lines of 30), so input over ${maxInputCharacters} characters is not read`,
    field: null,
  });
  if (typeof input === 'string') return input.length > maxInputCharacters ? tooLong(input.length) : null;
  if (!Array.isArray(input)) return null;
  if (input.length > maxInputLines) return { code: 'inputTooLong', message: `the input has ${input.length} lines; an MRZ has 1 to 3`, field: null };
  let total = 0;
  for (const line of input as readonly unknown[]) if (typeof line === 'string') total += line.length;
  return total > maxInputCharacters ? tooLong(total) : null;
}

const onlyMrzCharacters = /^[A-Z0-9<]*$/;
/** A UTF-16 surrogate: the line holds a character outside the Basic Multilingual Plane (an emoji), never MRZ text. */
const surrogate = /[\uD800-\uDFFF]/;

/** One error per non-MRZ character, counted and named as code points, at most inputLimits.mrz.maxCharacterErrors. */
function illegalCharacterErrors(lines: readonly string[]): MrzError[] {
  const errors: MrzError[] = [];
  const limit = inputLimits.mrz.maxCharacterErrors;
  lines.forEach((line, l) => {
    if (onlyMrzCharacters.test(line)) return;
    let column = 0;
    for (const ch of line) {
      column++;
      if (errors.length >= limit) return;
      if (!isMrzChar(ch)) {
        errors.push({
          code: 'illegalCharacter',
          message: `line ${l + 1}, column ${column}: ${describeChar(ch)} is not an MRZ character (A-Z, 0-9, '<')`,
          field: null,
        });
      }
    }
  });
  return errors;
}

const failure = (lines: readonly string[], errors: readonly MrzError[]): MrzParseResult => ({
  format: null,
  valid: false,
  fields: [],
  corrections: [],
  errors,
  lines,
});

export function parseMrz(input: string | readonly string[], options: ParseMrzOptions = {}): MrzParseResult {
  const oversized = oversizedInputError(input);
  if (oversized) return failure([], [oversized]);
  const lines = toLines(input);
  if (!Array.isArray(lines)) return failure([], [lines]);
  if (lines.length === 0) return failure(lines, [{ code: 'wrongLineCount', message: 'the MRZ is empty', field: null }]);
  // Layouts are measured in characters; a character outside the BMP takes two UTF-16 units, so no layout can hold it.
  if (lines.some((line) => surrogate.test(line))) return failure(lines, illegalCharacterErrors(lines));
  const detection = detectLayout(lines);
  if ('error' in detection) return failure(lines, [detection.error, ...illegalCharacterErrors(lines)]);
  const { layout } = detection;
  const today = utcDayParts(options.today ?? new Date());
  const errors: MrzError[] = illegalCharacterErrors(lines);
  // Non-MRZ characters are refused, not corrected: no check digit proves what a foreign character stood for.
  const allMrzCharacters = errors.length === 0;
  const { fields, checks } = parseLayout(layout, lines, { today, latestExpiry: addYears(today, layout.maxValidityYears) }, errors.length === 0);
  let allValid = errors.length === 0;
  // An unknown state code alone is no misreading a check digit could prove; skip the search then.
  let worthSearching = false;
  for (const field of fields) {
    if (field.error) {
      errors.push(field.error);
      allValid = false;
      if (field.error.code !== 'unknownStateCode') worthSearching = true;
    }
  }
  const corrections = worthSearching && allMrzCharacters ? findCorrections(layout, lines, checks, fields) : [];
  return { format: layout.format, valid: allValid, fields, corrections, errors, lines };
}

/** The value of a named field, or null when the format has no such field or it could not be read. */
export function mrzFieldValue(result: MrzParseResult, name: MrzFieldName): string | null {
  for (const field of result.fields) if (field.name === name) return field.value;
  return null;
}
