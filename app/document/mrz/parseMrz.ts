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

const onlyMrzCharacters = /^[A-Z0-9<]*$/;

function illegalCharacterErrors(lines: readonly string[]): MrzError[] {
  const errors: MrzError[] = [];
  lines.forEach((line, l) => {
    if (onlyMrzCharacters.test(line)) return;
    for (let i = 0; i < line.length; i++) {
      const ch = line.charAt(i);
      if (!isMrzChar(ch)) {
        errors.push({
          code: 'illegalCharacter',
          message: `line ${l + 1}, column ${i + 1}: ${describeChar(ch)} is not an MRZ character (A-Z, 0-9, '<')`,
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
  const lines = toLines(input);
  if (!Array.isArray(lines)) return failure([], [lines]);
  if (lines.length === 0) return failure(lines, [{ code: 'wrongLineCount', message: 'the MRZ is empty', field: null }]);
  const detection = detectLayout(lines);
  if ('error' in detection) return failure(lines, [detection.error, ...illegalCharacterErrors(lines).slice(0, 5)]);
  const { layout } = detection;
  const today = utcDayParts(options.today ?? new Date());
  const errors: MrzError[] = illegalCharacterErrors(lines);
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
  const corrections = worthSearching ? findCorrections(layout, lines, checks, fields) : [];
  return { format: layout.format, valid: allValid, fields, corrections, errors, lines };
}

/** The value of a named field, or null when the format has no such field or it could not be read. */
export function mrzFieldValue(result: MrzParseResult, name: MrzFieldName): string | null {
  for (const field of result.fields) if (field.name === name) return field.value;
  return null;
}
