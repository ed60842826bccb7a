import { SerialPort } from 'serialport';
import type { MrzAssemblerEvent } from '../../app/document/reader/mrzAssemblerEvent';
import { mrzReadError, type MrzReadError } from '../../app/document/reader/mrzReadError';
import { TimedMrzStream } from './TimedMrzStream';
import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { DocumentReaderPort } from '../../app/ports/DocumentReaderPort';
import { documentReadSchema, type DocumentRead } from '../../app/ports/documentRead';
import type { DeviceStatus } from '../../app/ports/deviceStatus';
import { DeviceStatusCell } from '../device/DeviceStatusCell';
import type { Ids } from '../../app/ports/Ids';
import { Emitter } from '../../app/shared/event';

/** The part of a serialport stream this reader uses: `SerialPort` for hardware, a `SerialPortStream` on a simulated binding. */
export interface SerialLine {
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error?: Error | null) => void): void;
  readonly isOpen: boolean;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: (error?: Error | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
}

/** Makes a closed line for a port; the reader opens it (and makes a new one for each reopen). */
export type OpenSerialLine = (path: string, baudRate: number) => SerialLine;

/** The operating system's serial port (USB-serial adapters included), through the `serialport` package. */
export const hardwareSerialLine: OpenSerialLine = (path, baudRate) => new SerialPort({ path, baudRate, autoOpen: false });

export interface SerialMrzReaderOptions {
  /** e.g. /dev/ttyUSB0, /dev/serial/by-id/..., COM3. */
  readonly path: string;
  readonly baudRate: number;
  /** Swipe or page reader: recorded with each read. */
  readonly source: 'swipe' | 'page';
  readonly clock: Clock;
  readonly ids: Ids;
  readonly id?: string;
  readonly name?: string;
  readonly openLine?: OpenSerialLine;
  /** A read that goes quiet this long is over (default 1000 ms). */
  readonly readTimeoutMs?: number;
  readonly duplicateWindowMs?: number;
  /** Reopen attempts after an unplug or a failed open: the first after `initialMs`, doubling up to `maxMs`. */
  readonly reopenBackoff?: { readonly initialMs: number; readonly maxMs: number };
  /** Milliseconds from a steady clock, for read timing (not wall time, which can jump). */
  readonly monotonicMs?: () => number;
}

/**
 * An MRZ reader on a serial port (swipe and page readers that send the MRZ as text lines).
 * Bytes go through MrzStreamAssembler, so listeners hear only whole, checked reads or precise errors.
 * The port is watched: a close or error marks the reader disconnected with the reason, any read under way
 * is reported and discarded, and the port is reopened with backoff until the reader is plugged back in.
 */
export class SerialMrzReader implements DocumentReaderPort {
  readonly kind = 'documentReader' as const;
  readonly id: string;
  private readonly statusCell: DeviceStatusCell;
  private readonly reads = new Emitter<DocumentRead>('document reads');
  private readonly readErrors = new Emitter<MrzReadError>('document read errors');
  private readonly stream: TimedMrzStream;
  private readonly openLine: OpenSerialLine;
  private readonly backoff: { readonly initialMs: number; readonly maxMs: number };
  private readonly monotonicMs: () => number;
  private line: SerialLine | undefined;
  private running = false;
  private failedOpens = 0;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: SerialMrzReaderOptions) {
    this.id = options.id ?? 'serial-document-reader';
    this.openLine = options.openLine ?? hardwareSerialLine;
    this.backoff = options.reopenBackoff ?? { initialMs: 500, maxMs: 10_000 };
    this.monotonicMs = options.monotonicMs ?? (() => performance.now());
    this.stream = new TimedMrzStream({ readTimeoutMs: options.readTimeoutMs, duplicateWindowMs: options.duplicateWindowMs }, this.monotonicMs, (events) => this.deliver(events));
    const name = options.name ?? `${options.source === 'swipe' ? 'Swipe' : 'Page'} reader on ${options.path}`;
    this.statusCell = new DeviceStatusCell('documentReader', this.id, name, options.clock);
  }

  status(): DeviceStatus {
    return this.statusCell.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.statusCell.onChange(listener);
  }

  onRead(listener: (read: DocumentRead) => void): Unsubscribe {
    return this.reads.event(listener);
  }

  onReadError(listener: (error: MrzReadError) => void): Unsubscribe {
    return this.readErrors.event(listener);
  }

  /** Opens the port; resolves after the first attempt whether or not the reader is there (it keeps trying). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.open();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.reopenTimer);
    const line = this.line;
    this.line = undefined;
    if (line) {
      line.removeAllListeners();
      line.on('error', () => undefined);
      if (line.isOpen) await new Promise<void>((resolve) => line.close(() => resolve()));
    }
    this.stream.discard();
    this.statusCell.set(false, 'stopped');
  }

  private open(): Promise<void> {
    const { path, baudRate } = this.options;
    let line: SerialLine;
    try {
      line = this.openLine(path, baudRate);
    } catch (error) {
      this.openFailed(error);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      line.on('error', (error) => this.lost(line, error));
      line.open((error) => {
        if (!this.running) {
          if (!error) line.close();
        } else if (error) {
          line.removeAllListeners();
          line.on('error', () => undefined);
          this.openFailed(error);
        } else {
          this.line = line;
          this.failedOpens = 0;
          line.on('data', (chunk) => this.received(chunk));
          line.on('close', (closeError) => this.lost(line, closeError ?? new Error('the port was closed')));
          this.statusCell.set(true, `${path} at ${baudRate} baud`);
        }
        resolve();
      });
    });
  }

  private openFailed(error: unknown): void {
    const delay = Math.min(this.backoff.initialMs * 2 ** this.failedOpens, this.backoff.maxMs);
    this.failedOpens++;
    this.statusCell.set(false, `cannot open ${this.options.path}: ${messageOf(error)}; retrying in ${formatDelay(delay)}`);
    this.scheduleReopen(delay);
  }

  /** The port closed under us or failed: the reader was unplugged, or its adapter went away. */
  private lost(line: SerialLine, error: unknown): void {
    if (line !== this.line || !this.running) return;
    this.line = undefined;
    line.removeAllListeners();
    line.on('error', () => undefined);
    if (line.isOpen) line.close();
    this.stream.disconnect();
    this.statusCell.set(false, `disconnected: ${messageOf(error)}; reconnecting`);
    this.scheduleReopen(this.backoff.initialMs);
  }

  private scheduleReopen(delayMs: number): void {
    clearTimeout(this.reopenTimer);
    if (!this.running) return;
    this.reopenTimer = setTimeout(() => void this.open(), delayMs);
    this.reopenTimer.unref?.();
  }

  private received(chunk: Buffer): void {
    // latin1 maps each byte to one character, so noise bytes stay visible to the assembler.
    this.stream.push(chunk.toString('latin1'));
  }


  private deliver(events: readonly MrzAssemblerEvent[]): void {
    for (const event of events) {
      if (event.kind === 'error') {
        this.emitError(event.error);
        continue;
      }
      const parsed = documentReadSchema.safeParse({
        readId: this.options.ids.next('read'),
        readerId: this.id,
        source: this.options.source,
        readAt: this.options.clock.now().toISOString(),
        mrz: [...event.lines],
      });
      if (parsed.success) this.reads.fire(parsed.data);
      else this.emitError(mrzReadError('garbage', `The read did not fit the document-read contract: ${parsed.error.issues[0]?.message ?? 'invalid'}.`));
    }
  }

  private emitError(error: MrzReadError): void {
    this.readErrors.fire(error);
  }

}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
