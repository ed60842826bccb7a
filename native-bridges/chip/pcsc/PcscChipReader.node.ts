import { Context, ReaderMonitor, SCARD_PROTOCOL_T0, SCARD_PROTOCOL_T1, SCARD_LEAVE_CARD, SCARD_RESET_CARD, SCARD_SHARE_EXCLUSIVE, SCARD_STATE_PRESENT } from 'smartcard';
import type { CardInterface, ReaderInterface } from 'smartcard';
import type { Clock } from '../../../app/ports/Clock';
import { systemClock } from '../../../app/ports/Clock';
import type { Unsubscribe } from '../../../app/ports/DevicePort';
import type { DeviceStatus } from '../../../app/ports/deviceStatus';
import { DeviceStatusCell } from '../../device/DeviceStatusCell';
import { bytesToHex } from '../bytes';
import type { CardChannel } from '../cardChannel';
import { ChipReadError } from '../chipReadError';
import type { ChipCardEvent, ChipReaderPort, ChipReadResult, ReadPassportRequest } from '../../../app/ports/ChipReaderPort';
import { readPassportChip } from '../passportReader.node.ts';
import type { PassportReadOptions } from '../passportReader.node.ts';
import { Emitter } from '../../../app/shared/event';

export interface PcscChipReaderOptions {
  readonly id?: string;
  readonly clock?: Clock;
  /** Per-APDU time limit. */
  readonly transmitTimeoutMs?: number;
  /** How long readPassport waits for a card to be placed. */
  readonly cardWaitMs?: number;
  /** Reader used when a request names none (else the first with a card). */
  readonly defaultReader?: string;
  readonly passportRead?: PassportReadOptions;
}

type PcscContext = InstanceType<typeof Context>;

const removedMessage = 'the passport was removed from the reader during the read: place it again and hold it still';

/** Windows/pcsc-lite codes meaning the card is gone or was reset under us. */
const cardGoneCodes = new Set([0x80100069, 0x80100068, 0x8010000c, 0x80100066, 0x80100017, 0x80100016]);

function errorCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code >>> 0 : undefined;
}

/**
 * The booth's chip reader over PC/SC (pcscd) with the `smartcard` N-API binding: reader selection,
 * card insertion/removal events, per-APDU timeouts, and a clear `card_removed` error when the passport
 * leaves the field mid-read (the next read starts a fresh connection, so it works again).
 */
export class PcscChipReader implements ChipReaderPort {
  readonly kind = 'chipReader' as const;
  readonly id: string;
  private readonly clock: Clock;
  private readonly statusCell: DeviceStatusCell;
  private readonly cardEvents = new Emitter<ChipCardEvent>('chip card events');
  private monitor: InstanceType<typeof ReaderMonitor> | undefined;
  private busy: Promise<unknown> = Promise.resolve();
  /** Card presence per reader as the monitor last reported it (read without blocking PC/SC calls). */
  private readonly cardPresent = new Map<string, boolean>();

  constructor(private readonly options: PcscChipReaderOptions = {}) {
    this.id = options.id ?? 'pcsc';
    this.clock = options.clock ?? systemClock;
    this.statusCell = new DeviceStatusCell('chipReader', this.id, 'Chip reader (PC/SC)', this.clock);
  }

  status(): DeviceStatus {
    return this.statusCell.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.statusCell.onChange(listener);
  }

  onCard(listener: (event: ChipCardEvent) => void): Unsubscribe {
    return this.cardEvents.event(listener);
  }


  async start(): Promise<void> {
    if (this.monitor) return;
    try {
      const readers = await this.listReaders();
      this.statusCell.set(readers.length > 0, readers.length > 0 ? readers.join(', ') : 'no PC/SC reader attached');
      const monitor = new ReaderMonitor();
      monitor.start((event) => {
        if (event.type === 'card-inserted' || event.type === 'card-removed') {
          this.cardPresent.set(event.reader, event.type === 'card-inserted');
          const card: ChipCardEvent = { type: event.type === 'card-inserted' ? 'inserted' : 'removed', reader: event.reader, ...(event.atr ? { atr: bytesToHex(event.atr) } : {}) };
          this.cardEvents.fire(card);
        } else if (event.type === 'reader-attached' || event.type === 'reader-detached') {
          void this.listReaders().then((names) => this.statusCell.set(names.length > 0, names.length > 0 ? names.join(', ') : 'no PC/SC reader attached'));
        } else if (event.type === 'error') {
          this.statusCell.set(false, 'PC/SC monitor error (is pcscd running?)');
        }
      });
      this.monitor = monitor;
    } catch (e) {
      this.statusCell.set(false, `PC/SC unavailable: ${(e as Error).message}`);
    }
  }

