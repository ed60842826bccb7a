import { useEffect, useRef } from 'react';
import { useDecisionJournal } from '../../state/StoreContext';
import type { LaneAssessment } from './useLaneAssessment';

/**
 * Every traveller record the records service returned and the screen shows is an audited view, once per
 * vehicle (or traveller) session and record, attributed to the signed-in user.
 */
export function useAuditedRecordViews(assessment: LaneAssessment | null): void {
  const journal = useDecisionJournal();
  const audited = useRef(new Set<string>());
  const sessionId = assessment?.session.input.sessionId;
  const recordIds = assessment?.session.identities.flatMap((identity) => (identity.record ? [identity.record.recordId] : [])).join(',') ?? '';

  useEffect(() => {
    if (!sessionId || !recordIds) return;
    for (const recordId of recordIds.split(',')) {
      const key = `${sessionId}|${recordId}`;
      if (audited.current.has(key)) continue;
      audited.current.add(key);
      journal.audit('view_traveller', { recordId, sessionId }).catch(() => audited.current.delete(key));
    }
  }, [journal, sessionId, recordIds]);
}
