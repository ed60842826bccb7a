import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyboardWedgeAssembler, type WedgeKeyEvent } from './KeyboardWedgeAssembler';
import type { MrzAssemblerEvent } from './mrzAssemblerEvent';

const td3 = ['P<IRLDRUMMOND<<MARINA<MAUD<<<<<<<<<<<<<<<<<<', 'D23RM48153IRL8802141F3309117<<<<<<<<<<<<<<04'] as const;
const td1 = ['I<D<<T220001293<<<<<<<<<<<<<<<', '6408125F3110315D<<<<<<<<<<<<<2', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'] as const;

/** Keys for a text, as a reader (or a person) types them: '\n' is Enter. */
function keysFor(text: string, startMs: number, gapMs: number | ((index: number) => number)): WedgeKeyEvent[] {
  let time = startMs;
  return [...text].map((ch, index) => {
    if (index > 0) time += typeof gapMs === 'number' ? gapMs : gapMs(index);
    return { key: ch === '\n' ? 'Enter' : ch, timeMs: time, mayBeShortcut: 'DMNR'.includes(ch) };
  });
}

function type(assembler: KeyboardWedgeAssembler, keys: readonly WedgeKeyEvent[]) {
  const consumed: boolean[] = [];
  const events: MrzAssemblerEvent[] = [];
  for (const key of keys) {
    const result = assembler.key(key);
    consumed.push(result.consumed);
    events.push(...result.events);
  }
  const last = keys.at(-1)?.timeMs ?? 0;
  events.push(...assembler.expire(last + 10_000));
  return { consumed, events };
}

const reads = (events: readonly MrzAssemblerEvent[]) => events.flatMap((event) => (event.kind === 'read' ? [event.lines] : []));
const errorCodes = (events: readonly MrzAssemblerEvent[]) => events.flatMap((event) => (event.kind === 'error' ? [event.error.code] : []));

describe('KeyboardWedgeAssembler', () => {
  it('takes a fast burst with Enter after each line as a read, consuming every key', () => {
    const assembler = new KeyboardWedgeAssembler();
    const { consumed, events } = type(assembler, keysFor(`${td3.join('\n')}\n`, 1000, 8));
    expect(events).toEqual([{ kind: 'read', lines: td3 }]);
    expect(consumed.every(Boolean)).toBe(true);
  });

  it('emits the read at the last Enter, before the burst times out', () => {
    const assembler = new KeyboardWedgeAssembler();
    const keys = keysFor(`${td1.join('\n')}\n`, 0, 5);
    const events = keys.flatMap((key) => assembler.key(key).events);
    expect(events).toEqual([{ kind: 'read', lines: td1 }]);
  });

  it('splits a burst without line ends by its length', () => {
    expect(reads(type(new KeyboardWedgeAssembler(), keysFor(td3.join(''), 0, 5)).events)).toEqual([td3]);
    expect(reads(type(new KeyboardWedgeAssembler(), keysFor(td1.join(''), 0, 5)).events)).toEqual([td1]);
  });

  it('leaves slow typing of the same characters alone: no read, no error, shortcut keys not consumed', () => {
    const { consumed, events } = type(new KeyboardWedgeAssembler(), keysFor(`${td3.join('\n')}\n`, 0, 120));
    expect(events).toEqual([]);
    const text = `${td3.join('\n')}\n`;
    [...text].forEach((ch, index) => {
      if ('DMNR'.includes(ch)) expect(consumed[index], `key ${index} '${ch}'`).toBe(false);
    });
  });

  it('never starts a burst on a shortcut key, and a short quick roll of keys is dropped silently', () => {
    const assembler = new KeyboardWedgeAssembler();
    expect(type(assembler, keysFor('MD', 0, 5)).consumed).toEqual([false, false]);
    expect(type(assembler, keysFor('PA', 100, 5)).events).toEqual([]);
  });

  it('lets chords, held keys and named keys through, ending a burst', () => {
    const assembler = new KeyboardWedgeAssembler();
    assembler.key({ key: 'P', timeMs: 0 });
    expect(assembler.key({ key: '3', timeMs: 5, altKey: true }).consumed).toBe(false);
    expect(assembler.inBurst).toBe(false);
    expect(assembler.key({ key: 'P', timeMs: 10, repeat: true }).consumed).toBe(false);
    assembler.key({ key: 'P', timeMs: 20 });
    expect(assembler.key({ key: 'Escape', timeMs: 25 }).consumed).toBe(false);
    expect(assembler.key({ key: 'Shift', timeMs: 30 }).consumed).toBe(false);
  });

  it('reports a scan that stops part way as a partial read', () => {
    const { events } = type(new KeyboardWedgeAssembler(), keysFor(`${td3[0]}\n${td3[1].slice(0, 12)}`, 0, 5));
    expect(events).toEqual([{ kind: 'error', error: { code: 'partial_read', message: expect.stringContaining('1 of 2 lines and 12 characters of the next') } }]);
  });

  it('reports a burst holding non-MRZ characters as garbage', () => {
    const { events } = type(new KeyboardWedgeAssembler(), keysFor(`${td3[0].slice(0, 20)}#${td3[0].slice(21)}\n${td3[1]}\n`, 0, 5));
    expect(errorCodes(events)).toEqual(['garbage']);
    expect(reads(events)).toEqual([]);
  });

  it('reports a doubled scan once', () => {
    const assembler = new KeyboardWedgeAssembler({ duplicateWindowMs: 3000 });
    const first = type(assembler, keysFor(`${td3.join('\n')}\n`, 0, 5));
    const second = type(assembler, keysFor(`${td3.join('\n')}\n`, 1500, 5));
    expect(reads(first.events)).toEqual([td3]);
    expect(errorCodes(second.events)).toEqual(['duplicate_read']);
    expect(second.consumed.every(Boolean)).toBe(true);
  });

  it('gives the keys after a whole read back to the officer once the reader is done', () => {
    const assembler = new KeyboardWedgeAssembler();
    const keys = keysFor(`${td3.join('\n')}\n`, 0, 5);
    for (const key of keys) assembler.key(key);
    const last = keys.at(-1)!.timeMs;
    expect(assembler.key({ key: 'Enter', timeMs: last + 5 }).consumed).toBe(true);
    expect(assembler.key({ key: 'm', timeMs: last + 60, mayBeShortcut: true }).consumed).toBe(false);
  });

  it('survives one stall on a non-shortcut key in its first keys, but a late shortcut key ends it and passes', () => {
    const stalledOnce = keysFor(`${td3.join('\n')}\n`, 0, (index) => (index === 1 ? 200 : 6));
    expect(reads(type(new KeyboardWedgeAssembler(), stalledOnce).events)).toEqual([td3]);
    const stalledTwice = keysFor(`${td3.join('\n')}\n`, 0, (index) => (index === 1 || index === 2 ? 200 : 6));
    expect(reads(type(new KeyboardWedgeAssembler(), stalledTwice).events)).toEqual([]);
    // I D D R: the R (a shortcut) comes late, so it is the officer's.
    const lateShortcut = keysFor('IDDR', 0, (index) => (index === 3 ? 80 : 6));
    expect(type(new KeyboardWedgeAssembler(), lateShortcut).consumed).toEqual([true, true, true, false]);
    // P < I R: a filler is no person's key, so after it the burst is surely a reader's and R stays in it.
    const afterFiller = keysFor(`${td3.join('\n')}\n`, 0, (index) => (index === 3 ? 200 : 6));
    expect(reads(type(new KeyboardWedgeAssembler(), afterFiller).events)).toEqual([td3]);
  });

  it('tolerates a reader pause once the burst is surely a reader', () => {
    const keys = keysFor(`${td3.join('\n')}\n`, 0, (index) => (index === 30 ? 120 : 6));
    expect(reads(type(new KeyboardWedgeAssembler(), keys).events)).toEqual([td3]);
  });

  describe('properties', () => {
    it('any reader timing under the gap yields the same read', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 34 }), { minLength: 100, maxLength: 100 }), fc.constantFrom(td3, td1), (gaps, document) => {
          const keys = keysFor(`${document.join('\n')}\n`, 0, (index) => gaps[index % gaps.length]!);
          const { events, consumed } = type(new KeyboardWedgeAssembler(), keys);
          expect(events).toEqual([{ kind: 'read', lines: document }]);
          expect(consumed.every(Boolean)).toBe(true);
        }),
      );
    });

    it('arbitrary keys at arbitrary times never throw, and yield only checked reads', () => {
      const key = fc.record({
        key: fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('Enter', 'Tab', 'Shift', 'Escape', 'P', 'I', '<', 'A')),
        gap: fc.integer({ min: 0, max: 300 }),
        altKey: fc.boolean(),
        repeat: fc.boolean(),
      });
      fc.assert(
        fc.property(fc.array(key, { maxLength: 200 }), (entries) => {
          let time = 0;
          const keys = entries.map(({ gap, ...rest }) => ({ ...rest, timeMs: (time += gap) }));
          const { events } = type(new KeyboardWedgeAssembler(), keys);
          for (const lines of reads(events)) {
            expect(lines.every((line) => /^[A-Z0-9<]+$/.test(line) && line.length === lines[0]!.length)).toBe(true);
          }
        }),
      );
    });
  });
});

describe('KeyboardWedgeAssembler: a non-MRZ key is a refused read, never a different MRZ (#19 finding 7)', () => {
  // Keys whose upper case is an MRZ letter (or two): upper-casing them would turn a wrong scan into a valid-looking one.
  it.each([
    ['dotless i', 'ı', 'I'],
    ['long s', 'ſ', 'S'],
    ['sharp s', 'ß', 'SS'],
    ['fi ligature', 'ﬁ', 'FI'],
    ['ff ligature', 'ﬀ', 'FF'],
    ['emoji', '\u{1F600}', 'X'],
  ])('%s', (_name, key, stand) => {
    const at = td3[0].indexOf(stand[0]!, 5);
    const line1 = stand.length === 1 || td3[0].slice(at, at + stand.length) !== stand ? td3[0].slice(0, at) + key + td3[0].slice(at + 1) : td3[0].slice(0, at) + key + td3[0].slice(at + stand.length);
    const { events } = type(new KeyboardWedgeAssembler(), keysFor(`${line1}\n${td3[1]}\n`, 0, 5));
    expect(reads(events)).toEqual([]);
    expect(errorCodes(events)).toEqual(['garbage']);
  });
});
