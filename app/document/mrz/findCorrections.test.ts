import { describe, expect, it } from 'vitest';
import { parseMrz } from './parseMrz';
import type { MrzCorrection, MrzParseResult } from './mrzTypes';
import { checkDigitOf, frenchIdLines, specimenPassport, td1Lines, td2Lines, td3Lines } from './testSupport/buildMrzLines';

// OCR corrections as an officer relies on them: one is offered only when it is the one reading a check digit
// proves, it is never applied to the values, and applying it gives an MRZ whose check digits all hold.

const today = new Date('2026-11-23T10:00:00Z');
const parse = (lines: readonly string[]) => parseMrz(lines, { today });
const replaceAt = (line: string, column: number, ch: string) => line.slice(0, column) + ch + line.slice(column + 1);
const applied = (lines: readonly string[], corrections: readonly MrzCorrection[]) =>
  lines.map((line, l) => corrections.filter((c) => c.line === l).reduce((text, c) => replaceAt(text, c.position, c.to), line));
const checkDigitErrors = (result: MrzParseResult) => result.errors.filter((e) => e.code === 'checkDigitMismatch' || e.code === 'invalidFieldSyntax').map((e) => e.field);

describe('a correction is offered only when a check digit proves it', () => {
  it('a corrected reading satisfies its check digit: applied, the MRZ is valid', () => {
    const lines = td3Lines({ ...specimenPassport, documentNumber: 'L898902C3' });
    const misread = [lines[0], replaceAt(lines[1], 5, 'O')];
    const result = parse(misread);
    expect(result.corrections).toEqual([
      {
        field: 'documentNumber',
        line: 1,
        position: 5,
        from: 'O',
        to: '0',
        reason: "'O' read as '0': the only reading that satisfies the document number check digit (line 2, column 10)",
      },
    ]);
    expect(applied(misread, result.corrections)).toEqual(lines);
    expect(parse(applied(misread, result.corrections)).valid).toBe(true);
    // Never applied to what was read.
    expect(result.lines).toEqual(misread);
  });

  it('a check digit read as a letter is corrected in place, when only one digit fits', () => {
    const lines = td3Lines({ ...specimenPassport, documentNumber: 'L898902C3' });
    expect(lines[1][9]).toBe('6');
    const result = parse([lines[0], replaceAt(lines[1], 9, 'G')]);
    expect(result.corrections).toEqual([expect.objectContaining({ field: 'documentNumberCheckDigit', line: 1, position: 9, from: 'G', to: '6' })]);
    expect(result.corrections[0]!.reason).toBe("'G' read as '6': the only reading that satisfies the document number check digit (line 2, column 10)");
  });

  it('a check digit read as a letter whose digit does not satisfy the check is not corrected', () => {
    const lines = td3Lines({ ...specimenPassport, documentNumber: 'L898902C3' });
    // B reads as 8, but the number gives 6.
    const result = parse([lines[0], replaceAt(lines[1], 9, 'B')]);
    expect(result.corrections).toEqual([]);
    expect(result.valid).toBe(false);
  });

  it('two readings that satisfy the check digit equally well: none is offered', () => {
    // 0BCO12345: misreading the first 0 as O gives two O's of the same weight (7); either could be the 0.
    const lines = td3Lines({ ...specimenPassport, documentNumber: '0BCO12345' });
    const result = parse([lines[0], replaceAt(lines[1], 0, 'O')]);
    expect(checkDigitErrors(result)).toContain('documentNumberCheckDigit');
    expect(result.corrections).toEqual([]);
  });

  it('the composite check digit proves only characters that cannot stand where they are, never a letter in optional data', () => {
    const lines = td2Lines({ ...specimenPassport, documentCode: 'I', optional1: '1234567' });
    // 5 read as S in the optional data: S is legal there, so only the composite check digit fails.
    const result = parse([lines[0], replaceAt(lines[1], 32, 'S')]);
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([['compositeCheckDigit', 'checkDigitMismatch']]);
    expect(result.corrections).toEqual([]);
  });

  it('the composite check digit read as a letter is corrected to the digit it proves', () => {
    const lines = td2Lines({ ...specimenPassport, documentCode: 'I', optional1: '1234567' });
    expect(lines[1][35]).toBe('2');
    const result = parse([lines[0], replaceAt(lines[1], 35, 'Z')]);
    expect(result.corrections).toEqual([expect.objectContaining({ field: 'compositeCheckDigit', from: 'Z', to: '2', reason: expect.stringContaining('composite check digit (line 2, column 36)') })]);
  });

  it('a group with too many possible readings falls back to the characters that must change', () => {
    // 000000000 with one 0 read as O: each 0 could be O, D or Q (4^9 readings), so no correction is searched for.
    const nines = td3Lines({ ...specimenPassport, documentNumber: '000000000' });
    expect(parse([nines[0], replaceAt(nines[1], 4, 'O')]).corrections).toEqual([]);
    // Four zeros are few enough: the O is proven.
    const four = td3Lines({ ...specimenPassport, documentNumber: '0000' });
    expect(parse([four[0], replaceAt(four[1], 2, 'O')]).corrections).toEqual([expect.objectContaining({ field: 'documentNumber', position: 2, from: 'O', to: '0' })]);
  });

  it.each([
    // The check digit weighs each character 7, 3, 1, 7, 3, 1, ... : in these numbers only the true 0 satisfies it.
    ['CJ0NAX9HF', 2],
    ['0R4ABTWAM', 0],
    ['WX004JTRC', 3],
    // 4096 candidate readings (five 0s and the O with four readings each, the D with two): still searched.
    ['00000D0TK', 2],
  ])('the 0 of %s read as O at column %i is corrected', (documentNumber, column) => {
    const lines = td3Lines({ ...specimenPassport, documentNumber });
    const result = parse([lines[0], replaceAt(lines[1], column, 'O')]);
    expect(result.corrections.map((c) => [c.field, c.position, c.from, c.to])).toEqual([['documentNumber', column, 'O', '0']]);
  });

  // OCR-B look-alikes: a letter in a date is the digit it resembles, a digit in a name the letter.
  const lookAlikes = [
    ['O', '0'],
    ['Q', '0'],
    ['D', '0'],
    ['I', '1'],
    ['L', '1'],
    ['Z', '2'],
    ['S', '5'],
    ['G', '6'],
    ['B', '8'],
  ] as const;

  it.each(lookAlikes)('%s in a birth date is read as %s when the check digit proves it', (letter, digit) => {
    const birthDate = '851206';
    const lines = td3Lines({ ...specimenPassport, birthDate });
    const column = 13 + birthDate.indexOf(digit);
    const result = parse([lines[0], replaceAt(lines[1], column, letter)]);
    expect(result.corrections.map((c) => [c.field, c.position, c.from, c.to])).toEqual([['birthDate', column, letter, digit]]);
  });

  it.each(lookAlikes)('%s in a name read as %s is restored when the composite check digit proves it (French identity card)', (letter, digit) => {
    const lines = frenchIdLines({ lastName: `MAR${letter}IN`, firstName: 'CORINNE', cardNumber: '880692310285', administrativeCode: '', birthDate: '650712', sex: 'F' });
    const result = parse([replaceAt(lines[0], 8, digit), lines[1]]);
    expect(result.corrections.map((c) => [c.field, c.line, c.position, c.from, c.to])).toEqual([['lastName', 0, 8, digit, letter]]);
  });

  it('over 4096 candidate readings nothing is guessed, even where a full search would have found the 0', () => {
    // 6 1 0 1 0 1 0 1: 2 x 3 x 4 x 3 x 2 x 3 x 4 x 3 readings and more.
    const lines = td3Lines({ ...specimenPassport, documentNumber: '61010101T' });
    expect(parse([lines[0], replaceAt(lines[1], 2, 'O')]).corrections).toEqual([]);
  });

  it('a date whose check digit is simply different is not "corrected" into letters: only a letter in a date is a misreading', () => {
    const [line1, line2] = td3Lines(specimenPassport);
    for (const digit of '0123456789'.replace(line2[19]!, '')) {
      const result = parse([line1, replaceAt(line2, 19, digit)]);
      expect(result.errors.map((e) => e.field)).toEqual(['birthDateCheckDigit', 'compositeCheckDigit']);
      expect(result.corrections).toEqual([]);
    }
  });

  it('a long TD1 number continued in the optional data is corrected with its full-number check digit', () => {
    const lines = td1Lines({ ...specimenPassport, documentCode: 'I', documentNumber: 'D23145890734' });
    const result = parse([replaceAt(lines[0], 13, 'O'), lines[1], lines[2]]);
    expect(result.corrections.map((c) => [c.field, c.line, c.position, c.from, c.to])).toEqual([['documentNumber', 0, 13, 'O', '0']]);
  });

  it('a long TD1 number that satisfies the older as-printed check digit is never "corrected" to satisfy the ICAO one', () => {
    // 429578025<541 as printed gives 4; the full number gives 6, and reading its 0 as O would give 4.
    const documentNumber = '429578025541';
    expect([checkDigitOf('429578025<541'), checkDigitOf(documentNumber), checkDigitOf('429578O25541')]).toEqual(['4', '6', '4']);
    const lines = td1Lines({ ...specimenPassport, documentCode: 'ID', issuingState: 'BEL', nationality: 'BEL', documentNumber });
    const first = replaceAt(lines[0], 18, '4');
    const second = replaceAt(lines[1], 29, checkDigitOf(first.slice(5, 30) + lines[1].slice(0, 7) + lines[1].slice(8, 15) + lines[1].slice(18, 29)));
    expect(parse([first, second, lines[2]]).valid).toBe(true);
    // Another misreading makes the search run: only that one is corrected.
    const result = parse([first, replaceAt(second, 2, 'O'), lines[2]]);
    expect(result.corrections.map((c) => [c.field, c.line, c.position, c.from, c.to])).toEqual([['birthDate', 1, 2, 'O', '0']]);
  });

  it('corrections found by different check digits come sorted by line and column (French identity card)', () => {
    const lines = frenchIdLines({ lastName: 'BERTHIER', firstName: 'CORINNE', cardNumber: '880692310285', administrativeCode: '', birthDate: '650712', sex: 'F' });
    expect(parse(lines)).toMatchObject({ format: 'FRENCH_NATIONAL_ID', valid: true });
    // The birth date's G is proven by the birth date check digit; the digits in the names only by the composite one.
    const misread = [replaceAt(lines[0], 5, '8'), replaceAt(replaceAt(lines[1], 27, 'G'), 14, '0')];
    const result = parse(misread);
    expect(result.corrections.map((c) => [c.field, c.line, c.position, c.from, c.to])).toEqual([
      ['lastName', 0, 5, '8', 'B'],
      ['firstName', 1, 14, '0', 'O'],
      ['birthDate', 1, 27, 'G', '6'],
    ]);
    expect(parse(applied(misread, result.corrections)).valid).toBe(true);
  });

  it('corrections in several fields come sorted by line and column, each proven by its own check digit', () => {
    // No other character of this number has a look-alike: B can only be the 8.
    const lines = td1Lines({ ...specimenPassport, documentCode: 'ID', documentNumber: 'TKX8RVWHN', optional1: '', optional2: '' });
    const misread = [replaceAt(lines[0], 8, 'B'), replaceAt(replaceAt(lines[1], 0, 'G'), 2, 'O'), lines[2]];
    const result = parse(misread);
    expect(result.corrections.map((c) => [c.field, c.line, c.position, c.from, c.to])).toEqual([
      ['documentNumber', 0, 8, 'B', '8'],
      ['birthDate', 1, 0, 'G', '6'],
      ['birthDate', 1, 2, 'O', '0'],
    ]);
    expect(parse(applied(misread, result.corrections)).valid).toBe(true);
  });

  it('a long TD1 document number in the older as-printed form needs no correction', () => {
    const lines = td1Lines({ ...specimenPassport, documentCode: 'ID', issuingState: 'BEL', nationality: 'BEL', documentNumber: '000590240601' });
    const asPrinted = replaceAt(lines[0], 18, '3');
    // The composite check digit covers the characters as printed, so it is recomputed for this variant.
    const result = parse([asPrinted, lines[1], lines[2]]);
    expect(result.corrections.filter((c) => c.field === 'documentNumber' || c.field === 'documentNumberCheckDigit')).toEqual([]);
  });

  it('nothing is searched for when no check digit failed (an unknown state code alone)', () => {
    const result = parse(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']);
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
  });
});
