import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCheckDigit, computeCheckDigitOverPositions, computeCheckDigitOverRanges, mrzCharValue } from './checkDigit';
import { checkDigitOf } from './testSupport/buildMrzLines';

describe('ICAO 9303 check digits', () => {
  it('matches the published examples', () => {
    expect(computeCheckDigit('520727')).toBe(3); // ICAO 9303-3 worked example
    expect(computeCheckDigit('L898902C3')).toBe(6);
    expect(computeCheckDigit('740812')).toBe(2);
    expect(computeCheckDigit('120415')).toBe(9);
    expect(computeCheckDigit('ZE184226B<<<<<')).toBe(1);
    expect(computeCheckDigit('<<<<<<')).toBe(0);
  });

  it('refuses characters outside the MRZ set instead of weighing them', () => {
    expect(computeCheckDigit('12?4')).toBe(-1);
    expect(computeCheckDigit('abc')).toBe(-1);
    expect(computeCheckDigitOverPositions([{ line: 0, start: 0, end: 4 }], ['12'])).toBe(-1);
  });

  it('refuses the characters just outside the digit, letter and filler ranges, in every form of the check', () => {
    // '/' and ':' border the digits, '@' and '[' the capitals, ';' and '=' the filler '<'.
    for (const illegal of ['/', ':', '@', '[', ';', '=', 'a', ' ']) {
      const text = `12${illegal}4`;
      expect(computeCheckDigit(text), illegal).toBe(-1);
      expect(computeCheckDigitOverRanges(['1', text]), illegal).toBe(-1);
      expect(computeCheckDigitOverPositions([{ line: 0, start: 0, end: 4 }], [text]), illegal).toBe(-1);
    }
  });

  it('values digits as themselves, A-Z as 10-35 and the filler as 0', () => {
    expect(['0', '9', 'A', 'Z', '<'].map((ch) => mrzCharValue(ch.charCodeAt(0)))).toEqual([0, 9, 10, 35, 0]);
    expect(['/', ':', '@', '[', ';', '=', ' ', '\u0000'].map((ch) => mrzCharValue(ch.charCodeAt(0)))).toEqual([-1, -1, -1, -1, -1, -1, -1, -1]);
  });

  it('checks only the range asked for', () => {
    expect(computeCheckDigit('??L898902C3??', 2, 11)).toBe(6);
    expect(computeCheckDigitOverPositions([{ line: 0, start: 2, end: 11 }], ['??L898902C3??'])).toBe(6);
    expect(computeCheckDigitOverPositions([{ line: 1, start: 0, end: 1 }], ['1'])).toBe(-1); // no such line
  });

  it('agrees with an independent implementation, over one range or split across several', () => {
    const mrzText = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'), maxLength: 60 });
    fc.assert(
      fc.property(mrzText, fc.nat(60), (text, cut) => {
        const at = Math.min(cut, text.length);
        const expected = Number(checkDigitOf(text));
        expect(computeCheckDigit(text)).toBe(expected);
        expect(computeCheckDigitOverRanges([text.slice(0, at), text.slice(at)])).toBe(expected);
        expect(computeCheckDigitOverPositions([{ line: 1, start: 0, end: at }, { line: 0, start: at, end: text.length }], [text, text])).toBe(expected);
      }),
    );
  });
});
