import type { AuditActor, AuditEntry } from '../../../../app/audit/auditEntry';
import type { ReviewQueueItem } from '../../../storage/decisionStoreTypes';
import type { ReviewState } from '../../../storage/rows';

/** What the review harness page offers on `window.boothReviewHarness` (e2e/review.spec.ts, `npm run bench:review`). */
export interface ReviewHarnessApi {
  /** Unmounts the screen and deletes the database. */
  reset(name: string): Promise<void>;
  /** An offline clear, an offline chip failure and an override attempt, `ageMs` old; their review ids, oldest first. */
  seedThree(name: string, ageMs: number): Promise<string[]>;
  /**
   * Referrals of a face with no reference photo to compare it with: one stored before its code existed (as
   * face_not_matched), one under today's rules, and an attempt to clear one; their review ids, oldest first.
   */
  seedFaceNotCompared(name: string): Promise<string[]>;
  /**
   * An exit lane's confirmation made offline: a twin the officer picked among two look-alikes (PAD checked) and a
   * U.S. citizen's opt-out, under the 90 FR 48604 policy; their review ids, in that order.
   */
  seedOfflineDepartures(name: string): Promise<string[]>;
  /** `count` open items in bulk, the oldest two days old. */
  seedMany(name: string, count: number): Promise<void>;
  /** Mounts <ReviewScreen> over the store of `name` for `actor`. */
  mount(name: string, actor: AuditActor): Promise<void>;
  /** From render() to the first loaded row in the DOM, and to the frame after it. */
  measureMount(name: string, actor: AuditActor): Promise<{ rowsMs: number; nextFrameMs: number; rowsInDom: number; total: string }>;
  unmount(): void;
  /** Approves an item from outside the screen (another supervisor). */
  applyElsewhere(name: string, reviewId: string, actor: AuditActor): Promise<void>;
  /** The items in one state, without auditing a view. */
  itemsIn(name: string, state: ReviewState): Promise<ReviewQueueItem[]>;
  /** The exported audit log and whether its chain verifies. */
  audit(name: string, actor: AuditActor): Promise<{ entries: AuditEntry[]; ok: boolean }>;
}
