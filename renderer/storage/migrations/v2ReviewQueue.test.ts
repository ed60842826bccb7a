import { describe, expect, it } from 'vitest';
import type { SealedField } from '../recordCipher';
import { deadLetterReviewOf, decisionRowV1toV2, outboxRowsV1toV2, type DecisionRowV1, type OutboxRowV1 } from './v2ReviewQueue';

const sealed: SealedField = { enc: 'json', iv: new Uint8Array(12), data: new ArrayBuffer(4) };
const decisionV1 = (overrides: Partial<DecisionRowV1> = {}): DecisionRowV1 => ({
  decisionId: 'd-1',
  decidedAt: '2026-11-01T08:00:00.000Z',
  recordedAt: '2026-11-01T08:00:01.000Z',
  officer: 'officer-1',
  outcome: 'clear',
  recommended: 'clear',
  overridden: false,
  offline: false,
  mandatory: false,
  ruleReasons: ['face_matched'],
  officerReasons: [],
  versions: { rules: 'r', faceModel: { modelId: 'm', modelVersion: '1', calibrationVersion: 'c', targetFmr: 0.001, threshold: 0.4 } },
  route: 'standard',
  biometricRetained: true,
  travellerTag: 'tag-a',
  sealed,
  ...overrides,
});

describe('schema 1 -> 2: decisions', () => {
  it('a decision that needs no review keeps every field, gains reviewState not_needed and no review row', () => {
    const row = decisionV1();
    const { decision, review } = decisionRowV1toV2(row);
    expect(decision).toEqual({ ...row, reviewState: 'not_needed' });
    expect(decision.sealed).toBe(sealed);
    expect(review).toBeNull();
  });

  it('derives the review from recorded facts: offline, forced referral, override, chip failure (most important first)', () => {
    expect(decisionRowV1toV2(decisionV1({ offline: true })).review).toMatchObject({ reviewId: 'review-d-1', kind: 'offline_decision', kinds: ['offline_decision'], state: 'open', createdAt: '2026-11-01T08:00:01.000Z', decisionId: 'd-1', officer: 'officer-1' });
    const all = decisionRowV1toV2(decisionV1({ offline: true, mandatory: true, outcome: 'refer', ruleReasons: ['chip_not_read', 'face_not_matched'] }));
    expect(all.decision.reviewState).toBe('pending');
    expect(all.review).toMatchObject({ kind: 'forced_referral', kinds: ['forced_referral', 'chip_failure', 'offline_decision'] });
    expect(decisionRowV1toV2(decisionV1({ overridden: true, recommended: 'refer' })).review?.kind).toBe('override');
    expect(decisionRowV1toV2(decisionV1({ mandatory: true, outcome: 'clear' })).review).toBeNull();
  });
});

describe('schema 1 -> 2: outbox', () => {
  const item = (itemId: string, createdAt: string, state: OutboxRowV1['state']): OutboxRowV1 => ({ itemId, idempotencyKey: `k-${itemId}`, travellerTag: 't', decisionId: `d-${itemId}`, createdAt, attempts: 2, nextAttemptAt: '2026-11-01T09:00:00.000Z', state, lastError: state === 'failed' ? 'HTTP 422' : null, sealed });

  it('numbers items in creation order (ties by id), renames states and keeps every other field', () => {
    const rows = [item('b', '2026-11-01T08:00:02.000Z', 'sent'), item('c', '2026-11-01T08:00:01.000Z', 'failed'), item('a', '2026-11-01T08:00:02.000Z', 'sending'), item('d', '2026-11-01T08:00:03.000Z', 'pending')];
    const migrated = outboxRowsV1toV2(rows, 3);
    expect(migrated.map((r) => [r.itemId, r.seq, r.state, r.rejections])).toEqual([
      ['c', 0, 'dead_letter', 3],
      ['a', 1, 'in_flight', 0],
      ['b', 2, 'synced', 0],
      ['d', 3, 'pending', 0],
    ]);
    expect(migrated[2]).toMatchObject({ travellerKey: 't', syncedAt: '2026-11-01T09:00:00.000Z', attempts: 2, idempotencyKey: 'k-b', decisionId: 'd-b' });
    expect(migrated[3]?.syncedAt).toBeNull();
    expect(migrated[0]).not.toHaveProperty('travellerTag');
  });

  it('queues a dead letter for review, nothing else', () => {
    const [dead, pending] = outboxRowsV1toV2([item('c', '2026-11-01T08:00:01.000Z', 'failed'), item('d', '2026-11-01T08:00:03.000Z', 'pending')], 3);
    expect(dead && deadLetterReviewOf(dead)).toMatchObject({ reviewId: 'review-c', kind: 'dead_lettered_sync', outboxItemId: 'c', decisionId: 'd-c', state: 'open' });
    expect(pending && deadLetterReviewOf(pending)).toBeNull();
  });
});
