import { describe, expect, it } from 'vitest';
import { td1Layout, td2Layout, td3Layout } from './icaoLayouts';
import { findLongDocumentNumber } from './longDocumentNumber';
import { checkDigitOf, specimenPassport, td2Lines } from './testSupport/buildMrzLines';

// TD1 line 1 (ICAO 9303-5 4.2.2 note j) and TD2 line 2 (9303-6): a number over nine characters has '<' where its check
// digit belongs and continues in the optional data, followed by its check digit and a filler.

const td1 = (firstLine: string) => findLongDocumentNumber(td1Layout, [firstLine, '<'.repeat(30), '<'.repeat(30)]);

describe('findLongDocumentNumber', () => {
  it('reads the ICAO TD1 sample: D23145890 continued by 734, check digit 9', () => {
    expect(td1('I<UTOD23145890<7349<<<<<<<<<<<')).toEqual({
      value: 'D23145890734',
      position: { line: 0, start: 5, end: 18 },
      icaoCovers: [
        { line: 0, start: 5, end: 14 },
        { line: 0, start: 15, end: 18 },
      ],
      asPrintedCovers: [
        { line: 0, start: 5, end: 15 },
        { line: 0, start: 15, end: 18 },
      ],
      checkDigitPosition: { line: 0, start: 18, end: 19 },
    });
  });

  it('a continuation may run to the end of the optional data, its check digit in the last column', () => {
    expect(td1('I<UTOD23145890<12345678901234X')).toMatchObject({
      value: 'D2314589012345678901234',
      position: { line: 0, start: 5, end: 29 },
      checkDigitPosition: { line: 0, start: 29, end: 30 },
    });
  });

  it('fillers padding the first nine columns are not part of the number', () => {
    expect(td1('I<UTOAB<12<<<<<3456X<<<<<<<<<<')?.value).toBe('AB<123456');
  });

  it('reads a TD2 number continued in the optional data (columns 29-35), optional data after its filler left out', () => {
    const card = { ...specimenPassport, documentCode: 'I', documentNumber: 'D23145890734' };
    for (const optional1 of ['', 'X']) {
      const lines = td2Lines({ ...card, optional1 });
      expect(lines[1].slice(0, 10) + lines[1].slice(28, 35)).toBe(`D23145890<734${checkDigitOf('D23145890734')}<${optional1.padEnd(1, '<')}<`);
      expect(findLongDocumentNumber(td2Layout, lines)).toEqual({
        value: 'D23145890734',
        // The continuation lies beyond the dates: the number's own field is where the officer sees it.
        position: { line: 1, start: 0, end: 9 },
        icaoCovers: [
          { line: 1, start: 0, end: 9 },
          { line: 1, start: 28, end: 31 },
        ],
        asPrintedCovers: [
          { line: 1, start: 0, end: 10 },
          { line: 1, start: 28, end: 31 },
        ],
        checkDigitPosition: { line: 1, start: 31, end: 32 },
      });
    }
  });

  it.each([
    ['a number of nine characters with its check digit', 'I<UTOD231458907<<<<<<<<<<<<<<<'],
    ['a short number whose check digit is missing and no optional data', 'I<UTOD2314589<<<<<<<<<<<<<<<<<'],
    ['one lone character after the filler: a check digit with no continuation', 'I<UTOD2314589<<7<<<<<<<<<<<<<<'],
    ['not a TD1 first line (36 characters)', 'I<UTOD23145890<7349<<<<<<<<<<<<<<<<<'],
  ])('none in %s', (_what, line) => {
    expect(td1(line)).toBeNull();
  });

  it('a layout that allows long numbers but lacks the field they continue in is a table error, named', () => {
    const withoutOptional = { ...td1Layout, fields: td1Layout.fields.filter((f) => f.name !== 'optional1') };
    expect(() => findLongDocumentNumber(withoutOptional, ['I<UTOD23145890<7349<<<<<<<<<<<', '<'.repeat(30), '<'.repeat(30)])).toThrow('layout TD1 has no field optional1');
  });

  it('none on a passport: TD3 has no continued numbers', () => {
    const line2 = 'D23145890<UTO7408122F1204159734<<<<<<<<<<<<6';
    expect(findLongDocumentNumber(td3Layout, ['P<UTO' + '<'.repeat(39), line2])).toBeNull();
  });
});
