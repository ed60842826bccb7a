import type { DecisionStore } from '../../storage/DecisionStore';

/**
 * What the review screen needs of the DecisionStore: the queue by pages, an item's evidence (an audited view) and
 * the verdict. Tests pass the real store, opened on fake-indexeddb or in Chromium.
 */
export type ReviewStorePort = Pick<DecisionStore, 'listReviewQueue' | 'getReviewDetail' | 'applyReview'>;
