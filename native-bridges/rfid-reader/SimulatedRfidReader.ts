import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { Ids } from '../../app/ports/Ids';
import type { RfidReaderPort } from '../../app/ports/RfidReaderPort';
import { rfidTagReadSchema, type RfidCardRead, type RfidCardType } from '../../app/ports/rfidRead';
import { RfidDeduplicator, type RfidDedupOptions } from '../../app/inspection/rfidDeduplicator';
import { SimulatedDevice } from '../simulator/SimulatedDevice';
import { Emitter } from '../../app/shared/event';

export interface SimulatedRfidReaderOptions {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly laneId?: string;
  readonly dedup?: Partial<RfidDedupOptions>;
  /** Raw tag reads per card per arrival, as a real reader repeats them (antennas x passes). */
  readonly repeats?: number;
}

/**
 * A UHF reader playing the cards of a scripted vehicle: each card is reported many times, as by a real
 * reader, and the de-duplication turns them into one card read each.
 */
export class SimulatedRfidReader extends SimulatedDevice<'rfidReader'> implements RfidReaderPort {
  private readonly dedup: RfidDeduplicator;
  private readonly cards = new Emitter<RfidCardRead>('RFID card reads');

  constructor(private readonly options: SimulatedRfidReaderOptions) {
    super({ kind: 'rfidReader', id: 'sim-rfid-reader', name: 'RFID reader (simulated)', clock: options.clock });
    this.dedup = new RfidDeduplicator(options.ids, this.id, options.dedup);
  }
  onCard(listener: (card: RfidCardRead) => void): Unsubscribe {
    return this.cards.event(listener);
  }

  /** Cards enter the field; returns the de-duplicated card reads it produced (none for cards already seen in the window). */
  present(cards: readonly { readonly reference: string; readonly cardType: RfidCardType }[]): readonly RfidCardRead[] {
    if (!this.connected) return [];
    const fresh: RfidCardRead[] = [];
    const repeats = this.options.repeats ?? 4;
    for (let pass = 0; pass < repeats; pass++) {
      for (const [i, card] of cards.entries()) {
        const tag = rfidTagReadSchema.parse({ ...card, laneId: this.options.laneId ?? 'lane-1', antenna: pass % 2, rssi: -50 - i * 3 - pass, readAt: this.options.clock.now().toISOString() });
        const read = this.dedup.add(tag);
        if (read) fresh.push(read);
      }
    }
    for (const card of fresh) this.cards.fire(card);
    return fresh;
  }
}
