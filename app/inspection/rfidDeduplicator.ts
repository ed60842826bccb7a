import type { Ids } from '../ports/Ids';
import type { RfidCardRead, RfidTagRead } from '../ports/rfidRead';

export interface RfidDedupOptions {
  /** A reference read again within this time of its last read is the same card still in the field. */
  readonly windowMs: number;
}

export const defaultRfidDedupOptions: RfidDedupOptions = { windowMs: 15_000 };

/**
 * A UHF reader reports each card many times a second while it is in the field (several antennas, several
 * passes). This collapses them: the first read of a reference in a lane is a card, the rest within the window
 * only extend it. A card that leaves for longer than the window and comes back is a new card read.
 */
export class RfidDeduplicator {
  private readonly seen = new Map<string, { card: RfidCardRead; lastMs: number }>();
  private readonly options: RfidDedupOptions;

  constructor(
    private readonly ids: Ids,
    private readonly readerId: string,
    options: Partial<RfidDedupOptions> = {},
  ) {
    this.options = { ...defaultRfidDedupOptions, ...options };
  }

  /** The new card when this tag read starts one, undefined when it repeats a card already reported. */
  add(tag: RfidTagRead): RfidCardRead | undefined {
    const at = Date.parse(tag.readAt);
    const key = `${tag.laneId}\u0000${tag.reference}`;
    for (const [k, entry] of this.seen) if (at - entry.lastMs > this.options.windowMs) this.seen.delete(k);
    const existing = this.seen.get(key);
    if (existing) {
      existing.lastMs = Math.max(existing.lastMs, at);
      existing.card = { ...existing.card, tagReads: existing.card.tagReads + 1, rssi: strongest(existing.card.rssi, tag.rssi) };
      return undefined;
    }
    const card: RfidCardRead = { ...tag, readId: this.ids.next('rfid'), readerId: this.readerId, firstReadAt: tag.readAt, tagReads: 1 };
    this.seen.set(key, { card, lastMs: at });
    return card;
  }

  /** Cards currently in their window for a lane, with their accumulated tag-read counts. */
  cardsInLane(laneId: string): readonly RfidCardRead[] {
    return [...this.seen.values()].filter((e) => e.card.laneId === laneId).map((e) => e.card);
  }
}

function strongest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}
