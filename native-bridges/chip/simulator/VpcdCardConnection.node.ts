import { openQuickAckRelayLink, openTcpLink, relayInterpreter } from './vpcdLink.node.ts';
import type { VpcdLink, VpcdLinkHandlers } from './vpcdLink.node.ts';

/** What the vpcd link needs from a virtual card. */
export interface VirtualCard {
  readonly atr: Uint8Array;
  /** Called on power on/off and reset: the card loses its session state. */
  reset(): void;
  process(command: Uint8Array): Uint8Array;
}

export interface VpcdCardConnectionOptions {
  readonly host?: string;
  /** 35963 is vpcd's first reader ("Virtual PCD 00 00"), 35964 the second. */
  readonly port?: number;
  /** Delay before every APDU response (slow chip). */
  readonly responseDelayMs?: number;
  /** Leave the field after this many APDUs (once), as if the officer pulled the passport away. */
  readonly dropAfterApdus?: number;
  /** Come back this long after such a drop. */
  readonly reinsertAfterMs?: number;
  readonly log?: (message: string) => void;
  /** 'auto' (default) uses the quick-ACK relay when python3 exists, else plain TCP. */
  readonly transport?: 'auto' | 'tcp';
}

export const vpcdDefaultPort = 35963;

const control = { powerOff: 0, powerOn: 1, reset: 2, getAtr: 4 } as const;

/**
 * Connects a virtual card to vsmartcard's vpcd driver inside pcscd (vpcd protocol: 2-byte big-endian length,
 * then either a 1-byte control code or a command APDU). While connected, the reader shows a card present;
 * closing the socket is a card removal.
 */
export class VpcdCardConnection {
  private link: VpcdLink | undefined;
  private buffer = new Uint8Array(0);
  private apduCount = 0;
  private dropped = false;
  private stopped = false;
  private reinsertTimer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly card: VirtualCard,
    private readonly options: VpcdCardConnectionOptions = {},
  ) {}

  /** True while the card is "in the field". */
  get inserted(): boolean {
    return this.link !== undefined;
  }

  /** Inserts the card (connects to vpcd); resolves once connected. */
  async insert(): Promise<void> {
    this.stopped = false;
    if (this.link) return;
    const host = this.options.host ?? '127.0.0.1';
    const port = this.options.port ?? vpcdDefaultPort;
    let link: VpcdLink | undefined;
    const handlers: VpcdLinkHandlers = {
      onData: (chunk) => link && this.receive(link, chunk),
      onClose: () => {
        if (this.link === link) this.link = undefined;
      },
      onError: (message) => this.options.log?.(`vpcd link error: ${message}`),
    };
    const useRelay = this.options.transport !== 'tcp' && relayInterpreter() !== undefined;
    try {
      this.buffer = new Uint8Array(0);
      this.card.reset();
      link = useRelay ? await openQuickAckRelayLink(host, port, handlers) : await openTcpLink(host, port, handlers);
    } catch (error) {
      throw new Error(`cannot reach vpcd at ${host}:${port} (is pcscd with vsmartcard-vpcd running?): ${(error as Error).message}`, { cause: error });
    }
    this.link = link;
  }

  /** Takes the card out of the field (closes the vpcd connection). */
  async remove(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close();
  }

  /** Removes the card and cancels any pending re-insertion. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reinsertTimer) clearTimeout(this.reinsertTimer);
    this.reinsertTimer = undefined;
    await this.remove();
  }

  private receive(link: VpcdLink, chunk: Uint8Array): void {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    while (this.buffer.length >= 2) {
      const length = (this.buffer[0]! << 8) | this.buffer[1]!;
      if (this.buffer.length < 2 + length) break;
      const message = this.buffer.slice(2, 2 + length);
      this.buffer = this.buffer.slice(2 + length);
      // Responses stay in order even when a delay is configured.
      this.queue = this.queue.then(() => this.handle(link, message));
    }
  }

  private async handle(link: VpcdLink, message: Uint8Array): Promise<void> {
    if (link !== this.link) return;
    if (message.length === 1) {
      const code = message[0];
      if (code === control.getAtr) this.send(link, this.card.atr);
      else if (code === control.powerOff || code === control.powerOn || code === control.reset) this.card.reset();
      return;
    }
    this.apduCount++;
    if (this.options.dropAfterApdus !== undefined && !this.dropped && this.apduCount > this.options.dropAfterApdus) {
      this.dropped = true;
      this.options.log?.(`simulated card leaves the field after ${this.options.dropAfterApdus} APDUs`);
      await this.remove();
      if (!this.stopped) {
        this.reinsertTimer = setTimeout(() => {
          this.reinsertTimer = undefined;
          if (!this.stopped) this.insert().catch((e: Error) => this.options.log?.(e.message));
        }, this.options.reinsertAfterMs ?? 500);
      }
      return;
    }
    const response = this.card.process(message);
    if (this.options.responseDelayMs) await new Promise((r) => setTimeout(r, this.options.responseDelayMs));
    if (link === this.link) this.send(link, response);
  }

  private send(link: VpcdLink, payload: Uint8Array): void {
    const frame = new Uint8Array(2 + payload.length);
    frame[0] = payload.length >> 8;
    frame[1] = payload.length & 0xff;
    frame.set(payload, 2);
    link.write(frame);
  }
}
