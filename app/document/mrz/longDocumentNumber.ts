/**
 * Document numbers longer than 9 characters on TD1 (ICAO 9303-5 4.2.2 note j) and TD2 (9303-6) documents: the first
 * 9 characters fill the number field, its check digit position holds '<' instead, and the rest of the number
 * continues at the start of the optional data field, followed by the check digit and a filler (optional data may
 * follow that filler).
 *
 * ICAO computes the check digit over the full number (the number field followed by the continuation), which
 * the Portuguese PRT-BO-04001 and Belgian BEL-BO-11005 specimens follow. Older Belgian cards (BEL-BO-03003)
 * computed it over the characters as printed, including the '<' after the number field; those cards are still in
 * circulation, so that reading is accepted as an alternative. A corrupted character still fails the
 * composite check digit, which covers the same characters.
 *
 * The parser and the chip's access key (mrzAccessKey.ts) both read the number here, so they cannot disagree.
 */
import type { MrzFieldSpec, MrzLayout } from './mrzLayout';
import type { MrzFieldName, MrzPosition } from './mrzTypes';

export type LongDocumentNumber = {
  /** The full number, e.g. '000590240601'. */
  readonly value: string;
  /** Where the officer sees the number: on TD1 the characters as printed up to the check digit; on TD2 the number field (the continuation lies in the optional data, beyond other fields). */
  readonly position: MrzPosition;
  /** What the ICAO check digit covers: the number field, then the continuation. */
  readonly icaoCovers: readonly MrzPosition[];
  /** What the older as-printed check digit covers: the number field with its '<', then the continuation. */
  readonly asPrintedCovers: readonly MrzPosition[];
  readonly checkDigitPosition: MrzPosition;
};

function fieldOf(layout: MrzLayout, name: MrzFieldName): MrzFieldSpec {
  const spec = layout.fields.find((f) => f.name === name);
  if (!spec) throw new Error(`layout ${layout.format} has no field ${name}`);
  return spec;
}

/** Finds a continued document number, or null when the layout has none or the number fits in 9 characters. */
export function findLongDocumentNumber(layout: MrzLayout, lines: readonly string[]): LongDocumentNumber | null {
  if (!layout.longDocumentNumber) return null;
  const number = fieldOf(layout, 'documentNumber');
  const optional = fieldOf(layout, 'optional1');
  const line = number.line;
  const text = lines[line] ?? '';
  if (text.length !== layout.lineLengths[line] || text.charAt(number.end) !== '<' || text.charAt(optional.start) === '<') return null;
  let end = text.indexOf('<', optional.start);
  if (end < 0 || end > optional.end) end = optional.end;
  const checkAt = end - 1;
  if (checkAt <= optional.start) return null; // One lone character is a check digit with no continuation: not this rule.
  const contiguous = optional.start === number.end + 1;
  return {
    value: text.slice(number.start, number.end).replace(/<+$/, '') + text.slice(optional.start, checkAt),
    position: { line, start: number.start, end: contiguous ? checkAt : number.end },
    icaoCovers: [
      { line, start: number.start, end: number.end },
      { line, start: optional.start, end: checkAt },
    ],
    asPrintedCovers: [
      { line, start: number.start, end: number.end + 1 },
      { line, start: optional.start, end: checkAt },
    ],
    checkDigitPosition: { line, start: checkAt, end: checkAt + 1 },
  };
}
