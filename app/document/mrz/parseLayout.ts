/** Reads every field of one layout from lines already known to have that layout's shape. */
import { computeCheckDigitOverPositions } from './checkDigit';
import { findLongDocumentNumber } from './longDocumentNumber';
import { describeChar, isMrzChar } from './mrzCharacters';
import type { MrzCheckSpec, MrzFieldSpec, MrzLayout } from './mrzLayout';
import type { MrzError, MrzField, MrzPosition } from './mrzTypes';
import { readFieldValue, type DateLimits } from './readFieldValue';
import { readNameFields } from './readNameFields';

export type LayoutParse = {
  readonly fields: readonly MrzField[];
  /** The layout's checks with positions adjusted to this input (a long TD1/TD2 document number moves one). */
  readonly checks: readonly MrzCheckSpec[];
};

function firstIllegalIndex(raw: string): number {
  for (let i = 0; i < raw.length; i++) if (!isMrzChar(raw.charAt(i))) return i;
  return -1;
}

function invalid(spec: MrzFieldSpec, raw: string, position: MrzPosition, error: Omit<MrzError, 'field'>): MrzField {
  return { name: spec.name, value: null, raw, position, valid: false, error: { ...error, field: spec.name } };
}

function isAllFiller(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 60) return false;
  return true;
}

const coveredText = (covers: readonly MrzPosition[], lines: readonly string[]): string[] =>
  covers.map((r) => (lines[r.line] ?? '').slice(r.start, r.end));

function readCheckDigit(spec: MrzFieldSpec, raw: string, position: MrzPosition, check: MrzCheckSpec, lines: readonly string[]): MrzField {
  const computed = computeCheckDigitOverPositions(check.covers, lines);
  const rawDigit = raw.length === 1 ? raw.charCodeAt(0) - 48 : -1;
  if (computed === rawDigit) return { name: spec.name, value: raw, raw, position, valid: true, error: null };
  if (check.alternativeCovers && computeCheckDigitOverPositions(check.alternativeCovers, lines) === rawDigit) {
    return { name: spec.name, value: raw, raw, position, valid: true, error: null };
  }
  // Failure paths only from here: building messages may allocate.
  const covered = coveredText(check.covers, lines);
  const what = check.composite ? 'the characters it covers give' : `the ${check.label} '${covered.join('')}' gives`;
  if (computed < 0) {
    return invalid(spec, raw, position, {
      code: 'illegalCharacter',
      message: `${spec.label} cannot be verified: the characters it covers include characters that are not MRZ characters`,
    });
  }
  if (raw === '<') {
    if (check.fillerWhenEmpty && covered.every(isAllFiller)) return { name: spec.name, value: raw, raw, position, valid: true, error: null };
    return { ...invalid(spec, raw, position, { code: 'checkDigitMissing', message: `${spec.label} is missing ('<'); ${what} ${computed}` }), value: raw };
  }
  if (raw.length !== 1 || raw < '0' || raw > '9') {
    return invalid(spec, raw, position, { code: 'invalidFieldSyntax', message: `${spec.label} must be a digit, found '${raw}'; ${what} ${computed}` });
  }
  if (raw.charCodeAt(0) - 48 !== computed) {
    return { ...invalid(spec, raw, position, { code: 'checkDigitMismatch', message: `${spec.label} is ${raw} but ${what} ${computed}` }), value: raw };
  }
  return { name: spec.name, value: raw, raw, position, valid: true, error: null };
}

/** Lines must already match `layout.lineLengths`. */
/** `allLegal`: the caller already knows every character is an MRZ character, so fields skip that scan. */
export function parseLayout(layout: MrzLayout, lines: readonly string[], limits: DateLimits, allLegal = false): LayoutParse {
  const long = findLongDocumentNumber(layout, lines);
  const checks = long
    ? layout.checks.map((c) =>
        c.field === 'documentNumberCheckDigit'
          ? { ...c, line: long.checkDigitPosition.line, position: long.checkDigitPosition.start, covers: long.icaoCovers, alternativeCovers: long.asPrintedCovers }
          : c,
      )
    : layout.checks;
  const fields: MrzField[] = [];
  for (const spec of layout.fields) {
    const line = lines[spec.line] ?? '';
    if (spec.kind === 'names') {
      fields.push(...readNameFields(spec, line.slice(spec.start, spec.end)));
      continue;
    }
    let position: MrzPosition = { line: spec.line, start: spec.start, end: spec.end };
    if (long && spec.name === 'documentNumber') position = long.position;
    if (long && spec.name === 'documentNumberCheckDigit') position = long.checkDigitPosition;
    const raw = line.slice(position.start, position.end);
    const illegalAt = allLegal ? -1 : firstIllegalIndex(raw);
    if (illegalAt >= 0) {
      fields.push(
        invalid(spec, raw, position, {
          code: 'illegalCharacter',
          message: `${spec.label} holds ${describeChar(String.fromCodePoint(raw.codePointAt(illegalAt)!))} at line ${position.line + 1}, column ${position.start + illegalAt + 1}, which is not an MRZ character`,
        }),
      );
      continue;
    }
    if (spec.kind === 'checkDigit') {
      let check: MrzCheckSpec | undefined;
      for (const c of checks) if (c.field === spec.name) check = c;
      if (!check) throw new Error(`layout ${layout.format} has no check for ${spec.name}`);
      fields.push(readCheckDigit(spec, raw, position, check, lines));
      continue;
    }
    const reading = readFieldValue(spec, raw, limits);
    const value = long && spec.name === 'documentNumber' && reading.problem === null ? long.value : reading.value;
    fields.push({
      name: spec.name,
      value,
      raw,
      position,
      valid: reading.problem === null,
      error: reading.problem ? { ...reading.problem, field: spec.name } : null,
    });
  }
  return { fields, checks };
}
