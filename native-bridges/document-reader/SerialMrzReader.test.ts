import { describe, expect, it } from 'vitest';
import type { MrzReadError } from '../../app/document/reader/mrzReadError';
import type { DocumentRead } from '../../app/ports/documentRead';
import type { DeviceStatus } from '../../app/ports/deviceStatus';
import { sequentialIds } from '../../app/ports/Ids';
import { conformanceDocuments, describeDocumentReaderConformance } from './documentReaderConformance';
import { SerialMrzReader } from './SerialMrzReader.node.ts';
import { encodeRead, SimulatedSerialMrzDevice } from './SimulatedSerialMrzDevice.node.ts';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function makeReader(device: SimulatedSerialMrzDevice, overrides: Partial<ConstructorParameters<typeof SerialMrzReader>[0]> = {}) {
  return new SerialMrzReader({
    path: device.path,
    baudRate: 9600,
    source: 'page',
    clock,
    ids: sequentialIds(),
    openLine: device.openLine,
    readTimeoutMs: 80,
    reopenBackoff: { initialMs: 20, maxMs: 160 },
    ...overrides,
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await pause(5);
  }
}

describeDocumentReaderConformance(
  'SerialMrzReader on a simulated serial port',
  async () => {
    const device = new SimulatedSerialMrzDevice();
    const reader = makeReader(device);
    return {
      reader,
      deliver: async (lines) => device.sendRead(lines, { framing: 'crlf', chunkSize: 7 }),
      unplug: async () => device.unplug(),
      replug: async () => device.replug(),
      settleMs: 200,
      faults: {
        deliverPartial: async (lines, characters) => device.send(encodeRead(lines, 'crlf').slice(0, characters)),
        deliverGarbage: async (noise) => device.send(noise),
        deliverTwice: async (lines) => {
          device.sendRead(lines, { framing: 'stx-etx' });
          device.sendRead(lines, { framing: 'stx-etx' });
        },
        unplugMidRead: async (lines) => {
          device.send(encodeRead(lines, 'crlf').slice(0, 60));
          await pause(30);
          device.unplug();
        },
      },
    };
  },
  { faults: true },
);

describe('SerialMrzReader', () => {
  it('opens the port, reads in any framing and chunking, and names the port in its status', async () => {
    const device = new SimulatedSerialMrzDevice();
    const reader = makeReader(device, { source: 'swipe' });
    const reads: DocumentRead[] = [];
    reader.onRead((read) => reads.push(read));
    await reader.start();
    expect(reader.status()).toMatchObject({ connected: true, detail: `${device.path} at 9600 baud` });
    device.sendRead(conformanceDocuments[0]!, { framing: 'cr', chunkSize: 1 });
    device.sendRead(conformanceDocuments[1]!, { framing: 'stx-etx', chunkSize: 13 });
    device.sendRead(conformanceDocuments[2]!, { framing: 'lf' });
    await until(() => reads.length === 3, 'three reads');
    expect(reads.map((read) => read.mrz)).toEqual(conformanceDocuments);
    expect(reads.every((read) => read.source === 'swipe' && read.readAt === '2026-11-23T10:00:00.000Z')).toBe(true);
    await reader.stop();
    expect(reader.status()).toMatchObject({ connected: false, detail: 'stopped' });
    expect(device.isOpen).toBe(false);
  });

  it('starts without the reader plugged in, keeps retrying with growing delays, and connects when it appears', async () => {
    const device = new SimulatedSerialMrzDevice();
    device.unplug();
    const reader = makeReader(device);
    const details: string[] = [];
    reader.onStatus((status) => details.push(status.detail ?? ''));
    await reader.start();
    expect(reader.status().connected).toBe(false);
    expect(reader.status().detail).toMatch(new RegExp(`^cannot open ${device.path}: No such file or directory.*; retrying in 20 ms$`));
    await until(() => details.some((detail) => detail.endsWith('retrying in 160 ms')), 'backoff to reach its ceiling');
    expect(details.filter((detail) => detail.includes('retrying in 40 ms'))).toHaveLength(1);
    device.replug();
    await until(() => reader.status().connected, 'reconnect');
    await reader.stop();
  });

  it('survives repeated unplug and replug, each unplug reported with its reason, reading after every replug', async () => {
    const device = new SimulatedSerialMrzDevice();
    const reader = makeReader(device);
    const statuses: DeviceStatus[] = [];
    const reads: DocumentRead[] = [];
    const errors: MrzReadError[] = [];
    reader.onStatus((status) => statuses.push(status));
    reader.onRead((read) => reads.push(read));
    reader.onReadError((error) => errors.push(error));
    await reader.start();
    for (let round = 0; round < 3; round++) {
      device.unplug();
      await until(() => !reader.status().connected, 'disconnect');
      expect(reader.status().detail).toMatch(/^disconnected: .*; reconnecting$/);
      await pause(30);
      device.replug();
      await until(() => reader.status().connected, 'reconnect');
      device.sendRead(conformanceDocuments[round]!);
      await until(() => reads.length === round + 1, `read ${round + 1}`);
    }
    expect(errors).toEqual([]);
    // The first connect at start, then one per replug.
    expect(statuses.filter((status) => status.connected)).toHaveLength(4);
    await reader.stop();
  });

  it('does not reopen after stop, even with an unplug pending', async () => {
    const device = new SimulatedSerialMrzDevice();
    const reader = makeReader(device);
    await reader.start();
    device.unplug();
    await until(() => !reader.status().connected, 'disconnect');
    await reader.stop();
    device.replug();
    await pause(100);
    expect(reader.status()).toMatchObject({ connected: false, detail: 'stopped' });
    expect(device.isOpen).toBe(false);
  });
});
