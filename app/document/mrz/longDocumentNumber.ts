/**
 * TD1 document numbers longer than 9 characters (ICAO 9303-5 4.2.2 note j): the first 9 characters
 * fill positions 6-14, position 15 holds '<' instead of the check digit, and the rest of the number
 * continues at the start of the optional field, followed by the check digit and a filler.
 *
 * ICAO computes the check digit over the full number (positions 6-14 followed by the continuation), which
 * the Portuguese PRT-BO-04001 and Belgian BEL-BO-11005 specimens follow. Older Belgian cards (BEL-BO-03003)
 * computed it over the characters as printed, including the '<' at position 15; those cards are still in
 * circulation, so that reading is accepted as an alternative. A corrupted character still fails the
 * composite check digit, which covers the same characters.
 */
import type { MrzPosition } from './mrzTypes';

export type LongDocumentNumber = {
  /** The full number, e.g. '000590240601'. */
  readonly value: string;
  /** The characters as printed, from position 6 to just before the check digit. */
  readonly position: MrzPosition;
  /** What the ICAO check digit covers: positions 6-14, then the continuation. */
  readonly icaoCovers: readonly MrzPosition[];
  readonly checkDigitPosition: MrzPosition;
};

/** Finds a continued document number on TD1 line 1, or null when the number fits in 9 characters. */
export function findLongDocumentNumber(firstLine: string): LongDocumentNumber | null {
  if (firstLine.charAt(14) !== '<' || firstLine.charAt(15) === '<' || firstLine.length !== 30) return null;
  let end = firstLine.indexOf('<', 15);
  if (end < 0) end = 30;
  const checkAt = end - 1;
  if (checkAt <= 15) return null; // One lone character is a check digit with no continuation: not this rule.
  return {
    value: firstLine.slice(5, 14).replace(/<+$/, '') + firstLine.slice(15, checkAt),
    position: { line: 0, start: 5, end: checkAt },
    icaoCovers: [
      { line: 0, start: 5, end: 14 },
      { line: 0, start: 15, end: checkAt },
    ],
    checkDigitPosition: { line: 0, start: checkAt, end: checkAt + 1 },
  };
}
