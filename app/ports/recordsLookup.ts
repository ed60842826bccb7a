/**
 * The records service's lookup vocabulary: what the booth asks (by document, by plate) and what it gets back,
 * an answer or the outage. Apart from RecordsPort so that the inspection rules, which hold lookup results, do not
 * depend on the port (whose intake methods carry the decisions those rules produce).
 */

/** Why a records lookup gave no answer; the booth goes on with what it knows locally. */
export type RecordsErrorCode =
  /** No answer within the per-request timeout. */
  | 'timeout'
  /** The service could not be reached (refused, reset, DNS) or said it is unavailable (503). */
  | 'unavailable'
  /** The service answered with something that is not the contract (bad JSON, wrong shape). */
  | 'bad_response'
  /** The service rejected the query (4xx): a bug on our side or a malformed document number. */
  | 'bad_request'
  /** The service failed (5xx other than 503). */
  | 'server_error';

export interface RecordsError {
  readonly code: RecordsErrorCode;
  readonly message: string;
}

/** A lookup's outcome: never thrown, so every caller handles the outage case. */
export type RecordsResult<T> =
  | { readonly ok: true; readonly value: T; readonly durationMs: number }
  | { readonly ok: false; readonly error: RecordsError; readonly durationMs: number };

export interface DocumentQuery {
  readonly documentNumber: string;
  /** ICAO nationality code; narrows the lookup where document numbers collide across states. */
  readonly nationality?: string;
}

export interface PlateQuery {
  readonly plate: string;
  readonly region?: string;
}
