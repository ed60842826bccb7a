/** Property tests: the parser never throws, valid records round-trip, and corruptions of checked characters are caught. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MrzFormat } from './mrzTypes';
import { mrzFieldValue, parseMrz } from './parseMrz';
import { td1Lines, td2Lines, td3Lines, type MrzParts } from './testSupport/buildMrzLines';

const today = new Date('2026-11-23T00:00:00Z');
const dayMs = 86_400_000;
const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const mrzAlphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'];
const alnum = mrzAlphabet.filter((c) => c !== '<');
const states = ['D', 'NLD', 'FRA', 'USA', 'CHE', 'GBR', 'BEL', 'XXA', 'UNO', 'EUE'];

const word = fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 8 });
const alnumText = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...alnum), minLength: min, maxLength: max });

/** A UTC day in [from, to], as [YYMMDD, YYYY-MM-DD]. */
const dayIn = (from: Date, to: Date) =>
  fc.integer({ min: Math.ceil(from.getTime() / dayMs), max: Math.floor(to.getTime() / dayMs) }).map((n) => {
    const iso = new Date(n * dayMs).toISOString().slice(0, 10);
    return [iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10), iso] as const;
  });
const yearsFromToday = (years: number) => new Date(Date.UTC(today.getUTCFullYear() + years, today.getUTCMonth(), today.getUTCDate()));

type Generated = { readonly format: MrzFormat; readonly lines: readonly string[]; readonly expected: Readonly<Record<string, string>> };

/** Random valid records of one format; maxValidity matches the century window the parser documents. */
function records(format: 'TD1' | 'TD2' | 'TD3'): fc.Arbitrary<Generated> {
  const nameLength = format === 'TD3' ? 39 : format === 'TD2' ? 31 : 30;
  const maxValidity = format === 'TD3' ? 10 : 30;
  return fc
    .record({
      code: format === 'TD3' ? fc.constantFrom('P', 'PO', 'PD') : fc.constantFrom('I', 'ID', 'IR', 'AC', 'C'),
      issuingState: fc.constantFrom(...states),
      nationality: fc.constantFrom(...states),
      primary: fc.array(word, { minLength: 1, maxLength: 3 }),
      secondary: fc.array(word, { minLength: 0, maxLength: 3 }),
      documentNumber: format === 'TD1' ? alnumText(1, 14) : alnumText(1, 9),
      birth: dayIn(yearsFromToday(-99), today),
      expiry: dayIn(yearsFromToday(maxValidity - 99), yearsFromToday(maxValidity)),
      sex: fc.constantFrom('M', 'F', '<') as fc.Arbitrary<'M' | 'F' | '<'>,
      optional1: alnumText(0, format === 'TD3' ? 14 : format === 'TD2' ? 7 : 8),
      optional2: alnumText(0, 11),
    })
    .filter((r) => r.primary.join('<').length + 2 + r.secondary.join('<').length < nameLength)
    // A 36-character 'IDFRA' MRZ is the pre-2021 French identity card, a layout of its own.
    .filter((r) => !(format === 'TD2' && r.code === 'ID' && r.issuingState === 'FRA'))
    .map((r): Generated => {
      const name = r.secondary.length > 0 ? `${r.primary.join('<')}<<${r.secondary.join('<')}` : r.primary.join('<');
      const parts: MrzParts = {
        documentCode: r.code,
        issuingState: r.issuingState,
        name,
        documentNumber: r.documentNumber,
        nationality: r.nationality,
        birthDate: r.birth[0],
        sex: r.sex,
        expirationDate: r.expiry[0],
        optional1: r.optional1,
        optional2: r.optional2,
      };
      const lines = format === 'TD3' ? td3Lines(parts) : format === 'TD2' ? td2Lines(parts) : td1Lines(parts);
      const expected: Record<string, string> = {
        documentCode: r.code,
        issuingState: r.issuingState,
        nationality: r.nationality,
        documentNumber: r.documentNumber,
        birthDate: r.birth[1],
        expirationDate: r.expiry[1],
        sex: r.sex === '<' ? 'X' : r.sex,
        lastName: r.primary.join(' '),
        firstName: r.secondary.join(' '),
      };
      if (format === 'TD3') expected.personalNumber = r.optional1;
      if (format === 'TD2' || (format === 'TD1' && r.documentNumber.length <= 9)) expected.optional1 = r.optional1;
      if (format === 'TD1') expected.optional2 = r.optional2;
      return { format, lines, expected };
    });
}

const anyRecord = fc.oneof(records('TD1'), records('TD2'), records('TD3'));

/** Characters each format protects with a check digit (from ICAO 9303, independently of the parser's tables). */
const checkedRanges: Readonly<Record<'TD1' | 'TD2' | 'TD3', readonly (readonly [number, number, number])[]>> = {
  TD3: [
    [1, 0, 10],
    [1, 13, 20],
    [1, 21, 44],
  ],
  TD2: [
    [1, 0, 10],
    [1, 13, 20],
    [1, 21, 36],
  ],
  TD1: [
    [0, 5, 30],
    [1, 0, 7],
    [1, 8, 15],
    [1, 18, 30],
  ],
};

const charValue = (ch: string) => (ch === '<' ? 0 : mrzAlphabet.indexOf(ch) < 26 ? mrzAlphabet.indexOf(ch) + 10 : mrzAlphabet.indexOf(ch) - 26);

