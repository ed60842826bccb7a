import type { HandlersOf } from '../../../app/host/dispatch';
import type { Clock } from '../../../app/ports/Clock';
import type { Ids } from '../../../app/ports/Ids';
import type { DocumentIntake } from '../DocumentIntake';
import { keyboardWedgeRead } from '../keyboardWedgeRead';

/** `documents:*` and `chip:*`: documents read outside the document reader, and their chips. */
export function documentHandlers(intake: DocumentIntake, clock: Clock, ids: Ids): HandlersOf<'documents' | 'chip'> {
  return {
    'documents:wedgeRead': ({ lines }) => {
      const reply = keyboardWedgeRead(lines, clock, ids);
      intake.accept(reply.read);
      return reply;
    },
    'chip:readAgain': () => intake.readChipAgain(),
  };
}
