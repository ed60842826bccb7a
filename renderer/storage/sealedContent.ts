import type { DecisionRecord } from '../../app/inspection/officerDecision';
import { departureSyncPayloadSchema } from '../../app/inspection/exit/departureRecord';
import type { StoredDecision, StoredDeparture } from './decisionStoreTypes';
import { RecordCipherError, type RecordCipher } from './recordCipher';
import type { DecisionRow, OutboxRow, ReviewRow, SealedDecisionContent, SealedReviewContent } from './rows';

/**
 * Opening the sealed part of decision and review rows. A row written while another storage key was in use does not
 * open with this one; the callers that must keep working then (the review queue) say so instead of failing.
 */

/** A decision row with its sealed content opened; rejects with RecordCipherError when it does not open. */
export async function openDecisionRow(cipher: RecordCipher, row: DecisionRow): Promise<StoredDecision> {
  const content = (await cipher.openJson('decisions', row.decisionId, row.sealed)) as SealedDecisionContent;
  const { sealed: _sealed, travellerTag: _tag, recordedAt, offline, mandatory, reviewState, ...clear } = row;
  const decision: DecisionRecord = { ...clear, subject: content.subject, evidence: content.evidence, ...(content.note ? { note: content.note } : {}) };
  return { decision, offline, mandatory, recordedAt, reviewState };
}

/**
 * The departure an outbox row carries (kind 'departure'), parsed as the records service would receive it; null for a
 * decision's row. Rejects with RecordCipherError when it does not open with this key, and when the stored payload is
 * not a valid departure (never shown half-read).
 */
export async function openDepartureRow(cipher: RecordCipher, row: OutboxRow): Promise<StoredDeparture | null> {
  if (row.kind !== 'departure') return null;
  const { departure, offline, recordedAt } = departureSyncPayloadSchema.parse(await cipher.openJson('outbox', row.itemId, row.sealed));
  return { departure, offline, recordedAt };
}

/** The review's sealed content; null when it was sealed under another storage key (written while that key was in use). */
export async function openReviewContent(cipher: RecordCipher, row: ReviewRow): Promise<SealedReviewContent | null> {
  if (!row.sealed) return {};
  return (await cipher.openJson('reviews', row.reviewId, row.sealed).catch(unlessSealedElsewhere(null))) as SealedReviewContent | null;
}

/** For `.catch`: a field that does not open with this key gives `fallback`; any other failure is passed on. */
export function unlessSealedElsewhere<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof RecordCipherError) return fallback;
    throw error;
  };
}
