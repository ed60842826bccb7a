import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCheckDigit, computeCheckDigitOverPositions, computeCheckDigitOverRanges } from './checkDigit';
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
