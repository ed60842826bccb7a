import { describe, expect, it } from 'vitest';
import { findLongDocumentNumber } from './longDocumentNumber';

// TD1 line 1 (ICAO 9303-5 4.2.2 note j): a number over nine characters has '<' at column 15 and continues in the
// optional data, followed by its check digit and a filler.

describe('findLongDocumentNumber', () => {
  it('reads the ICAO sample: D23145890 continued by 734, check digit 9', () => {
    expect(findLongDocumentNumber('I<UTOD23145890<7349<<<<<<<<<<<')).toEqual({
      value: 'D23145890734',
      position: { line: 0, start: 5, end: 18 },
      icaoCovers: [
        { line: 0, start: 5, end: 14 },
        { line: 0, start: 15, end: 18 },
      ],
      checkDigitPosition: { line: 0, start: 18, end: 19 },
    });
  });

  it('a continuation may run to the end of the line, its check digit in the last column', () => {
    expect(findLongDocumentNumber('I<UTOD23145890<12345678901234X')).toMatchObject({
      value: 'D2314589012345678901234',
      position: { line: 0, start: 5, end: 29 },
      checkDigitPosition: { line: 0, start: 29, end: 30 },
    });
  });

  it('fillers padding the first nine columns are not part of the number', () => {
    expect(findLongDocumentNumber('I<UTOAB<12<<<<<3456X<<<<<<<<<<')?.value).toBe('AB<123456');
  });

  it.each([
    ['a number of nine characters with its check digit', 'I<UTOD231458907<<<<<<<<<<<<<<<'],
    ['a short number whose check digit is missing and no optional data', 'I<UTOD2314589<<<<<<<<<<<<<<<<<'],
    ['one lone character after the filler: a check digit with no continuation', 'I<UTOD2314589<<7<<<<<<<<<<<<<<'],
    ['not a TD1 first line (36 characters)', 'I<UTOD23145890<7349<<<<<<<<<<<<<<<<<'],
  ])('none in %s', (_what, line) => {
    expect(findLongDocumentNumber(line)).toBeNull();
  });
});