  async stop(): Promise<void> {
    this.monitor?.stop();
    this.monitor = undefined;
    this.statusCell.set(false, 'stopped');
  }

  async listReaders(): Promise<readonly string[]> {
    const context = this.openContext();
    try {
      return context.listReaders().map((r) => r.name);
    } finally {
      context.close();
    }
  }

  private openContext(): PcscContext {
    try {
      return new Context();
    } catch (e) {
      throw new ChipReadError('pcsc_unavailable', `cannot talk to pcscd: ${(e as Error).message}`, { cause: e });
    }
  }

  /** Reads one passport; concurrent calls are serialised (one card session at a time). */
  readPassport(request: ReadPassportRequest): Promise<ChipReadResult> {
    const run = this.busy.then(() => this.readOnce(request));
    this.busy = run.catch(() => undefined);
    return run;
  }

  private async readOnce(request: ReadPassportRequest): Promise<ChipReadResult> {
    const context = this.openContext();
    let card: CardInterface | undefined;
    try {
      const reader = await this.waitForCard(context, request.reader ?? this.options.defaultReader);
      try {
        card = await reader.connect(SCARD_SHARE_EXCLUSIVE, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1);
        // A warm reset first, so no secure-messaging state of an earlier session is left on the chip. It is
        // asynchronous in the binding; a synchronous reset (disconnect with SCARD_RESET_CARD) would block this
        // thread while pcscd waits for the card, which deadlocks a simulated chip hosted in the same process.
        await card.reconnect(SCARD_SHARE_EXCLUSIVE, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, SCARD_RESET_CARD);
      } catch (e) {
        throw this.translate(e, reader.name, 'connect');
      }
      const connected = card;
      const channel: CardChannel = { transmit: (command) => this.transmit(connected, command, reader.name) };
      return await readPassportChip(channel, request, reader.name, this.options.passportRead);
    } finally {
      try {
        card?.disconnect(SCARD_LEAVE_CARD);
      } catch {
        // The card may already be gone.
      }
      context.close();
    }
  }

  private async waitForCard(context: PcscContext, wanted: string | undefined): Promise<ReaderInterface> {
    const deadline = Date.now() + (this.options.cardWaitMs ?? 3000);
    for (;;) {
      const readers = context.listReaders();
      if (readers.length === 0) throw new ChipReadError('no_reader', 'no PC/SC reader is attached');
      const candidates = wanted ? readers.filter((r) => r.name === wanted || r.name.includes(wanted)) : readers;
      if (candidates.length === 0) throw new ChipReadError('no_reader', `no reader named "${wanted}" (have: ${readers.map((r) => r.name).join(', ')})`);
      const withCard = candidates.find((r) => (r.state & SCARD_STATE_PRESENT) !== 0);
      if (withCard) return withCard;
      const left = deadline - Date.now();
      if (left <= 0) throw new ChipReadError('no_card', `no passport on ${wanted ? `reader "${candidates[0]!.name}"` : 'any reader'}`);
      // Polling: waitForChange on fresh contexts was seen to block past its timeout with this binding.
      await new Promise((r) => setTimeout(r, Math.min(left, 50)));
    }
  }

  private async transmit(card: CardInterface, command: Uint8Array, readerName: string): Promise<Uint8Array> {
    const timeoutMs = this.options.transmitTimeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ChipReadError('timeout', `the chip did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const response = await Promise.race([card.transmit(Buffer.from(command), { maxRecvLength: 65538 }), timeout]);
      // pcscd hands back an empty answer when the card vanished between command and response.
      if (response.length < 2) throw new ChipReadError('card_removed', removedMessage);
      return new Uint8Array(response);
    } catch (e) {
      if (e instanceof ChipReadError) throw e;
      throw this.translate(e, readerName, 'transmit');
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Maps a binding error to a ChipReadError without further PC/SC calls: a synchronous call here could block
   * on pcscd while it waits for a card that is hosted (simulated) in this very process.
   */
  private translate(error: unknown, readerName: string, step: string): ChipReadError {
    const code = errorCode(error);
    const message = (error as Error)?.message ?? String(error);
    const gone = (code !== undefined && cardGoneCodes.has(code)) || /removed|no smart card|reset|not transacted|unresponsive/i.test(message) || this.cardPresent.get(readerName) === false;
    if (gone) {
      return new ChipReadError('card_removed', removedMessage, { cause: error });
    }
    return new ChipReadError('protocol', `PC/SC ${step} failed on "${readerName}": ${message}`, { cause: error });
  }
}
