import { describe, expect, it, vi } from 'vitest';
import { documentReadSchema } from '../../app/ports/documentRead';
import { sequentialIds } from '../../app/ports/Ids';
import { describeDevicePortConformance } from '../simulator/devicePortConformance';
import { SimulatedDocumentReader } from './SimulatedDocumentReader.node.ts';
import { simulatedTravellers } from './simulatedTravellers';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };

describeDevicePortConformance('SimulatedDocumentReader', () => {
  const device = new SimulatedDocumentReader({ clock, ids: sequentialIds() });
  return { device, unplug: () => device.setConnected(false), replug: () => device.setConnected(true) };
});

describe('SimulatedDocumentReader', () => {
  it('reads the scripted travellers in turn, each read valid against the contract and heard by listeners', async () => {
    const reader = new SimulatedDocumentReader({ clock, ids: sequentialIds() });
    await reader.start();
    const heard: string[] = [];
    reader.onRead((read) => heard.push(read.readId));
    const first = reader.read();
    const second = reader.read();
    expect(documentReadSchema.parse(first)).toEqual(first);
    expect(first.mrz).toEqual(simulatedTravellers[0]!.mrz);
    expect(second.mrz).toEqual(simulatedTravellers[1]!.mrz);
    expect(heard).toEqual([first.readId, second.readId]);
    expect(Buffer.from(first.photo!.base64, 'base64').toString()).toContain('<svg');
  });

  it('reads a chosen traveller, and refuses to read while unplugged', async () => {
    const reader = new SimulatedDocumentReader({ clock, ids: sequentialIds() });
    await reader.start();
    expect(reader.read(2).mrz).toHaveLength(3);
    reader.setConnected(false);
    expect(() => reader.read()).toThrow(/disconnected/);
  });

  it('reads on a timer when configured, and only while connected', async () => {
    vi.useFakeTimers();
    try {
      const reader = new SimulatedDocumentReader({ clock, ids: sequentialIds(), intervalSeconds: 2 });
      const heard = vi.fn();
      reader.onRead(heard);
      await reader.start();
      vi.advanceTimersByTime(4_100);
      expect(heard).toHaveBeenCalledTimes(2);
      reader.setConnected(false);
      vi.advanceTimersByTime(4_100);
      expect(heard).toHaveBeenCalledTimes(2);
      await reader.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('scripted travellers', () => {
  it('carry MRZs that parse as valid documents, the last one expired on purpose', async () => {
    const { parseMrz, mrzFieldValue } = await import('../../app/document/mrz/parseMrz');
    const today = new Date('2026-11-23T00:00:00Z');
    for (const traveller of simulatedTravellers) {
      const result = parseMrz(traveller.mrz, { today });
      expect(result.errors, traveller.mrz.join('\n')).toEqual([]);
      expect(result.valid).toBe(true);
    }
    const expiries = simulatedTravellers.map((traveller) => mrzFieldValue(parseMrz(traveller.mrz, { today }), 'expirationDate')!);
    expect(expiries.slice(0, -1).every((date) => date > '2026-11-23')).toBe(true);
    expect(expiries.at(-1)! < '2026-11-23').toBe(true);
  });
});
