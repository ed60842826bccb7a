import { checkKeyboardWedgeRead, keyboardWedgeReaderId } from '../../app/document/reader/keyboardWedgeRead';
import { mrzFieldValue } from '../../app/document/mrz/parseMrz';
import { HostFailure } from '../../app/host/result';
import type { WedgeReadReply } from '../../app/host/wedgeReadChannel';
import type { Clock } from '../../app/ports/Clock';
import type { Ids } from '../../app/ports/Ids';

/**
 * Turns the lines a keyboard-wedge reader typed into a document read, labelled with the wedge's reader id and
 * source `keyboard`, or refuses lines that are no MRZ with `unreadable_document` naming what was wrong (the
 * caller then opens nothing). Failing check digits are named in the reply but the read is taken, as a serial
 * reader's is. The read is stamped with the host's clock, as every other reader's read is.
 */
export function keyboardWedgeRead(lines: readonly string[], clock: Clock, ids: Ids): WedgeReadReply {
  const now = clock.now();
  const checked = checkKeyboardWedgeRead(lines, now);
  if (!checked.ok) throw new HostFailure('unreadable_document', `${checked.message} Scan the document again.`);
  const { parsed, mrz, checkDigitFailures } = checked;
  const value = (name: Parameters<typeof mrzFieldValue>[1]) => mrzFieldValue(parsed, name);
  return {
    read: { readId: ids.next('read'), readerId: keyboardWedgeReaderId, source: 'keyboard', readAt: now.toISOString(), mrz },
    document: {
      format: parsed.format ?? 'unknown',
      documentCode: value('documentCode'),
      issuingState: value('issuingState'),
      documentNumber: value('documentNumber'),
      lastName: value('lastName'),
      firstName: value('firstName'),
      nationality: value('nationality'),
      birthDate: value('birthDate'),
      sex: value('sex'),
      expirationDate: value('expirationDate'),
      problems: parsed.errors.map((error) => error.message),
      checkDigitFailures: checkDigitFailures.map((error) => error.message),
    },
  };
}
