import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { DeviceStatus } from '../../app/ports/deviceStatus';
import type { Ids } from '../../app/ports/Ids';
import type { RfidReaderPort } from '../../app/ports/RfidReaderPort';
import type { RfidCardRead } from '../../app/ports/rfidRead';
import { RfidDeduplicator, type RfidDedupOptions } from '../../app/inspection/rfidDeduplicator';
import { DeviceStatusCell } from '../device/DeviceStatusCell';
import { TcpLineServer } from '../plate-reader/TcpLineServer.node.ts';
import { parseRfidLine } from './rfidLineProtocol';
import { Emitter } from '../../app/shared/event';

export interface RfidTcpReaderOptions {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly id?: string;
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly maxLineBytes?: number;
  readonly maxConnections?: number;
  readonly dedup?: Partial<RfidDedupOptions>;
}

/**
 * A UHF reader (or its middleware) pushing tag reads over the TCP line protocol in README.md. Tag reads are
 * parsed at the boundary and de-duplicated; each card reaches `onCard` once per read window.
 */
export class RfidTcpReader implements RfidReaderPort {
  readonly kind = 'rfidReader' as const;
  readonly id: string;
  private readonly cell: DeviceStatusCell;
  private readonly dedup: RfidDeduplicator;
  private readonly server: TcpLineServer;
  private readonly cards = new Emitter<RfidCardRead>('RFID card reads');
  private paused = false;
  private listening = false;

  constructor(private readonly options: RfidTcpReaderOptions) {
    this.id = options.id ?? 'rfid-tcp-reader';
    this.cell = new DeviceStatusCell('rfidReader', this.id, 'RFID reader (UHF)', options.clock);
    this.dedup = new RfidDeduplicator(options.ids, this.id, options.dedup);
    const maxLineBytes = options.maxLineBytes ?? 512;
    this.server = new TcpLineServer({
      host: options.host ?? '127.0.0.1',
      port: options.port,
      maxLineBytes,
      maxConnections: options.maxConnections ?? 8,
      onLine: (line, reply) => this.handleLine(line, reply),
      onOversize: (reply) => reply(`ERR too_large line is over the ${maxLineBytes}-byte limit`),
      onPartialLine: () => undefined,
    });
  }

  status(): DeviceStatus {
    return this.cell.get();
  }
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.cell.onChange(listener);
  }
  onCard(listener: (card: RfidCardRead) => void): Unsubscribe {
    return this.cards.event(listener);
  }

  get port(): number | undefined {
    return this.server.port;
  }

  async start(): Promise<void> {
    if (this.listening) return;
    try {
      await this.server.start((error) => this.cell.set(false, `listener failed: ${error.message}`));
      this.listening = true;
      this.refresh();
    } catch (error) {
      this.cell.set(false, `cannot listen: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async stop(): Promise<void> {
    this.listening = false;
    await this.server.stop();
    this.cell.set(false, 'stopped');
  }

  /** Lane closed: tag reads are refused until `resume`. */
  pause(reason = 'lane closed: card reads paused'): void {
    this.paused = true;
    this.cell.set(false, reason);
  }

  resume(): void {
    this.paused = false;
    this.refresh();
  }

  private refresh(): void {
    if (!this.paused && this.listening) this.cell.set(true, `listening on TCP ${this.options.host ?? '127.0.0.1'}:${this.server.port}`);
  }

  private handleLine(line: string, reply: (answer: string) => void): void {
    const parsed = parseRfidLine(line);
    switch (parsed.type) {
      case 'ping':
        return reply('PONG');
      case 'error':
        return reply(`ERR ${parsed.code} ${parsed.message}`);
      case 'tag': {
        if (this.paused) return reply('ERR paused card reads are paused (lane closed)');
        const card = this.dedup.add(parsed.tag);
        if (!card) return reply(`SEEN ${parsed.tag.reference}`);
        this.cards.fire(card);
        return reply(`OK ${card.readId}`);
      }
    }
  }
}
