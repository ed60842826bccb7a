import { createRoot, type Root } from 'react-dom/client';
import type { AuditActor, AuditEntry } from '../../../../app/audit/auditEntry';
import type { DecisionRecord, SupervisorAlert } from '../../../../app/inspection/officerDecision';
import { inspectionRulesVersion } from '../../../../app/inspection/reasons';
import type { Clock } from '../../../../app/ports/Clock';
import { sequentialIds } from '../../../../app/ports/Ids';
import { BoothDatabase } from '../../../storage/BoothDatabase';
import { DecisionStore } from '../../../storage/DecisionStore';
import type { ReviewQueueItem } from '../../../storage/decisionStoreTypes';
import { RecordCipher } from '../../../storage/recordCipher';
import type { ReviewState } from '../../../storage/rows';
import { rawStorageKeyProvider } from '../../../storage/storageKeys';
import { testStorageKey } from '../../../storage/testSupport/decisionFixtures';
import { shippedPolicies } from '../../../../app/policy/testSupport/shippedPolicies';
import { ReviewScreen } from '../ReviewScreen';
import type { ReviewHarnessApi } from './reviewHarnessApi';
import { offlineDepartures } from './seedDepartures';
import { reviewableDecision, seedReviewQueueRows } from './seedReviewQueue';
import '../../../styles.css';

/**
 * The page side of e2e/review.spec.ts and `npm run bench:review`: `window.boothReviewHarness` seeds a DecisionStore on
 * this browser's IndexedDB (fixed test key, a clock the test can set back) and mounts the real <ReviewScreen>.
 */
const officer: AuditActor = { userId: 'officer-7', role: 'officer' };
const keys = () => rawStorageKeyProvider(async () => testStorageKey());
/** Seeding sets the clock back, so items are as old as the test wants when the screen shows them. */
let clockOffsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + clockOffsetMs) };
const stores = new Map<string, DecisionStore>();
let root: Root | null = null;
const container = () => document.getElementById('root') ?? document.body;

async function storeFor(name: string): Promise<DecisionStore> {
  let store = stores.get(name);
  if (!store) {
    const session = crypto.randomUUID().slice(0, 8);
    const ids = sequentialIds();
    store = await DecisionStore.open({ db: new BoothDatabase(name), keys: keys(), clock, ids: { next: (prefix) => ids.next(`${prefix}-${session}`) } });
    stores.set(name, store);
  }
  return store;
}

function unmount(): void {
  root?.unmount();
  root = null;
}

function mountScreen(store: DecisionStore, actor: AuditActor): void {
  unmount();
  root = createRoot(container());
  root.render(<ReviewScreen store={store} actor={actor} refreshIntervalMs={0} policies={shippedPolicies} />);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves when at least one row with its item's data is in the DOM. */
function firstLoadedRow(timeoutMs: number): Promise<void> {
  const found = () => container().querySelector('[data-testid="review-row"][data-loaded="true"]') !== null;
  if (found()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!found()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no loaded review row after ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(container(), { childList: true, subtree: true, attributes: true, attributeFilter: ['data-loaded'] });
  });
}

