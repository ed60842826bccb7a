import { parseMrz } from '../mrz/parseMrz';
import type { MrzErrorCode, MrzParseResult } from '../mrz/mrzTypes';
import { documentReadSchema } from '../../ports/documentRead';
import { describeSchemaError } from '../../shared/describeSchemaError';

/** The reader id of every keyboard-wedge read, in the session and on the device light (there is one wedge per booth window). */
export const keyboardWedgeReaderId = 'keyboard-wedge-reader';

/**
 * Parser errors that mean the keys arrived wrong rather than that the document is odd: a keyboard layout that
 * turns 0 into O, a dropped or doubled key, lines run together. A reader's own optics prove nothing here,
 * so such a read is refused and the officer scans again. Errors about the document itself (an unknown state
 * code, a bad date or sex with good check digits) pass on to the document rules, as for any other reader.
 */
const garbledCodes: ReadonlySet<MrzErrorCode> = new Set<MrzErrorCode>([
  'wrongLineCount',
  'unrecognizedLineLength',
  'inconsistentLineLength',
  'illegalCharacter',
  'invalidFieldSyntax',
  'checkDigitMismatch',
  'checkDigitMissing',
]);

export type KeyboardWedgeCheck =
  | { readonly ok: true; readonly mrz: string[]; readonly parsed: MrzParseResult }
  | { readonly ok: false; readonly message: string };

/**
 * Checks the MRZ lines a keyboard-wedge reader typed, with the project's MRZ parser: the read is taken only
 * when its layout, characters and every check digit are right, and it is a travel document the booth reads
 * (the line shapes of `documentReadSchema`). The message of a refusal names each problem.
 */
export function checkKeyboardWedgeRead(lines: readonly string[], today: Date): KeyboardWedgeCheck {
  const parsed = parseMrz(lines, { today });
  const garbled = parsed.errors.filter((error) => garbledCodes.has(error.code));
  if (parsed.format === null || garbled.length > 0) {
    const problems = (garbled.length > 0 ? garbled : parsed.errors).slice(0, 4).map((error) => error.message);
    return { ok: false, message: `The typed MRZ was refused: ${problems.join('; ')}.` };
  }
  const shape = documentReadSchema.shape.mrz.safeParse(parsed.lines);
  if (!shape.success) {
    return { ok: false, message: `The typed MRZ (${parsed.format}) is not a passport, ID card or visa MRZ the booth reads: ${describeSchemaError(shape.error, { root: 'lines' })}.` };
  }
  return { ok: true, mrz: shape.data, parsed };
}
