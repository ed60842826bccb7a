import { describe, expect, it } from 'vitest';
import { InFlightGuard } from './InFlightGuard';

/** A review store whose applyReview resolves when the test says, refusing a second verdict on an item as the DecisionStore does. */
function slowReviewStore() {
  const applied: string[] = [];
  const waiting: (() => void)[] = [];
  return {
    applied,
    finishAll: () => waiting.splice(0).forEach((finish) => finish()),
    applyReview: (reviewId: string) =>
      new Promise<void>((resolve, reject) => {
        if (applied.includes(reviewId)) return reject(new Error(`review item ${reviewId} was already approved`));
        applied.push(reviewId);
        waiting.push(resolve);
      }),
  };
}

describe('InFlightGuard: one verdict at a time', () => {
  it('refuses a second press while the first verdict is being applied, without touching the store', async () => {
    const guard = new InFlightGuard();
    const store = slowReviewStore();
    // Two presses of A in the same render: both handlers see the same item.
    const first = guard.run(() => store.applyReview('review-1'));
    const second = guard.run(() => store.applyReview('review-1'));
    expect(guard.busy).toBe(true);
    await expect(second).resolves.toBe(false);
    store.finishAll();
    await expect(first).resolves.toBe(true);
    expect(store.applied).toEqual(['review-1']);
    expect(guard.busy).toBe(false);
  });

  it('takes the next verdict once the first is done, also after one that failed', async () => {
    const guard = new InFlightGuard();
    await expect(guard.run(() => Promise.reject(new Error('store closed')))).rejects.toThrow('store closed');
    expect(guard.busy).toBe(false);
    const store = slowReviewStore();
    const next = guard.run(() => store.applyReview('review-2'));
    store.finishAll();
    await expect(next).resolves.toBe(true);
    expect(store.applied).toEqual(['review-2']);
  });
});