const harness: ReviewHarnessApi = {
  async reset(name: string): Promise<void> {
    unmount();
    stores.get(name)?.close();
    stores.delete(name);
    clockOffsetMs = 0;
    await new BoothDatabase(name).delete();
  },

  /**
   * Three items as an officer leaves them, `ageMs` ago: an offline clear, an offline decision that also failed the
   * chip, and an attempt to clear a mandatory referral. Returns their review ids, oldest first.
   */
  async seedThree(name: string, ageMs: number): Promise<string[]> {
    const store = await storeFor(name);
    clockOffsetMs = -ageMs;
    try {
      const first = reviewableDecision(900_000, clock.now());
      const firstReview = await store.recordDecision({ ...first.decision, officer: officer.userId, note: 'records down; passport and face checked' }, officer, { offline: true });
      clockOffsetMs += 60_000;
      const second = reviewableDecision(900_001, clock.now());
      await store.recordDecision({ ...second.decision, officer: officer.userId, ruleReasons: ['chip_not_read', 'records_unavailable'] }, officer, { offline: true });
      clockOffsetMs += 60_000;
      const alert: SupervisorAlert = {
        alertId: 'alert-e2e-1',
        code: 'override_attempt_on_mandatory_referral',
        subject: { kind: 'occupant', occupantId: 'occ-e2e-3', identityKey: 'doc:UTO:L00000003' },
        officer: officer.userId,
        at: clock.now().toISOString(),
        mandatoryReasons: ['face_not_matched'],
        message: `${officer.userId} tried to clear a mandatory referral (face_not_matched); the referral stands`,
      };
      const attempt = await store.recordOverrideAttempt(alert, officer);
      return [`review-${firstReview.decisionId}`, `review-${second.decision.decisionId}`, attempt.reviewId];
    } finally {
      clockOffsetMs = 0;
    }
  },

  async seedOfflineDepartures(name: string): Promise<string[]> {
    const store = await storeFor(name);
    const recorded = await store.recordExit(offlineDepartures(officer.userId, clock.now().toISOString()), officer);
    return [...recorded.reviewIds];
  },

  /** Referrals of a face with no reference photo to compare it with: one stored before its code existed, today's, and an attempt to clear one. */
  async seedFaceNotCompared(name: string): Promise<string[]> {
    const store = await storeFor(name);
    const { decision: plain } = reviewableDecision(900_010, clock.now());
    const identityKey = plain.subject.kind === 'occupant' ? (plain.subject.identityKey ?? '') : '';
    // What the rules record for a lone face and lone papers at a one-traveller booth with no photo to compare: a face
    // seen, the identity and age, no comparison.
    const notCompared: DecisionRecord = {
      ...plain,
      officer: officer.userId,
      outcome: 'refer',
      recommended: 'refer',
      ruleReasons: ['face_not_compared'],
      evidence: [{ kind: 'faces_seen', trackIds: ['track-1'] }, ...plain.evidence.filter((e) => e.kind === 'identity' || e.kind === 'age')],
      versions: { ...plain.versions, rules: inspectionRulesVersion },
    };
    // A minute apart, so the queue (oldest first) lists them in this order.
    clockOffsetMs = -3 * 60_000;
    try {
      const legacy = await store.recordDecision({ ...notCompared, decisionId: `${notCompared.decisionId}-legacy`, ruleReasons: ['face_not_matched'], versions: { ...plain.versions, rules: 'inspection-rules-2026.11.1' } }, officer, { mandatoryReferral: true });
      clockOffsetMs += 60_000;
      const current = await store.recordDecision({ ...notCompared, decidedAt: clock.now().toISOString() }, officer, { mandatoryReferral: true });
      clockOffsetMs += 60_000;
      const alert: SupervisorAlert = {
        alertId: 'alert-e2e-not-compared',
        code: 'override_attempt_on_mandatory_referral',
        subject: { kind: 'occupant', occupantId: 'track-1', identityKey },
        officer: officer.userId,
        at: clock.now().toISOString(),
        mandatoryReasons: ['face_not_compared'],
        message: `${officer.userId} tried to clear a mandatory referral (face_not_compared); the referral stands`,
      };
      const attempt = await store.recordOverrideAttempt(alert, officer);
      return [`review-${legacy.decisionId}`, `review-${current.decisionId}`, attempt.reviewId];
    } finally {
      clockOffsetMs = 0;
    }
  },

  /** `count` open items (bulk rows, see seedReviewQueueRows), the oldest two days old. */
  async seedMany(name: string, count: number): Promise<void> {
    const store = await storeFor(name);
    const db = new BoothDatabase(name);
    await db.open();
    try {
      await seedReviewQueueRows(db, await RecordCipher.create(keys()), count, new Date(Date.now() - 2 * 86_400_000));
    } finally {
      db.close();
    }
    await store.listReviewQueue({}, { offset: 0, limit: 1 });
  },

  async mount(name: string, actor: AuditActor): Promise<void> {
    mountScreen(await storeFor(name), actor);
  },

  /** bench:review: from render() of a fresh <ReviewScreen> to its first loaded row in the DOM, and to the next frame after. */
  async measureMount(name: string, actor: AuditActor): Promise<{ rowsMs: number; nextFrameMs: number; rowsInDom: number; total: string }> {
    const store = await storeFor(name); // the store is opened at sign-in, not by the screen
    unmount();
    await nextFrame();
    const start = performance.now();
    root = createRoot(container());
    root.render(<ReviewScreen store={store} actor={actor} refreshIntervalMs={0} policies={shippedPolicies} />);
    await firstLoadedRow(10_000);
    const rowsMs = performance.now() - start;
    await nextFrame();
    const nextFrameMs = performance.now() - start;
    return { rowsMs, nextFrameMs, rowsInDom: container().querySelectorAll('[data-testid="review-row"]').length, total: container().querySelector('[data-testid="review-total"]')?.textContent ?? '' };
  },

  unmount,

  /** A verdict from elsewhere (another supervisor's screen). */
  async applyElsewhere(name: string, reviewId: string, actor: AuditActor): Promise<void> {
    await (await storeFor(name)).applyReview(reviewId, { verdict: 'approved' }, actor);
  },

  /** Every item in one state (through the queue, so no view is audited). */
  async itemsIn(name: string, state: ReviewState): Promise<ReviewQueueItem[]> {
    return [...(await (await storeFor(name)).listReviewQueue({ state }, { offset: 0, limit: 1000 })).items];
  },

  /** The audit log as exported (the export adds its own entry), and whether its chain verifies. */
  async audit(name: string, actor: AuditActor): Promise<{ entries: AuditEntry[]; ok: boolean }> {
    const store = await storeFor(name);
    const { jsonl } = await store.exportAudit(actor);
    const entries = jsonl
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as AuditEntry);
    return { entries, ok: (await store.verifyAudit()).ok };
  },
};

(globalThis as unknown as { boothReviewHarness: ReviewHarnessApi }).boothReviewHarness = harness;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
