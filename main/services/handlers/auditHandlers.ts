import type { HandlersOf } from '../../../app/host/dispatch';
import { HostFailure } from '../../../app/host/result';
import type { RecordsPort } from '../../../app/ports/RecordsPort';

/** `audit:*`: what the records service holds of this booth's audit log (the anchor a supervisor's export ends with). */
export function auditHandlers(records: Pick<RecordsPort, 'latestAuditAnchor'>): HandlersOf<'audit'> {
  return {
    'audit:anchor': async () => {
      const result = await records.latestAuditAnchor();
      if (!result.ok) throw new HostFailure('device_unavailable', `The records service cannot give this booth's audit anchor: ${result.error.message}`);
      return result.value;
    },
  };
}
