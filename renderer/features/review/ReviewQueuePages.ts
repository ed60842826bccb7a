import type { DecisionStore } from '../../storage/DecisionStore';
import type { ReviewQueueFilter, ReviewQueueItem } from '../../storage/decisionStoreTypes';

/** The one store method the queue reads. */
export type ReviewQueueSource = Pick<DecisionStore, 'listReviewQueue'>;

/** What the list renders: the total and the pages loaded so far (immutable; a new object on every change). */
export interface ReviewQueueSnapshot {
  /** null until the first page has arrived. */
  readonly total: number | null;
  readonly pages: ReadonlyMap<number, readonly ReviewQueueItem[]>;
  /** The last failure to read the queue, cleared by the next successful read. */
  readonly problem: unknown;
}

export const reviewQueuePageSize = 100;

export function itemAt(snapshot: ReviewQueueSnapshot, index: number, pageSize = reviewQueuePageSize): ReviewQueueItem | undefined {
  return snapshot.pages.get(Math.floor(index / pageSize))?.[index % pageSize];
}

/**
 * The supervisor queue for one filter, read page by page as the list scrolls, so 10,000 items cost a page of
 * reads, not 10,000. A refresh re-reads the pages in view and swaps them in at once (no flicker of empty rows);
 * answers that arrive after a refresh started belong to the old queue and are dropped.
 */
export class ReviewQueuePages {
  private snapshot: ReviewQueueSnapshot = { total: null, pages: new Map(), problem: null };
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  private readonly inFlight = new Set<number>();
  private wanted = { first: 0, last: 0 };

  constructor(
    private readonly source: ReviewQueueSource,
    readonly filter: ReviewQueueFilter,
    readonly pageSize = reviewQueuePageSize,
  ) {}

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ReviewQueueSnapshot => this.snapshot;

  /** Makes sure the items from `first` to `last` (indexes) are loaded or loading; resolves when they are. */
  async ensure(first: number, last: number): Promise<void> {
    this.wanted = { first: Math.max(0, first), last: Math.max(first, last) };
    const generation = this.generation;
    const loads = this.pagesOf(this.wanted)
      .filter((page) => !this.snapshot.pages.has(page) && !this.inFlight.has(page))
      .map(async (page) => {
        this.inFlight.add(page);
        try {
          const result = await this.read(page);
          if (generation !== this.generation) return;
          const pages = new Map(this.snapshot.pages).set(page, result.items);
          this.publish({ total: result.total, pages, problem: null });
        } catch (problem) {
          if (generation === this.generation) this.publish({ ...this.snapshot, problem });
        } finally {
          if (generation === this.generation) this.inFlight.delete(page);
        }
      });
    await Promise.all(loads);
  }

  /** Re-reads the pages in view (after a verdict, or new items arriving) and replaces everything at once. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    this.inFlight.clear();
    const pageNumbers = this.pagesOf(this.wanted);
    try {
      const results = await Promise.all(pageNumbers.map((page) => this.read(page)));
      if (generation !== this.generation) return;
      const total = results.at(-1)?.total ?? 0;
      const pages = new Map<number, readonly ReviewQueueItem[]>();
      pageNumbers.forEach((page, i) => {
        const items = results[i]?.items ?? [];
        if (items.length > 0 || page === 0) pages.set(page, items);
      });
      this.publish({ total, pages, problem: null });
    } catch (problem) {
      if (generation === this.generation) this.publish({ ...this.snapshot, problem });
    }
  }

  private pagesOf(range: { first: number; last: number }): number[] {
    const firstPage = Math.floor(range.first / this.pageSize);
    const lastPage = Math.floor(range.last / this.pageSize);
    return Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i);
  }

  private read(page: number) {
    return this.source.listReviewQueue(this.filter, { offset: page * this.pageSize, limit: this.pageSize });
  }

  private publish(snapshot: ReviewQueueSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}
