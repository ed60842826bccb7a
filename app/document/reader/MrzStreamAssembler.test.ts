import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MrzAssemblerEvent } from './mrzAssemblerEvent';
import { MrzStreamAssembler } from './MrzStreamAssembler';

// Fictional documents in the style of the ICAO 9303 specimens (TD3, TD1, TD2).
const td3 = ['P<IRLDRUMMOND<<MARINA<MAUD<<<<<<<<<<<<<<<<<<', 'D23RM48153IRL8802141F3309117<<<<<<<<<<<<<<04'] as const;
const td1 = ['I<D<<T220001293<<<<<<<<<<<<<<<', '6408125F3110315D<<<<<<<<<<<<<2', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'] as const;
const td2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'] as const;
const documents = [td3, td1, td2];

const reads = (events: readonly MrzAssemblerEvent[]) => events.flatMap((event) => (event.kind === 'read' ? [event.lines] : []));
const errors = (events: readonly MrzAssemblerEvent[]) => events.flatMap((event) => (event.kind === 'error' ? [event.error.code] : []));

function feed(chunks: readonly string[], options = {}, nowMs = 0): MrzAssemblerEvent[] {
  const assembler = new MrzStreamAssembler({ duplicateWindowMs: 0, ...options });
  return [...chunks.flatMap((chunk) => assembler.push(chunk, nowMs)), ...assembler.expire(nowMs + 60_000)];
}

describe('MrzStreamAssembler', () => {
  it.each([
    ['CR', (lines: readonly string[]) => lines.map((line) => `${line}\r`).join('')],
    ['LF', (lines: readonly string[]) => lines.map((line) => `${line}\n`).join('')],
    ['CRLF', (lines: readonly string[]) => lines.map((line) => `${line}\r\n`).join('')],
    ['STX/ETX framing', (lines: readonly string[]) => `\u0002${lines.join('\r')}\u0003`],
    ['no terminator after the last line', (lines: readonly string[]) => lines.join('\r\n')],
  ])('assembles 2x44, 3x30 and 2x36 reads with %s line ends', (_name, encode) => {
    for (const document of documents) {
      expect(feed([encode(document)])).toEqual([{ kind: 'read', lines: document }]);
    }
  });

  it('completes an unframed read at its last line, without waiting for the quiet period', () => {
    const assembler = new MrzStreamAssembler();
    expect(assembler.push(`${td3[0]}\r`, 0)).toEqual([]);
    expect(assembler.inProgress).toBe(true);
    expect(assembler.push(`${td3[1]}\r`, 5)).toEqual([{ kind: 'read', lines: td3 }]);
    expect(assembler.inProgress).toBe(false);
    expect(assembler.deadlineMs).toBeUndefined();
  });

  it('strips noise around lines and reports a line of noise alone without spoiling the read', () => {
    const events = feed([`\u0000\u00ff${td3[0]}  \r\n\u0007\u0007\r\n${td3[1]}\u0000\r\n`]);
    expect(reads(events)).toEqual([td3]);
    expect(events[0]).toEqual({ kind: 'error', error: { code: 'garbage', message: expect.stringContaining('0x07 0x07') } });
  });

  it('discards a read with noise inside a line, naming the character and column, and never emits the rest', () => {
    const spoiled = `${td3[0].slice(0, 10)}\u0013${td3[0].slice(11)}`;
    const events = feed([`${spoiled}\r${td3[1]}\r`]);
    expect(reads(events)).toEqual([]);
    expect(events).toEqual([{ kind: 'error', error: { code: 'garbage', message: expect.stringMatching(/Line 1 holds 0x13 at column 11/) } }]);
  });

  it('reports a partial read when the reader goes quiet mid-read', () => {
    const assembler = new MrzStreamAssembler({ readTimeoutMs: 500 });
    expect(assembler.push(`${td3[0]}\r${td3[1].slice(0, 20)}`, 1000)).toEqual([]);
    expect(assembler.deadlineMs).toBe(1500);
    expect(assembler.expire(1499)).toEqual([]);
    const events = assembler.expire(1500);
    expect(events).toEqual([{ kind: 'error', error: { code: 'partial_read', message: expect.stringContaining('1 of 2 lines and 20 characters of the next') } }]);
    expect(assembler.inProgress).toBe(false);
  });

  it('notices a timeout on the next chunk even when no timer fired', () => {
    const assembler = new MrzStreamAssembler({ readTimeoutMs: 500 });
    assembler.push(`${td3[0]}\r`, 0);
    const events = assembler.push(`${td1.join('\r')}\r`, 2000);
    expect(errors(events)).toEqual(['partial_read']);
    expect(reads(events)).toEqual([td1]);
  });

  it('reports a disconnect mid-read and emits nothing, even with every character of a line present', () => {
    const assembler = new MrzStreamAssembler();
    assembler.push(`${td3[0]}\r${td3[1]}`, 0);
    expect(assembler.disconnect(10)).toEqual([{ kind: 'error', error: { code: 'disconnected', message: expect.stringContaining('1 of 2 lines and 44 characters') } }]);
    expect(assembler.disconnect(20)).toEqual([]);
  });

  it('reports a doubled read once, and reads the same document again after the window', () => {
    const assembler = new MrzStreamAssembler({ duplicateWindowMs: 3000 });
    const once = `${td3.join('\r')}\r`;
    const events = [...assembler.push(once + once, 0), ...assembler.push(once, 1000)];
    expect(reads(events)).toEqual([td3]);
    expect(errors(events)).toEqual(['duplicate_read', 'duplicate_read']);
    expect(reads(assembler.push(once, 5000))).toEqual([td3]);
  });

  it.each([
    ['a line of a wrong length', `${td3[0].slice(0, 40)}\r`, 'line_length'],
    ['lines of different lengths', `${td3[0]}\r${td1[1]}\r`, 'line_length'],
    ['a framed read with too few lines', `\u0002${td1[0]}\r${td1[1]}\u0003`, 'line_count'],
    ['a framed read with too many lines', `\u0002${td3.join('\r')}\r${td3[1]}\u0003`, 'line_count'],
    ['a read that starts with its second line', `${td3[1]}\r${td3[0]}\r`, 'line_order'],
    ['a new frame before the last one ended', `\u0002${td3[0]}\r\u0002`, 'partial_read'],
    ['a line far longer than an MRZ', `${'<'.repeat(500)}\r`, 'line_length'],
  ])('reports %s precisely and emits no read', (_name, stream, code) => {
    const events = feed([stream]);
    expect(reads(events)).toEqual([]);
    expect(errors(events)[0]).toBe(code);
    for (const event of events) if (event.kind === 'error') expect(event.error.message.length).toBeGreaterThan(20);
  });

  it('skips the rest of a spoiled read until the next frame, then reads again', () => {
    const events = feed([`\u0002${td3[0].toLowerCase()}\r${td3[1]}\u0003\u0002${td1.join('\r')}\u0003`]);
    expect(errors(events)).toEqual(['garbage']);
    expect(reads(events)).toEqual([td1]);
  });

  describe('properties', () => {
    const documentArbitrary = fc.constantFrom(...documents);
    const lineEnd = fc.constantFrom('\r', '\n', '\r\n', '\n\n', '\r\r\n');
    const streamArbitrary = fc
      .array(fc.tuple(documentArbitrary, lineEnd, fc.boolean()), { minLength: 1, maxLength: 4 })
      .map((items) => items.map(([document, end, framed]) => (framed ? `\u0002${document.join(end)}\u0003` : `${document.join(end)}${end}`)).join(''));

    /** Cuts a string into pieces at the given positions. */
    const chunk = (text: string, cuts: readonly number[]) => {
      const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
      return [...points, text.length].map((end, index) => text.slice(index === 0 ? 0 : points[index - 1], end));
    };

    it('any chunking of a valid stream yields exactly the reads of the whole stream', () => {
      fc.assert(
        fc.property(streamArbitrary, fc.array(fc.nat(), { maxLength: 30 }), (stream, cuts) => {
          const whole = feed([stream]);
          expect(errors(whole)).toEqual([]);
          expect(feed(chunk(stream, cuts))).toEqual(whole);
        }),
      );
    });

    it('arbitrary bytes never yield a read and never throw', () => {
      const noise = fc.uint8Array({ maxLength: 300 }).map((bytes) => String.fromCharCode(...bytes));
      fc.assert(
        fc.property(fc.array(noise, { maxLength: 5 }), fc.integer({ min: 0, max: 5000 }), (chunks, gap) => {
          const assembler = new MrzStreamAssembler({ readTimeoutMs: 1000 });
          const events = [...chunks.flatMap((text, index) => assembler.push(text, index * gap)), ...assembler.disconnect(chunks.length * gap)];
          expect(reads(events)).toEqual([]);
          for (const event of events) expect(event.kind === 'error' && event.error.message.length > 0).toBe(true);
          expect(assembler.inProgress).toBe(false);
        }),
      );
    });

    it('a reader unplugged at any point of a read emits no half read: only whole reads before the cut', () => {
      fc.assert(
        fc.property(streamArbitrary, fc.nat(), (stream, cutAt) => {
          const cut = cutAt % (stream.length + 1);
          const assembler = new MrzStreamAssembler({ duplicateWindowMs: 0 });
          const events = [...assembler.push(stream.slice(0, cut), 0), ...assembler.disconnect(1)];
          for (const lines of reads(events)) expect(documents).toContainEqual(lines);
          expect(errors(events).every((code) => code === 'disconnected')).toBe(true);
        }),
      );
    });
  });
});
