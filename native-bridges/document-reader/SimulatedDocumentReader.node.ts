import type { MrzReadError } from '../../app/document/reader/mrzReadError';
import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { DocumentReaderPort } from '../../app/ports/DocumentReaderPort';
import type { DocumentRead, EncodedImage } from '../../app/ports/documentRead';
import type { Ids } from '../../app/ports/Ids';
import { SimulatedDevice } from '../simulator/SimulatedDevice';
import { drawnPortraitSvg, simulatedTravellers, type SimulatedTraveller } from './simulatedTravellers';
import { Emitter } from '../../app/shared/event';

export interface SimulatedDocumentReaderOptions {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly travellers?: readonly SimulatedTraveller[];
  /** Read the next traveller automatically every N seconds; 0 reads only on request. */
  readonly intervalSeconds?: number;
}

export class DocumentReaderUnavailable extends Error {
  readonly code = 'device_unavailable';
}

/**
 * A document reader that reads scripted travellers, one per request (a key press in the booth) or on a timer.
 * Product code: trainer mode and the end-to-end tests both drive it.
 */
export class SimulatedDocumentReader extends SimulatedDevice<'documentReader'> implements DocumentReaderPort {
  private readonly reads = new Emitter<DocumentRead>('document reads');
  private readonly readErrors = new Emitter<MrzReadError>('document read errors');
  private readonly travellers: readonly SimulatedTraveller[];
  private nextTraveller = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: SimulatedDocumentReaderOptions) {
    super({ kind: 'documentReader', id: 'sim-document-reader', name: 'Passport reader (simulated)', clock: options.clock });
    this.travellers = options.travellers ?? simulatedTravellers;
    if (this.travellers.length === 0) throw new Error('SimulatedDocumentReader needs at least one traveller');
  }

  onRead(listener: (read: DocumentRead) => void): Unsubscribe {
    return this.reads.event(listener);
  }

  /** Scripted travellers always read whole; errors come only from `failRead` (trainer scenarios). */
  onReadError(listener: (error: MrzReadError) => void): Unsubscribe {
    return this.readErrors.event(listener);
  }

  /** Plays a failed read (a trainer scenario: a smudged or half-swiped document): listeners hear the error, no read. */
  failRead(error: MrzReadError): void {
    this.readErrors.fire(error);
  }

  override async start(): Promise<void> {
    await super.start();
    const seconds = this.options.intervalSeconds ?? 0;
    if (seconds > 0 && !this.timer) {
      this.timer = setInterval(() => {
        if (this.connected) this.read();
      }, seconds * 1000);
      this.timer.unref?.();
    }
  }

  override async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await super.stop();
  }

  /** Reads the traveller at `index` (or the next in turn), with the drawn portrait or the given photo, and tells every listener. */
  read(index?: number, photo?: EncodedImage): DocumentRead {
    if (!this.connected) throw new DocumentReaderUnavailable('The document reader is disconnected.');
    const position = (index ?? this.nextTraveller) % this.travellers.length;
    this.nextTraveller = position + 1;
    const traveller = this.travellers[position]!;
    const read: DocumentRead = {
      readId: this.options.ids.next('read'),
      readerId: this.id,
      source: 'simulated',
      readAt: this.options.clock.now().toISOString(),
      mrz: [...traveller.mrz],
      photo: photo ?? { mediaType: 'image/svg+xml', base64: Buffer.from(drawnPortraitSvg(traveller.initials, traveller.hue)).toString('base64') },
    };
    this.reads.fire(read);
    return read;
  }
}