describe('parseMrz properties', () => {
  it('never throws on arbitrary input and always explains an invalid result', () => {
    const mrzShaped = fc.constantFrom(30, 36, 44).chain((length) =>
      fc.array(fc.string({ unit: fc.constantFrom(...mrzAlphabet, ' ', '?', 'a', 'É'), minLength: length, maxLength: length }), { minLength: 1, maxLength: 4 }),
    );
    const input = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 5 }), mrzShaped, fc.array(fc.anything(), { maxLength: 4 }));
    fc.assert(
      fc.property(input, (value) => {
        const result = parseMrz(value as string | string[], { today });
        if (result.valid) {
          expect(result.errors).toEqual([]);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error.message.length).toBeGreaterThan(0);
        }
        if (result.format === null) expect(result.fields).toEqual([]);
        for (const field of result.fields) expect(field.valid).toBe(field.error === null);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips every generated valid TD1, TD2 and TD3 record', () => {
    fc.assert(
      fc.property(anyRecord, ({ format, lines, expected }) => {
        const result = parseMrz(lines, { today });
        expect(result.errors).toEqual([]);
        expect(result.format).toBe(format);
        expect(result.valid).toBe(true);
        for (const [name, value] of Object.entries(expected)) expect(mrzFieldValue(result, name as never), name).toBe(value);
      }),
      { numRuns: 400 },
    );
  });

  it('detects any single-character corruption of a check-digit-covered character', () => {
    // A check digit weighs values modulo 10, so swapping characters whose values agree modulo 10
    // (0, A, K, U and '<' all weigh 0) is invisible to it by design; every other substitution must be caught.
    const corrupted = anyRecord.chain((record) => {
      const ranges = checkedRanges[record.format as 'TD1' | 'TD2' | 'TD3'];
      const positions = ranges.flatMap(([line, start, end]) => Array.from({ length: end - start }, (_, i) => [line, start + i] as const));
      return fc.record({ record: fc.constant(record), at: fc.constantFrom(...positions), replacement: fc.constantFrom(...mrzAlphabet) });
    });
    fc.assert(
      fc.property(
        corrupted.filter(({ record, at, replacement }) => charValue(record.lines[at[0]]![at[1]]!) % 10 !== charValue(replacement) % 10),
        ({ record, at: [line, column], replacement }) => {
          const lines = record.lines.map((l, i) => (i === line ? l.slice(0, column) + replacement + l.slice(column + 1) : l));
          const result = parseMrz(lines, { today });
          expect(result.valid).toBe(false);
          expect(result.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('corrects a single OCR confusion in a checked character exactly, or not at all, and never applies it', () => {
    const confusions: Readonly<Record<string, readonly string[]>> = { '0': ['O', 'D', 'Q'], '1': ['I', 'L'], '2': ['Z'], '5': ['S'], '6': ['G'], '8': ['B'], O: ['0'], I: ['1'], S: ['5'], B: ['8'], Z: ['2'], G: ['6'] };
    const misread = anyRecord.chain((record) => {
      const ranges = checkedRanges[record.format as 'TD1' | 'TD2' | 'TD3'];
      const positions = ranges
        .flatMap(([line, start, end]) => Array.from({ length: end - start }, (_, i) => [line, start + i] as const))
        .filter(([line, column]) => confusions[record.lines[line]![column]!] !== undefined);
      return positions.length === 0
        ? fc.constant(null)
        : fc.constantFrom(...positions).chain(([line, column]) =>
            fc.record({ record: fc.constant(record), line: fc.constant(line), column: fc.constant(column), to: fc.constantFrom(...confusions[record.lines[line]![column]!]!) }),
          );
    });
    fc.assert(
      fc.property(misread, (sample) => {
        if (sample === null) return;
        const { record, line, column, to } = sample;
        const original = record.lines[line]!;
        const lines = record.lines.map((l, i) => (i === line ? l.slice(0, column) + to + l.slice(column + 1) : l));
        const result = parseMrz(lines, { today });
        // A letter where only digits may stand (dates, check digits) has one reading: it must be offered.
        const digitsOnly = /[0-9]/.test(original[column]!) && isDigitOnlyPosition(record.format, line, column);
        // G/6 and L/1 weigh the same modulo 10: elsewhere such a misread is invisible to any check digit.
        const visible = digitsOnly || charValue(to) % 10 !== charValue(original[column]!) % 10;
        if (visible) expect(result.valid).toBe(false);
        for (const c of result.corrections) expect([c.line, c.position, c.from, c.to]).toEqual([line, column, to, original[column]]);
        for (const f of result.fields) expect(f.raw).toBe(lines[f.position.line]!.slice(f.position.start, f.position.end));
        if (digitsOnly) expect(result.corrections).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
  });
});

/** Birth date, expiry and check digit positions (ICAO 9303), where a letter can only be a misread digit. */
function isDigitOnlyPosition(format: MrzFormat, line: number, column: number): boolean {
  if (format === 'TD1') return line === 1 && (column <= 6 || (column >= 8 && column <= 14) || column === 29);
  const last = format === 'TD3' ? 43 : 35;
  return line === 1 && (column === 9 || (column >= 13 && column <= 19) || (column >= 21 && column <= 27) || column === last || (format === 'TD3' && column === 42));
}
