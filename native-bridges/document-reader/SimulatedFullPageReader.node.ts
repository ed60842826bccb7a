import type { MrzAssemblerEvent } from '../../app/document/reader/mrzAssemblerEvent';
import type { MrzReadError } from '../../app/document/reader/mrzReadError';
import { TimedMrzStream } from './TimedMrzStream';
import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import { documentReadSchema } from '../../app/ports/documentRead';
import type { DeviceStatus } from '../../app/ports/deviceStatus';
import type { FullPageRead, FullPageReaderPort, PageIllumination } from '../../app/ports/FullPageReaderPort';
import type { Ids } from '../../app/ports/Ids';
import { SimulatedDevice } from '../simulator/SimulatedDevice';
import { drawPageImages } from './drawnPageImages.node.ts';
import { Emitter } from '../../app/shared/event';

export interface SimulatedFullPageReaderOptions {
  readonly clock: Clock;
  readonly ids: Ids;
  /** The lights this reader has (default all three). */
  readonly illuminations?: readonly PageIllumination[];
  /** An OCR result that stops arriving for this long is a partial read (default 1000 ms). */
  readonly readTimeoutMs?: number;
  readonly duplicateWindowMs?: number;
}

export class SimulatedReaderUnplugged extends Error {
  readonly code = 'device_unavailable';
}

/**
 * A full-page reader in software. A document placed on the glass produces MRZ text the way such readers'
 * SDKs report it (framed text, possibly in pieces), which goes through the same MrzStreamAssembler as a
 * serial reader, so faults (a document pulled away mid-scan, OCR noise, a double trigger, an unplug) give
 * the same precise errors. Each whole read carries the page drawn under each light.
 */
export class SimulatedFullPageReader extends SimulatedDevice<'documentReader'> implements FullPageReaderPort {
  readonly illuminations: readonly PageIllumination[];
  private readonly stream: TimedMrzStream;
  private readonly reads = new Emitter<FullPageRead>('full-page reads');
  private readonly readErrors = new Emitter<MrzReadError>('full-page read errors');

  constructor(private readonly options: SimulatedFullPageReaderOptions) {
    super({ kind: 'documentReader', id: 'sim-full-page-reader', name: 'Full-page reader (simulated)', clock: options.clock });
    this.illuminations = options.illuminations ?? ['visible', 'infrared', 'ultraviolet'];
    this.stream = new TimedMrzStream({ readTimeoutMs: options.readTimeoutMs, duplicateWindowMs: options.duplicateWindowMs }, () => performance.now(), (events) => this.deliver(events));
  }

  onRead(listener: (read: FullPageRead) => void): Unsubscribe {
    return this.reads.event(listener);
  }

  onReadError(listener: (error: MrzReadError) => void): Unsubscribe {
    return this.readErrors.event(listener);
  }

  override async stop(): Promise<void> {
    this.stream.discard();
    await super.stop();
  }

  /** Unplugs (false) or plugs back (true) the reader; an unplug in the middle of a scan is reported. */
  override setConnected(connected: boolean): DeviceStatus {
    if (!connected) {
      this.stream.disconnect();
    }
    return super.setConnected(connected);
  }

  /** A document is placed on the glass: the whole MRZ is recognised and the page imaged. */
  placeDocument(lines: readonly string[]): void {
    this.receiveOcrText(`\u0002${lines.join('\r')}\u0003`);
  }

  /** Raw recognised text as the reader's SDK hands it over (trainer scenarios use it to play faults). */
  receiveOcrText(text: string): void {
    if (!this.connected) throw new SimulatedReaderUnplugged('The full-page reader is disconnected.');
    this.stream.push(text);
  }


  private deliver(events: readonly MrzAssemblerEvent[]): void {
    for (const event of events) {
      if (event.kind === 'error') {
        this.readErrors.fire(event.error);
        continue;
      }
      const read = documentReadSchema.parse({
        readId: this.options.ids.next('read'),
        readerId: this.id,
        source: 'page',
        readAt: this.options.clock.now().toISOString(),
        mrz: [...event.lines],
        pageImages: drawPageImages(event.lines, this.illuminations),
      });
      const fullPageRead: FullPageRead = { ...read, pageImages: read.pageImages ?? {} };
      this.reads.fire(fullPageRead);
    }
  }
}
