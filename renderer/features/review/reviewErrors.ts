import { assertNever } from '../../../app/shared/assertNever';
import { DecisionStoreError, type DecisionStoreErrorCode } from '../../storage/decisionStoreTypes';

/** A store failure as the supervisor reads it. `code` is null for failures that are not the store's own (e.g. IndexedDB). */
export interface ReviewProblem {
  readonly code: DecisionStoreErrorCode | null;
  readonly text: string;
}

const storeCodes: readonly DecisionStoreErrorCode[] = ['duplicate_decision', 'not_found', 'already_reviewed', 'not_permitted', 'invalid_input'];

function codeOf(error: unknown): DecisionStoreErrorCode | null {
  if (error instanceof DecisionStoreError) return error.code;
  // The store may come from another bundle (a test page): recognise its errors by their code.
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : null;
  return storeCodes.find((c) => c === code) ?? null;
}

function headline(code: DecisionStoreErrorCode): string {
  switch (code) {
    case 'already_reviewed':
      return 'Already reviewed by someone else; the queue was updated';
    case 'not_permitted':
      return 'You are not permitted to review';
    case 'not_found':
      return 'This item no longer exists';
    case 'invalid_input':
      return 'The store refused the request';
    case 'duplicate_decision':
      return 'Duplicate decision';
    default:
      return assertNever(code, 'store error code');
  }
}

export function describeReviewProblem(error: unknown, doing: string): ReviewProblem {
  const message = error instanceof Error ? error.message : String(error);
  const code = codeOf(error);
  return { code, text: code ? `${headline(code)} (${message})` : `Could not ${doing}: ${message}` };
}
