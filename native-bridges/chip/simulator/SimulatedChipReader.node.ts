import type { Clock } from '../../../app/ports/Clock';
import type { ChipCardEvent, ChipReaderPort, ChipReadResult, ReadPassportRequest } from '../../../app/ports/ChipReaderPort';
import type { Unsubscribe } from '../../../app/ports/DevicePort';
import { SimulatedDevice } from '../../simulator/SimulatedDevice';
import { ChipReadError } from '../chipReadError';
import { readPassportChip } from '../passportReader.node.ts';
import { createSimulatedPassport, type SimulatedPassport } from './createSimulatedPassport.node.ts';
import type { SimulatedPassportConfigInput, SodBuilder } from './simulatedPassportConfig';
import { Emitter } from '../../../app/shared/event';

const readerName = 'Simulated chip reader';

/**
 * A chip reader with the simulated e-passport chip on it, in process: the same chip and the same reading code
 * as the PC/SC path, without pcscd (which a trainer's laptop may not run). Trainers place passports with
 * faults (clone, altered data groups, forged SOD) to rehearse what the officer sees.
 */
export class SimulatedChipReader extends SimulatedDevice<'chipReader'> implements ChipReaderPort {
  private readonly cardEvents = new Emitter<ChipCardEvent>('chip card events');
  private passport: SimulatedPassport | undefined;

  constructor(
    clock: Clock,
    private readonly buildSod: SodBuilder,
  ) {
    super({ kind: 'chipReader', id: 'sim-chip-reader', name: 'Chip reader (simulated)', clock });
  }

  async listReaders(): Promise<readonly string[]> {
    return this.connected ? [readerName] : [];
  }

  onCard(listener: (event: ChipCardEvent) => void): Unsubscribe {
    return this.cardEvents.event(listener);
  }

  /** Puts a passport with this chip configuration on the reader (replacing any other); returns it, for tests to compare what was read. */
  async placePassport(config: SimulatedPassportConfigInput): Promise<SimulatedPassport> {
    const passport = await createSimulatedPassport(config, this.buildSod);
    this.passport = passport;
    this.cardEvents.fire({ type: 'inserted', reader: readerName, atr: Buffer.from(passport.chip.atr).toString('hex') });
    return passport;
  }

  removePassport(): void {
    if (!this.passport) return;
    this.passport = undefined;
    this.cardEvents.fire({ type: 'removed', reader: readerName });
  }

  async readPassport(request: ReadPassportRequest): Promise<ChipReadResult> {
    if (!this.connected) throw new ChipReadError('no_reader', 'the chip reader is disconnected');
    const passport = this.passport;
    if (!passport) throw new ChipReadError('no_card', 'no passport is on the chip reader');
    passport.chip.reset();
    const delayMs = passport.config.faults.responseDelayMs;
    const channel = {
      transmit: async (command: Uint8Array) => {
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (this.passport !== passport) throw new ChipReadError('card_removed', 'the passport was taken off the reader during the read');
        return passport.chip.process(command);
      },
    };
    return readPassportChip(channel, request, readerName);
  }
}
