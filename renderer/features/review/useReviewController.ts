import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AuditActor } from '../../../app/audit/auditEntry';
import { assertNever } from '../../../app/shared/assertNever';
import type { ReviewDetail, ReviewQueueItem } from '../../storage/decisionStoreTypes';
import { InFlightGuard } from './InFlightGuard';
import { describeReviewProblem, type ReviewProblem } from './reviewErrors';
import { initialReviewFilter, nextKindFilter, nextStateFilter, toQueueFilter, type ReviewFilter } from './reviewFilter';
import type { ReviewCommand, ReviewMode } from './reviewKeys';
import { reviewKindLabels } from './reviewLabels';
import { itemAt, ReviewQueuePages, type ReviewQueueSnapshot } from './ReviewQueuePages';
import type { ReviewStorePort } from './reviewStorePort';

/** The item whose evidence is beside the list; `detail` is null while it loads. */
export interface OpenedItem {
  readonly reviewId: string;
  readonly detail: ReviewDetail | null;
  readonly problem: ReviewProblem | null;
}

export interface ReviewMessage {
  readonly tone: 'info' | 'error';
  readonly text: string;
}

export interface ReviewController {
  readonly filter: ReviewFilter;
  readonly queue: ReviewQueueSnapshot;
  readonly pageSize: number;
  readonly selected: number;
  readonly opened: OpenedItem | null;
  readonly noting: boolean;
  readonly busy: boolean;
  readonly message: ReviewMessage | null;
  readonly mode: ReviewMode;
  run(command: ReviewCommand): void;
  /** The rows in view changed: load their pages. */
  showRange(first: number, last: number): void;
  /** A click on a row: select it and open its evidence. */
  activate(index: number): void;
  setFilter(filter: ReviewFilter): void;
  submitReturn(note: string): void;
}

/**
 * The review screen's state and what its keys do. Opening an item is an audited view of traveller data, so it
 * happens only on Enter (or a click), not while moving through the list. A verdict needs the evidence open; after
 * one, the queue is re-read and the item now at the same place (the next oldest) is opened.
 */
