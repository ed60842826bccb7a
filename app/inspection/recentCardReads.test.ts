import { describe, expect, it } from 'vitest';
import type { RfidCardRead } from '../ports/rfidRead';
import { RecentCardReads } from './recentCardReads';

const start = Date.parse('2026-11-23T10:00:00Z');
const card = (n: number, readAtMs: number): RfidCardRead => ({ readId: `card-${n}`, readerId: 'uhf', reference: `REF${String(n).padStart(5, '0')}`, cardType: 'passport_card', laneId: 'lane-1', readAt: new Date(start + readAtMs).toISOString(), firstReadAt: new Date(start + readAtMs).toISOString(), tagReads: 1 });

describe('RecentCardReads: card reads waiting for a plate', () => {
  it('forgets reads older than its memory as new ones come, even when no plate ever asks', () => {
    const reads = new RecentCardReads(60_000, 1000);
    for (let n = 0; n < 3600; n++) reads.add(card(n, n * 1000), new Date(start + n * 1000));
    // Reads of the last minute only (the one read exactly 60 s before is still kept).
    expect(reads.size).toBe(61);
    expect(reads.waiting(new Date(start + 3599_000)).map((c) => c.readId)[0]).toBe('card-3539');
  });

  it('keeps at most its cap, dropping the oldest first', () => {
    const reads = new RecentCardReads(60_000, 4);
    for (let n = 0; n < 10; n++) reads.add(card(n, 0), new Date(start));
    expect(reads.waiting(new Date(start)).map((c) => c.readId)).toEqual(['card-6', 'card-7', 'card-8', 'card-9']);
  });

  it('forgets for good the reads a vehicle took', () => {
    const reads = new RecentCardReads();
    for (let n = 0; n < 3; n++) reads.add(card(n, 0), new Date(start));
    expect(reads.waiting(new Date(start), new Set(['card-1'])).map((c) => c.readId)).toEqual(['card-0', 'card-2']);
    expect(reads.waiting(new Date(start)).map((c) => c.readId)).toEqual(['card-0', 'card-2']);
  });
});
