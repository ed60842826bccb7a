import type { HandlersOf } from '../../../app/host/dispatch';
import type { RecordsPort } from '../../../app/ports/RecordsPort';
import { submitDecisionBatch } from '../decisionSyncService';

/** `decisions:*`: the renderer's decision outbox handing records to the records service. */
export function decisionHandlers(records: RecordsPort): HandlersOf<'decisions'> {
  return {
    'decisions:sync': (request) => submitDecisionBatch(records, request),
  };
}
