import { expect, it, describe } from 'vitest';
import type { MrzReadError } from '../../app/document/reader/mrzReadError';
import type { DocumentReaderPort } from '../../app/ports/DocumentReaderPort';
import { documentReadSchema, type DocumentRead } from '../../app/ports/documentRead';
import { deviceStatusSchema, type DeviceStatus } from '../../app/ports/deviceStatus';

/** Fictional documents in the style of the ICAO 9303 specimens, one per line length (TD3, TD1, TD2). */
export const conformanceDocuments: readonly (readonly string[])[] = [
  ['P<IRLDRUMMOND<<MARINA<MAUD<<<<<<<<<<<<<<<<<<', 'D23RM48153IRL8802141F3309117<<<<<<<<<<<<<<04'],
  ['I<D<<T220001293<<<<<<<<<<<<<<<', '6408125F3110315D<<<<<<<<<<<<<2', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'],
  ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
];

/** Ways a reader's transport goes wrong; present for readers whose transport can carry faults (streams). */
export interface ReaderFaults {
  /** The device sends only the first `characters` characters of the read, then falls silent. */
  deliverPartial(lines: readonly string[], characters: number): Promise<void>;
  /** The device sends noise (e.g. a wrong baud rate, a power-up burst). */
  deliverGarbage(noise: string): Promise<void>;
  /** The device sends the same read twice in quick succession. */
  deliverTwice(lines: readonly string[]): Promise<void>;
  /** The device is unplugged after sending part of a read. */
  unplugMidRead(lines: readonly string[]): Promise<void>;
}

/** What a test file gives the suite for one implementation (simulator, or a bridge over a simulated port). */
export interface DocumentReaderHarness {
  readonly reader: DocumentReaderPort;
  /** The device delivers this MRZ as it would for a document. Resolves once delivered (not necessarily heard). */
  deliver(lines: readonly string[]): Promise<void>;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  readonly faults?: ReaderFaults;
  /** Longer than the reader takes to give up on a silent, partial read. */
  readonly settleMs: number;
  /** Releases what the harness made (ports, timers). */
  dispose?(): Promise<void>;
}

interface Heard {
  readonly reads: DocumentRead[];
  readonly errors: MrzReadError[];
  readonly statuses: DeviceStatus[];
  stop(): void;
}

function listen(reader: DocumentReaderPort): Heard {
  const heard = { reads: [] as DocumentRead[], errors: [] as MrzReadError[], statuses: [] as DeviceStatus[] };
  const stops = [reader.onRead((read) => heard.reads.push(read)), reader.onReadError((error) => heard.errors.push(error)), reader.onStatus((status) => heard.statuses.push(status))];
  return { ...heard, stop: () => stops.forEach((stop) => stop()) };
}

/** Waits until `check` stops throwing (an expectation met), or fails with its last error. */
async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function expectWholeRead(read: DocumentRead, lines: readonly string[], reader: DocumentReaderPort): void {
  expect(documentReadSchema.parse(read)).toEqual(read);
  expect(read.mrz).toEqual(lines);
  expect(read.readerId).toBe(reader.id);
}

function expectClearError(error: MrzReadError, codes: readonly MrzReadError['code'][]): void {
  expect(codes).toContain(error.code);
  expect(error.message.length).toBeGreaterThan(20);
}

/**
 * What every DocumentReaderPort must do, real or simulated: whole reads that satisfy the contract, and for
 * readers with a fault-prone transport, clear errors (never a half-filled record) for partial lines,
 * garbage, doubled reads and an unplug in the middle of a read.
 */
export function describeDocumentReaderConformance(
  name: string,
  make: () => Promise<DocumentReaderHarness>,
  options: { /** The harness offers `faults`: run the fault cases. */ readonly faults: boolean },
): void {
  describe(`${name} (DocumentReaderPort conformance)`, () => {
    async function withHarness(body: (harness: DocumentReaderHarness, heard: Heard) => Promise<void>): Promise<void> {
      const harness = await make();
      if (options.faults && !harness.faults) throw new Error(`${name}: the harness offers no faults`);
      await harness.reader.start();
      await eventually(() => expect(harness.reader.status().connected).toBe(true));
      const heard = listen(harness.reader);
      try {
        await body(harness, heard);
      } finally {
        heard.stop();
        await harness.reader.stop();
        await harness.dispose?.();
      }
    }

    it('delivers each document as one whole read that satisfies the contract', () =>
      withHarness(async (harness, heard) => {
        for (const [index, lines] of conformanceDocuments.entries()) {
          await harness.deliver(lines);
          await eventually(() => expect(heard.reads).toHaveLength(index + 1));
          expectWholeRead(heard.reads[index]!, lines, harness.reader);
        }
        expect(new Set(heard.reads.map((read) => read.readId)).size).toBe(conformanceDocuments.length);
        expect(heard.errors).toEqual([]);
      }));

    it('says why it is disconnected when unplugged, delivers nothing then, and reads again after replug', () =>
      withHarness(async (harness, heard) => {
        await harness.unplug();
        await eventually(() => expect(harness.reader.status().connected).toBe(false));
        const status = harness.reader.status();
        expect(deviceStatusSchema.parse(status)).toEqual(status);
        expect(status.detail).toBeTruthy();
        await harness.deliver(conformanceDocuments[0]!).catch(() => undefined);
        await pause(50);
        expect(heard.reads).toEqual([]);
        await harness.replug();
        await eventually(() => expect(harness.reader.status().connected).toBe(true), 5000);
        await harness.deliver(conformanceDocuments[1]!);
        await eventually(() => expect(heard.reads).toHaveLength(1));
        expectWholeRead(heard.reads[0]!, conformanceDocuments[1]!, harness.reader);
      }));

    it.skipIf(!options.faults)('reports a read cut short as a partial read and emits none of it', () =>
      withHarness(async ({ faults, settleMs, deliver, reader }, heard) => {
        const lines = conformanceDocuments[0]!;
        await faults!.deliverPartial(lines, lines[0]!.length + 10);
        await pause(settleMs);
        await eventually(() => expect(heard.errors).toHaveLength(1));
        expectClearError(heard.errors[0]!, ['partial_read']);
        expect(heard.reads).toEqual([]);
        await deliver(conformanceDocuments[1]!);
        await eventually(() => expect(heard.reads).toHaveLength(1));
        expectWholeRead(heard.reads[0]!, conformanceDocuments[1]!, reader);
      }));

    it.skipIf(!options.faults)('reports garbage bytes as garbage and never makes a read of them', () =>
      withHarness(async ({ faults, settleMs, deliver, reader }, heard) => {
        await faults!.deliverGarbage('\u0000\u00ff\u00fe\r\n');
        await faults!.deliverGarbage('#%&\u0013ABC\u0011\r\n');
        await pause(settleMs);
        await eventually(() => expect(heard.errors.length).toBeGreaterThanOrEqual(2));
        for (const error of heard.errors) expectClearError(error, ['garbage']);
        expect(heard.reads).toEqual([]);
        await deliver(conformanceDocuments[2]!);
        await eventually(() => expect(heard.reads).toHaveLength(1));
        expectWholeRead(heard.reads[0]!, conformanceDocuments[2]!, reader);
      }));

    it.skipIf(!options.faults)('reports a doubled read once: one read, one duplicate error', () =>
      withHarness(async ({ faults, reader }, heard) => {
        await faults!.deliverTwice(conformanceDocuments[0]!);
        await eventually(() => expect(heard.errors).toHaveLength(1));
        expect(heard.reads).toHaveLength(1);
        expectWholeRead(heard.reads[0]!, conformanceDocuments[0]!, reader);
        expectClearError(heard.errors[0]!, ['duplicate_read']);
      }));

    it.skipIf(!options.faults)('reports a reader unplugged mid-read, emits nothing of that read, and recovers on replug', () =>
      withHarness(async ({ faults, replug, deliver, reader }, heard) => {
        await faults!.unplugMidRead(conformanceDocuments[0]!);
        await eventually(() => expect(reader.status().connected).toBe(false));
        await eventually(() => expect(heard.errors).toHaveLength(1));
        expectClearError(heard.errors[0]!, ['disconnected', 'partial_read']);
        expect(heard.reads).toEqual([]);
        expect(reader.status().detail).toBeTruthy();
        await replug();
        await eventually(() => expect(reader.status().connected).toBe(true), 5000);
        await deliver(conformanceDocuments[0]!);
        await eventually(() => expect(heard.reads).toHaveLength(1));
        expectWholeRead(heard.reads[0]!, conformanceDocuments[0]!, reader);
      }));
  });
}
