import { describe, expect, it } from 'vitest';
import { documentReadSchema } from '../../app/ports/documentRead';
import type { FullPageRead } from '../../app/ports/FullPageReaderPort';
import { sequentialIds } from '../../app/ports/Ids';
import { describeDevicePortConformance } from '../simulator/devicePortConformance';
import { conformanceDocuments, describeDocumentReaderConformance } from './documentReaderConformance';
import { SimulatedFullPageReader } from './SimulatedFullPageReader.node.ts';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeDevicePortConformance('SimulatedFullPageReader', () => {
  const device = new SimulatedFullPageReader({ clock, ids: sequentialIds() });
  return { device, unplug: () => device.setConnected(false), replug: () => device.setConnected(true) };
});

describeDocumentReaderConformance(
  'SimulatedFullPageReader',
  async () => {
    const reader = new SimulatedFullPageReader({ clock, ids: sequentialIds(), readTimeoutMs: 80 });
    return {
      reader,
      deliver: async (lines) => reader.placeDocument(lines),
      unplug: async () => void reader.setConnected(false),
      replug: async () => void reader.setConnected(true),
      settleMs: 200,
      faults: {
        // The document is pulled off the glass part way through recognition.
        deliverPartial: async (lines, characters) => reader.receiveOcrText(`\u0002${lines.join('\r')}`.slice(0, characters + 1)),
        deliverGarbage: async (noise) => reader.receiveOcrText(noise),
        deliverTwice: async (lines) => {
          reader.placeDocument(lines);
          reader.placeDocument(lines);
        },
        unplugMidRead: async (lines) => {
          reader.receiveOcrText(`\u0002${lines[0]}\r`);
          await pause(10);
          reader.setConnected(false);
        },
      },
    };
  },
  { faults: true },
);

describe('SimulatedFullPageReader', () => {
  it('images the page under each of its lights, and each picture shows what that light shows', async () => {
    const reader = new SimulatedFullPageReader({ clock, ids: sequentialIds() });
    await reader.start();
    const reads: FullPageRead[] = [];
    reader.onRead((read) => reads.push(read));
    reader.placeDocument(conformanceDocuments[0]!);
    expect(reads).toHaveLength(1);
    const read = reads[0]!;
    expect(documentReadSchema.parse(read)).toEqual(read);
    expect(read.source).toBe('page');
    const text = (light: 'visible' | 'infrared' | 'ultraviolet') => Buffer.from(read.pageImages[light]!.base64, 'base64').toString();
    const escapedMrz = conformanceDocuments[0]![0]!.replace(/</g, '&lt;');
    expect(text('visible')).toContain(escapedMrz);
    expect(text('infrared')).toContain(escapedMrz);
    expect(text('ultraviolet')).not.toContain(escapedMrz);
    expect(text('ultraviolet')).toContain('#0b0b2a');
    for (const light of ['visible', 'infrared', 'ultraviolet'] as const) expect(text(light)).toMatch(/^<svg [^>]*>.*<\/svg>$/s);
  });

  it('carries only the lights it has', async () => {
    const reader = new SimulatedFullPageReader({ clock, ids: sequentialIds(), illuminations: ['visible'] });
    await reader.start();
    const reads: FullPageRead[] = [];
    reader.onRead((read) => reads.push(read));
    reader.placeDocument(conformanceDocuments[1]!);
    expect(Object.keys(reads[0]!.pageImages)).toEqual(['visible']);
    expect(reader.illuminations).toEqual(['visible']);
  });

  it('refuses a document while unplugged', async () => {
    const reader = new SimulatedFullPageReader({ clock, ids: sequentialIds() });
    await reader.start();
    reader.setConnected(false);
    expect(() => reader.placeDocument(conformanceDocuments[0]!)).toThrow(/disconnected/);
  });
});
