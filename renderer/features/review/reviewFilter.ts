import type { ReviewQueueFilter } from '../../storage/decisionStoreTypes';
import { reviewKinds, type ReviewKind } from '../../storage/reviewKinds';
import type { ReviewState } from '../../storage/rows';

/** What the queue shows: one kind or all, in one state. */
export interface ReviewFilter {
  readonly kind: ReviewKind | 'all';
  readonly state: ReviewState;
}

export const initialReviewFilter: ReviewFilter = { kind: 'all', state: 'open' };

/** The order F walks through: every kind, then back to all of them. */
export const kindFilterCycle: readonly ReviewFilter['kind'][] = ['all', ...reviewKinds];
export const stateFilterCycle: readonly ReviewState[] = ['open', 'approved', 'returned'];

function step<T>(cycle: readonly T[], current: T, by: number): T {
  const at = cycle.indexOf(current);
  const next = (((at < 0 ? 0 : at) + by) % cycle.length + cycle.length) % cycle.length;
  return cycle[next] ?? current;
}

export const nextKindFilter = (filter: ReviewFilter, by: 1 | -1 = 1): ReviewFilter => ({ ...filter, kind: step(kindFilterCycle, filter.kind, by) });
export const nextStateFilter = (filter: ReviewFilter, by: 1 | -1 = 1): ReviewFilter => ({ ...filter, state: step(stateFilterCycle, filter.state, by) });

/** The store's filter for this view. */
export const toQueueFilter = (filter: ReviewFilter): ReviewQueueFilter => (filter.kind === 'all' ? { state: filter.state } : { state: filter.state, kind: filter.kind });

export const sameFilter = (a: ReviewFilter, b: ReviewFilter): boolean => a.kind === b.kind && a.state === b.state;
