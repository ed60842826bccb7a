import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ReviewQueueItem } from '../../storage/decisionStoreTypes';
import { formatAge } from './reviewAge';
import { outcomeLabels, reviewKindLabels, reviewStateLabels } from './reviewLabels';
import { itemAt, type ReviewQueueSnapshot } from './ReviewQueuePages';

/** Fixed row height: the virtualiser places rows without measuring each one. Matches .review-row in review.css. */
export const reviewRowHeight = 44;

interface ReviewQueueListProps {
  readonly queue: ReviewQueueSnapshot;
  readonly pageSize: number;
  readonly selected: number;
  readonly openedId: string | null;
  onRange(first: number, last: number): void;
  onActivate(index: number): void;
}

function ReviewRow({ item, index }: { item: ReviewQueueItem | undefined; index: number }) {
  if (!item) {
    return (
      <>
        <span className="review-cell age">…</span>
        <span className="review-cell muted">item {index + 1}</span>
      </>
    );
  }
  const more = item.kinds.length - 1;
  return (
    <>
      <span className="review-cell age" data-testid="review-age">{formatAge(item.ageMs)}</span>
      <span className={`review-cell kind kind-${item.kind}`}>
        {reviewKindLabels[item.kind]}
        {more > 0 && <span className="muted" title={item.kinds.slice(1).map((k) => reviewKindLabels[k]).join(', ')}> +{more}</span>}
      </span>
      <span className={`review-cell outcome outcome-${item.outcome ?? 'none'}`}>{item.outcome ? outcomeLabels[item.outcome] : '—'}</span>
      <span className="review-cell officer">{item.officer ?? 'booth'}</span>
      <span className={`review-cell state state-${item.state}`}>{reviewStateLabels[item.state]}</span>
    </>
  );
}

/**
 * The queue as a virtual list: only the rows in view (plus a few) are in the DOM, whatever the total, and only
 * their pages are read from the store. The selected row is always scrolled into view.
 */
export function ReviewQueueList({ queue, pageSize, selected, openedId, onRange, onActivate }: ReviewQueueListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; the app does not use the React compiler
  const virtualizer = useVirtualizer({
    count: queue.total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => reviewRowHeight,
    overscan: 8,
    initialRect: { width: 800, height: 600 },
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (queue.total) onRange(first, last);
  }, [first, last, queue.total, onRange]);

  useEffect(() => {
    if (queue.total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, queue.total, virtualizer]);

  return (
    <section className="review-list panel" aria-label="Review queue">
      <div className="review-row review-columns" aria-hidden="true">
        <span>Age</span>
        <span>Kind</span>
        <span>Outcome</span>
        <span>Officer</span>
        <span>State</span>
      </div>
      <div ref={scrollRef} className="review-scroll" role="listbox" aria-label="Items needing review" aria-activedescendant={queue.total ? `review-option-${selected}` : undefined} tabIndex={0} data-testid="review-list">
        {queue.total === 0 && <p className="placeholder review-empty">Nothing here.</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const item = itemAt(queue, row.index, pageSize);
            const classes = ['review-row', row.index === selected ? 'selected' : '', item && item.reviewId === openedId ? 'opened' : ''].filter(Boolean).join(' ');
            return (
              <div
                key={row.key}
                id={`review-option-${row.index}`}
                role="option"
                aria-selected={row.index === selected}
                className={classes}
                style={{ transform: `translateY(${row.start}px)` }}
                data-testid="review-row"
                data-index={row.index}
                data-review-id={item?.reviewId}
                data-loaded={item ? 'true' : 'false'}
                onClick={() => onActivate(row.index)}
              >
                <ReviewRow item={item} index={row.index} />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
