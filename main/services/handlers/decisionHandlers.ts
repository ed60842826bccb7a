import type { HandlersOf } from '../../../app/host/dispatch';
import type { RecordsPort } from '../../../app/ports/RecordsPort';
import type { DecisionSubmission } from '../../../app/ports/decisionSubmission';
import type { DepartureSubmission } from '../../../app/ports/departureSubmission';
import { submitDecisionBatch } from '../decisionSyncService';

/** `decisions:*`: the renderer's decision outbox handing records to the records service; `refusal` keeps training decisions back. */
export function decisionHandlers(records: RecordsPort, refusal?: (item: DecisionSubmission | DepartureSubmission) => string | null): HandlersOf<'decisions'> {
  return {
    'decisions:sync': (request) => submitDecisionBatch(records, request, refusal),
  };
}
