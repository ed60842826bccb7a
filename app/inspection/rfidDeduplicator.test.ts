import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../ports/Ids';
import type { RfidTagRead } from '../ports/rfidRead';
import { RfidDeduplicator } from './rfidDeduplicator';

const tag = (reference: string, second: number, rssi = -60, laneId = 'lane-1'): RfidTagRead => ({
  reference,
  cardType: 'passport_card',
  laneId,
  rssi,
  readAt: new Date(Date.UTC(2026, 10, 23, 10, 0, second)).toISOString(),
});

describe('RfidDeduplicator', () => {
  it('reports each card once per read window, however often the reader repeats it', () => {
    const dedup = new RfidDeduplicator(sequentialIds(), 'rfid', { windowMs: 15_000 });
    const cards = [tag('AAAA1', 0), tag('BBBB2', 0), tag('AAAA1', 0, -40), tag('AAAA1', 1), tag('BBBB2', 2), tag('AAAA1', 14)].map((t) => dedup.add(t)).filter(Boolean);
    expect(cards.map((c) => c?.reference)).toEqual(['AAAA1', 'BBBB2']);
    expect(dedup.cardsInLane('lane-1').find((c) => c.reference === 'AAAA1')).toMatchObject({ tagReads: 4, rssi: -40, readId: 'rfid-1' });
  });

  it('reports a card again after it was out of the field longer than the window, and per lane', () => {
    const dedup = new RfidDeduplicator(sequentialIds(), 'rfid', { windowMs: 15_000 });
    expect(dedup.add(tag('AAAA1', 0))).toBeDefined();
    expect(dedup.add(tag('AAAA1', 10))).toBeUndefined();
    expect(dedup.add(tag('AAAA1', 10, -60, 'lane-2'))).toBeDefined();
    expect(dedup.add(tag('AAAA1', 26))).toBeDefined(); // 16 s after its last read in lane-1
  });
});
