import { parseMrz } from '../mrz/parseMrz';
import type { MrzError, MrzErrorCode, MrzParseResult } from '../mrz/mrzTypes';
import { documentReadSchema } from '../../ports/documentRead';
import { describeSchemaError } from '../../shared/describeSchemaError';

/** The reader id of every keyboard-wedge read, in the session and on the device light (there is one wedge per booth window). */
export const keyboardWedgeReaderId = 'keyboard-wedge-reader';

/**
 * Parser errors that mean the keys arrived wrong rather than that the document is odd: a dropped or doubled
 * key (a line of the wrong length), lines run together (the wrong line count), characters no MRZ holds, a
 * letter where a field allows only digits (a keyboard layout that turns 0 into O inside a date). Such a scan
 * is no MRZ at all, so it is refused and the officer scans again.
 */
const garbledCodes: ReadonlySet<MrzErrorCode> = new Set<MrzErrorCode>(['inputTooLong', 'wrongLineCount', 'unrecognizedLineLength', 'inconsistentLineLength', 'illegalCharacter', 'invalidFieldSyntax']);

/**
 * Check digits that fail on an otherwise well-formed MRZ. A serial reader delivers such a read and the card
 * shows the cross: a failing check digit is a fraud or damage signal the officer must see, so the wedge scan
 * is taken the same way, flagged, never refused for it.
 */
const checkDigitCodes: ReadonlySet<MrzErrorCode> = new Set<MrzErrorCode>(['checkDigitMismatch', 'checkDigitMissing']);

export type KeyboardWedgeCheck =
  | {
      readonly ok: true;
      readonly mrz: string[];
      readonly parsed: MrzParseResult;
      /** The check digits that fail (empty for a clean read): the read is taken, flagged with these. */
      readonly checkDigitFailures: readonly MrzError[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * Checks the MRZ lines a keyboard-wedge reader typed, with the project's MRZ parser: the read is taken when
 * its layout, characters and field syntax are right and it is a travel document the booth reads (the line
 * shapes of `documentReadSchema`). Failing check digits do not refuse it: they come back as
 * `checkDigitFailures`, as a serial reader's read with a bad check digit is delivered and flagged on the card.
 * The message of a refusal names each problem.
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
  return { ok: true, mrz: shape.data, parsed, checkDigitFailures: parsed.errors.filter((error) => checkDigitCodes.has(error.code)) };
}
