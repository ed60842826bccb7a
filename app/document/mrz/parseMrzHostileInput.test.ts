import { describe, expect, it } from 'vitest';
import { inputLimits } from '../../shared/inputLimits';
import { mrzFieldValue, parseMrz } from './parseMrz';
import { specimenPassport, td3Lines, visaLines } from './testSupport/buildMrzLines';

const today = new Date('2026-11-23T10:00:00Z');
const parse = (input: readonly string[] | string) => parseMrz(input, { today });

/** Regression tests of issue #19 (findings 5 and 6) and #18 (fillers are not data), on generated input. */
describe('parseMrz under hostile input', () => {
  it('refuses a line of TD3 length holding an emoji (outside the BMP) instead of crashing the correction search', () => {
    const [line1, line2] = td3Lines(specimenPassport);
    // 42 characters and one emoji: 44 UTF-16 units, like a TD3 line; a misread document number invites the search.
    const hostile = `${line2.slice(0, 3)}O${line2.slice(4, 42)}\u{1F600}`;
    expect(hostile.length).toBe(44);
    const result = parse([line1, hostile]);
    expect(result).toMatchObject({ format: null, valid: false, corrections: [] });
    expect(result.errors.map((e) => e.message)).toContain("line 2, column 43: U+1F600 is not an MRZ character (A-Z, 0-9, '<')");
  });

  it('offers no correction for a line holding a BMP character that is not MRZ text', () => {
    const [line1, line2] = td3Lines(specimenPassport);
    const result = parse([line1, `${line2.slice(0, 3)}O${line2.slice(4, 43)}\u00E9`]);
    expect(result.format).toBe('TD3');
    expect(result.corrections).toEqual([]);
    expect(result.errors.some((e) => e.code === 'illegalCharacter')).toBe(true);
  });

  it('refuses input longer than any MRZ before reading it, however long', () => {
    const huge = '\u00E9'.repeat(5_000_000);
    const result = parse(huge);
    expect(result).toEqual({ format: null, valid: false, fields: [], corrections: [], lines: [], errors: [expect.objectContaining({ code: 'inputTooLong' })] });
    expect(result.errors[0]!.message).toContain('5000000 characters');
    expect(parse(['P'.repeat(200), 'L'.repeat(200)]).errors[0]!.code).toBe('inputTooLong');
  });

  it('refuses input at the limits only beyond them', () => {
    const { maxInputCharacters, maxInputLines } = inputLimits.mrz;
    const codeOf = (input: readonly string[] | string) => parse(input).errors[0]!.code;
    expect(codeOf('P'.repeat(maxInputCharacters))).toBe('unrecognizedLineLength');
    expect(codeOf('P'.repeat(maxInputCharacters + 1))).toBe('inputTooLong');
    expect(codeOf(['P'.repeat(maxInputCharacters - 10), 'L'.repeat(10)])).toBe('unrecognizedLineLength');
    expect(codeOf(['P'.repeat(maxInputCharacters - 10), 'L'.repeat(11)])).toBe('inputTooLong');
    expect(codeOf(Array.from({ length: maxInputLines }, () => 'P'))).toBe('wrongLineCount');
    expect(parse(Array.from({ length: maxInputLines + 1 }, () => 'P')).errors).toEqual([
      { code: 'inputTooLong', message: `the input has ${maxInputLines + 1} lines; an MRZ has 1 to 3`, field: null },
    ]);
  });

  it('refuses input that is neither text nor lines of text, saying so', () => {
    for (const input of [42, null, { lines: [] }]) {
      expect(parseMrz(input as never)).toEqual({
        format: null,
        valid: false,
        fields: [],
        corrections: [],
        lines: [],
        errors: [{ code: 'wrongLineCount', message: 'MRZ input must be a string or an array of lines', field: null }],
      });
    }
    expect(parseMrz(['P<UTO', 7] as never)).toMatchObject({ lines: [], errors: [{ code: 'wrongLineCount', message: 'MRZ lines must be strings' }] });
  });

  it('trims spaces around each line of array input, as around string input', () => {
    const [line1, line2] = td3Lines(specimenPassport);
    const result = parse([` ${line1}\t`, `${line2} `]);
    expect(result).toMatchObject({ format: 'TD3', valid: true, lines: [line1, line2] });
  });

  it('reports at most the configured number of character errors', () => {
    const result = parse(['?'.repeat(44), '?'.repeat(44)]);
    expect(result.errors.filter((e) => e.code === 'illegalCharacter' && e.field === null)).toHaveLength(inputLimits.mrz.maxCharacterErrors);
  });
});

describe('MRZ fillers are not data', () => {
  it('drops leading fillers of optional data: MRV-B optional data <2020711 is 2020711', () => {
    const result = parse(visaLines({ ...specimenPassport, documentCode: 'V', optional1: '<2020711' }, 36));
    expect(result.format).toBe('MRVB');
    expect(mrzFieldValue(result, 'optional1')).toBe('2020711');
  });

  it('keeps inner fillers of optional data as spaces', () => {
    const result = parse(visaLines({ ...specimenPassport, documentCode: 'V', optional1: '<20<711' }, 36));
    expect(mrzFieldValue(result, 'optional1')).toBe('20 711');
  });

  it('reads a document number of fillers plus letters without leading fillers or spaces', () => {
    const result = parse(td3Lines({ ...specimenPassport, documentNumber: '<<ABC' }));
    expect(mrzFieldValue(result, 'documentNumber')).toBe('ABC');
    expect(result.valid).toBe(true);
  });
});
