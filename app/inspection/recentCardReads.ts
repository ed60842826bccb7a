import type { RfidCardRead } from '../ports/rfidRead';

/** How long a card read waits for its vehicle's plate. */
export const defaultCardMemoryMs = 60_000;
/**
 * The most card reads kept waiting. A lane passes a few vehicles a minute with a few cards each; the cap only
 * matters when reads keep coming and no plate takes them (plate camera down, reader stuck on a tag).
 */
export const defaultMaxWaitingCards = 256;

/**
 * Card reads waiting for the plate of the vehicle they belong to, bounded in age and in number (the oldest go
 * first), so a plate reader that stays down does not make the booth hold every card it reads.
 */
export class RecentCardReads {
  private cards: RfidCardRead[] = [];

  constructor(
    private readonly memoryMs = defaultCardMemoryMs,
    private readonly maxCards = defaultMaxWaitingCards,
  ) {}

  get size(): number {
    return this.cards.length;
  }

  /** Keeps a new read; forgets those older than the memory at `now`, then the oldest beyond the cap. */
  add(card: RfidCardRead, now: Date): void {
    this.forgetOld(now);
    this.cards.push(card);
    if (this.cards.length > this.maxCards) this.cards.splice(0, this.cards.length - this.maxCards);
  }

  /** The reads still waiting at `now`, oldest first; those in `taken` (by the previous vehicle) are forgotten. */
  waiting(now: Date, taken: ReadonlySet<string> = new Set()): readonly RfidCardRead[] {
    this.forgetOld(now);
    if (taken.size > 0) this.cards = this.cards.filter((card) => !taken.has(card.readId));
    return [...this.cards];
  }

  private forgetOld(now: Date): void {
    const cutoff = now.getTime() - this.memoryMs;
    // A read whose time cannot be read (NaN) is not kept either.
    this.cards = this.cards.filter((card) => Date.parse(card.firstReadAt) >= cutoff);
  }
}
