import { describe, expect, it } from 'vitest';
import { reviewKinds } from '../../storage/reviewKinds';
import { initialReviewFilter, kindFilterCycle, nextKindFilter, nextStateFilter, toQueueFilter, type ReviewFilter } from './reviewFilter';

describe('review filters', () => {
  it('F walks through every kind the store defines, then back to all of them', () => {
    const seen: ReviewFilter['kind'][] = [];
    let filter = initialReviewFilter;
    for (let i = 0; i <= reviewKinds.length; i++) {
      seen.push(filter.kind);
      filter = nextKindFilter(filter);
    }
    expect(seen).toEqual(['all', ...reviewKinds]);
    expect(filter.kind).toBe('all');
    expect(filter.state).toBe('open');
  });

  it('Shift+F walks backwards, wrapping from all to the last kind', () => {
    expect(nextKindFilter(initialReviewFilter, -1).kind).toBe(reviewKinds.at(-1));
    expect(nextKindFilter({ kind: reviewKinds[0], state: 'open' }, -1).kind).toBe('all');
    expect(kindFilterCycle).toHaveLength(reviewKinds.length + 1);
  });

  it('S cycles open, approved, returned and keeps the kind', () => {
    const a = nextStateFilter({ kind: 'chip_failure', state: 'open' });
    const b = nextStateFilter(a);
    const c = nextStateFilter(b);
    expect([a.state, b.state, c.state]).toEqual(['approved', 'returned', 'open']);
    expect(c.kind).toBe('chip_failure');
  });

  it('gives the store no kind for "all"', () => {
    expect(toQueueFilter(initialReviewFilter)).toEqual({ state: 'open' });
    expect(toQueueFilter({ kind: 'override_attempt', state: 'returned' })).toEqual({ state: 'returned', kind: 'override_attempt' });
  });
});
