import type { AuditActor } from '../../../app/audit/auditEntry';
import type { PolicySet } from '../../../app/policy/policySet';
import { ReviewDetailPanel } from './ReviewDetailPanel';
import { ReviewFilterBar } from './ReviewFilterBar';
import { ReviewQueueList } from './ReviewQueueList';
import { reviewQueuePageSize } from './ReviewQueuePages';
import { ReviewShortcutBar } from './ReviewShortcutBar';
import type { ReviewStorePort } from './reviewStorePort';
import { useReviewController } from './useReviewController';
import { useReviewKeys } from './useReviewKeys';
import './review.css';

export interface ReviewScreenProps {
  /** The DecisionStore (or anything with its three review methods). */
  readonly store: ReviewStorePort;
  /** The signed-in supervisor: every view and verdict is audited under this actor (the store refuses other roles). */
  readonly actor: AuditActor;
  /** How often the queue is re-read for new items and fresh ages (0: never). */
  readonly refreshIntervalMs?: number;
  readonly pageSize?: number;
  /** The booth's policies (BoothInfo.policies): each decision is judged by the one it was made under. */
  readonly policies: PolicySet;
}

/**
 * The supervisor's review queue: offline decisions, forced referrals, overrides and override attempts, chip
 * failures and dead-lettered syncs, oldest first, with the evidence of the selected item beside the list (never a
 * dialog) and one key to approve or return it.
 */
export function ReviewScreen({ store, actor, refreshIntervalMs = 30_000, pageSize = reviewQueuePageSize, policies }: ReviewScreenProps) {
  const review = useReviewController(store, actor, { pageSize, refreshIntervalMs });
  useReviewKeys(review.mode, review.run);
  const queueProblem = review.queue.problem;
  return (
    <div className="review-screen" data-testid="review-screen">
      <h2 className="review-title">Supervisor review · {actor.userId}</h2>
      <ReviewFilterBar filter={review.filter} total={review.queue.total} onChange={review.setFilter} />
      <div className={`notice notice-${review.message?.tone === 'error' || queueProblem ? 'error' : 'info'}`} role="status" aria-live="polite" data-testid="review-message">
        {queueProblem ? `Could not read the queue: ${queueProblem instanceof Error ? queueProblem.message : String(queueProblem)}` : (review.message?.text ?? '')}
      </div>
      <main className={review.opened ? 'review-main with-detail' : 'review-main'}>
        <ReviewQueueList queue={review.queue} pageSize={review.pageSize} selected={review.selected} openedId={review.opened?.reviewId ?? null} onRange={review.showRange} onActivate={review.activate} />
        {review.opened ? (
          <ReviewDetailPanel opened={review.opened} noting={review.noting} busy={review.busy} onSubmitReturn={review.submitReturn} onCancelReturn={() => review.run({ type: 'cancel_return' })} policies={policies} />
        ) : (
          <aside className="review-detail review-detail-empty panel">
            <p className="placeholder">
              <kbd>Enter</kbd> opens the selected item's evidence here.
            </p>
          </aside>
        )}
      </main>
      <ReviewShortcutBar mode={review.mode} />
    </div>
  );
}