export function useReviewController(store: ReviewStorePort, actor: AuditActor, options: { readonly pageSize: number; readonly refreshIntervalMs: number }): ReviewController {
  const [filter, setFilterState] = useState<ReviewFilter>(initialReviewFilter);
  const pages = useMemo(() => new ReviewQueuePages(store, toQueueFilter(filter), options.pageSize), [store, filter, options.pageSize]);
  const queue = useSyncExternalStore(pages.subscribe, pages.getSnapshot);
  const [selected, setSelected] = useState(0);
  const [opened, setOpened] = useState<OpenedItem | null>(null);
  const [noting, setNoting] = useState(false);
  const [busy, setBusy] = useState(false);
  // `busy` is for the view; whether a verdict may start is decided by this guard, which every handler shares.
  const [verdictInFlight] = useState(() => new InFlightGuard());
  const [message, setMessage] = useState<ReviewMessage | null>(null);
  const openedId = useRef<string | null>(null);

  useEffect(() => {
    void pages.ensure(0, options.pageSize - 1);
    if (options.refreshIntervalMs <= 0) return undefined;
    const timer = setInterval(() => void pages.refresh(), options.refreshIntervalMs);
    return () => clearInterval(timer);
  }, [pages, options.pageSize, options.refreshIntervalMs]);

  const total = queue.total ?? 0;
  const current = selected < total ? selected : Math.max(0, total - 1);

  const open = useCallback(
    (item: ReviewQueueItem) => {
      openedId.current = item.reviewId;
      setNoting(false);
      setOpened({ reviewId: item.reviewId, detail: null, problem: null });
      store.getReviewDetail(item.reviewId, actor).then(
        (detail) => openedId.current === item.reviewId && setOpened({ reviewId: item.reviewId, detail, problem: null }),
        (error: unknown) => openedId.current === item.reviewId && setOpened({ reviewId: item.reviewId, detail: null, problem: describeReviewProblem(error, 'open the evidence') }),
      );
    },
    [store, actor],
  );

  const close = useCallback(() => {
    openedId.current = null;
    setOpened(null);
    setNoting(false);
  }, []);

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.min(Math.max(0, index), Math.max(0, total - 1));
      if (next !== current) close();
      setSelected(next);
    },
    [total, current, close],
  );

  const setFilter = useCallback(
    (next: ReviewFilter) => {
      close();
      setSelected(0);
      setMessage(null);
      setFilterState(next);
    },
    [close],
  );

  const decide = useCallback(
    async (verdict: 'approved' | 'returned', note?: string) => {
      const item = opened?.detail?.review;
      // A handler from an earlier render may still name the item just reviewed: only the one open now is judged.
      if (!item || openedId.current !== item.reviewId) return;
      await verdictInFlight.run(async () => {
        setBusy(true);
        try {
          await store.applyReview(item.reviewId, note === undefined ? { verdict } : { verdict, note }, actor);
          setNoting(false);
          setMessage({ tone: 'info', text: `${verdict === 'approved' ? 'Approved' : 'Returned'}: ${reviewKindLabels[item.kind]} by ${item.officer ?? 'the booth'} (${item.reviewId})` });
          await pages.refresh();
          // The reviewed item left this list (or, when viewing another state, stays): open whatever is now selected.
          const after = pages.getSnapshot();
          const index = Math.min(current, Math.max(0, (after.total ?? 0) - 1));
          setSelected(index);
          const next = itemAt(after, index, pages.pageSize);
          if (next) open(next);
          else close();
        } catch (error) {
          const problem = describeReviewProblem(error, verdict === 'approved' ? 'approve' : 'return');
          setMessage({ tone: 'error', text: problem.text });
          if (problem.code === 'already_reviewed' || problem.code === 'not_found') {
            await pages.refresh();
            open(item); // shows who reviewed it, or that it is gone
          }
        } finally {
          setBusy(false);
        }
      });
    },
    [opened, verdictInFlight, store, actor, pages, current, open, close],
  );

  const needsEvidence = useCallback(() => {
    if (opened?.detail) return false;
    setMessage({ tone: 'error', text: opened ? 'The evidence is still loading' : 'Open the item with Enter first: a verdict needs its evidence in view' });
    return true;
  }, [opened]);

  const run = useCallback(
    (command: ReviewCommand) => {
      switch (command.type) {
        case 'move':
          return moveTo(current + command.by);
        case 'move_to':
          return moveTo(command.to === 'first' ? 0 : total - 1);
        case 'open': {
          const item = itemAt(queue, current, pages.pageSize);
          // Already in view: opening it again would only audit a second view.
          if (item && !(opened?.reviewId === item.reviewId && opened.detail)) open(item);
          return;
        }
        case 'close':
          return close();
        case 'approve':
          if (!needsEvidence()) void decide('approved');
          return;
        case 'start_return':
          if (!needsEvidence() && !verdictInFlight.busy) setNoting(true);
          return;
        case 'cancel_return':
          return setNoting(false);
        case 'cycle_kind':
          return setFilter(nextKindFilter(filter, command.by));
        case 'cycle_state':
          return setFilter(nextStateFilter(filter));
        case 'refresh':
          void pages.refresh();
          return;
        default:
          return assertNever(command, 'review command');
      }
    },
    [moveTo, current, total, queue, pages, opened, open, close, needsEvidence, decide, verdictInFlight, setFilter, filter],
  );

  const submitReturn = useCallback((note: string) => void decide('returned', note), [decide]);
  const showRange = useCallback((first: number, last: number) => void pages.ensure(first, last), [pages]);
  const activate = useCallback(
    (index: number) => {
      setSelected(index);
      const item = itemAt(queue, index, pages.pageSize);
      if (item) open(item);
    },
    [queue, pages, open],
  );

  const mode: ReviewMode = noting ? 'note' : opened ? 'detail' : 'list';
  return { filter, queue, pageSize: pages.pageSize, selected: current, opened, noting, busy, message, mode, run, showRange, activate, setFilter, submitReturn };
}
