import { describe, expect, it } from 'vitest';
import { mrzFieldValue, parseMrz } from './parseMrz';
import type { MrzFieldName, MrzParseResult } from './mrzTypes';
import { checkDigitOf, specimenPassport, td1Lines, td2Lines, td3Lines, visaLines } from './testSupport/buildMrzLines';

const today = new Date('2026-11-23T10:00:00Z');
const parse = (lines: readonly string[] | string) => parseMrz(lines, { today });
const field = (result: MrzParseResult, name: MrzFieldName) => {
  const found = result.fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};

const willeke = specimenPassport;

describe('parseMrz: TD3 passports', () => {
  it('reads every field of a valid passport', () => {
    const result = parse(td3Lines(willeke));
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ format: 'TD3', valid: true, corrections: [] });
    const values = Object.fromEntries(result.fields.map((f) => [f.name, f.value]));
    expect(values).toMatchObject({
      documentCode: 'P',
      issuingState: 'NLD',
      lastName: 'DE BRUIJN',
      firstName: 'WILLEKE LISELOTTE',
      documentNumber: 'SPECI2014',
      nationality: 'NLD',
      birthDate: '1965-03-10',
      sex: 'F',
      expirationDate: '2024-03-09',
      personalNumber: '999999990',
    });
    expect(field(result, 'documentNumberCheckDigit')).toMatchObject({ value: checkDigitOf('SPECI2014'), valid: true, position: { line: 1, start: 9, end: 10 } });
    expect(field(result, 'lastName')).toMatchObject({ raw: 'DE<BRUIJN', truncated: false, position: { line: 0, start: 5, end: 14 } });
    expect(mrzFieldValue(result, 'birthDate')).toBe('1965-03-10');
    expect(mrzFieldValue(result, 'optional2')).toBeNull();
  });

  it('accepts the ICAO 9303 specimen check digits but rejects the fictional state UTO', () => {
    const result = parse(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']);
    expect(result.format).toBe('TD3');
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['issuingState', 'unknownStateCode'],
      ['nationality', 'unknownStateCode'],
    ]);
    expect(result.fields.filter((f) => f.name.endsWith('CheckDigit')).every((f) => f.valid)).toBe(true);
    expect(mrzFieldValue(result, 'lastName')).toBe('ERIKSSON');
    expect(mrzFieldValue(result, 'firstName')).toBe('ANNA MARIA');
  });

  it('reads string input with line breaks and surrounding spaces', () => {
    const [a, b] = td3Lines(willeke);
    expect(parse(`  ${a}\r\n${b}  \n`)).toMatchObject({ format: 'TD3', valid: true });
  });

  it('names the field, the digit found and the digit expected on a check digit mismatch', () => {
    const [a, b] = td3Lines(willeke);
    const wrong = b.slice(0, 19) + String((Number(b[19]) + 1) % 10) + b.slice(20);
    const result = parse([a, wrong]);
    const error = field(result, 'birthDateCheckDigit').error;
    expect(error).toMatchObject({ code: 'checkDigitMismatch', field: 'birthDateCheckDigit' });
    expect(error?.message).toContain(`gives ${b[19]}`);
    expect(field(result, 'compositeCheckDigit').error?.code).toBe('checkDigitMismatch');
    expect(field(result, 'birthDate').valid).toBe(true);
  });

  it('accepts an empty personal number with a filler check digit', () => {
    const result = parse(td3Lines({ ...willeke, optional1: '' }));
    expect(result.valid).toBe(true);
    expect(field(result, 'personalNumberCheckDigit').value).toBe('<');
    expect(mrzFieldValue(result, 'personalNumber')).toBe('');
  });

  it('flags a name that fills the whole field as truncated', () => {
    const long = { ...willeke, name: 'WOLFESCHLEGELSTEINHAUSENBERGERDORFF<<HUBERT<BLAINE' };
    const result = parse(td3Lines(long));
    expect(result.valid).toBe(true);
    expect(field(result, 'lastName').truncated).toBe(true);
    expect(field(result, 'firstName')).toMatchObject({ value: 'HU', truncated: true });
  });
});

describe('parseMrz: other ICAO formats', () => {
  it('reads a TD2 document', () => {
    const result = parse(td2Lines({ ...willeke, documentCode: 'I', optional1: 'AB12' }));
    expect(result).toMatchObject({ format: 'TD2', valid: true });
    expect(mrzFieldValue(result, 'optional1')).toBe('AB12');
  });

  it('reads MRV-A and MRV-B visas, which have no composite check digit', () => {
    const a = parse(visaLines({ ...willeke, documentCode: 'V', optional1: '' }, 44));
    const b = parse(visaLines({ ...willeke, documentCode: 'V', optional1: '' }, 36));
    expect(a).toMatchObject({ format: 'MRVA', valid: true });
    expect(b).toMatchObject({ format: 'MRVB', valid: true });
    expect(mrzFieldValue(a, 'compositeCheckDigit')).toBeNull();
  });

  it('reads a TD1 identity card with both optional fields', () => {
    const result = parse(td1Lines({ ...willeke, documentCode: 'ID', optional1: 'X1', optional2: '123' }));
    expect(result).toMatchObject({ format: 'TD1', valid: true });
    expect(mrzFieldValue(result, 'optional2')).toBe('123');
    expect(mrzFieldValue(result, 'firstName')).toBe('WILLEKE LISELOTTE');
  });

  it('reads a TD1 document number that continues in the optional field (ICAO full-number check digit)', () => {
    const result = parse(td1Lines({ ...willeke, documentCode: 'I', documentNumber: 'D23145890734', optional1: 'AB' }));
    expect(result.errors).toEqual([]);
    expect(field(result, 'documentNumber')).toMatchObject({ value: 'D23145890734', raw: 'D23145890<734', position: { line: 0, start: 5, end: 18 } });
    expect(field(result, 'documentNumberCheckDigit')).toMatchObject({ value: checkDigitOf('D23145890734'), position: { line: 0, start: 18, end: 19 } });
  });

  it('also accepts the older as-printed check digit of long document numbers (Belgian cards)', () => {
    // 000590240<601 as printed gives 3; the full number 000590240601 gives 1.
    const lines = td1Lines({ ...willeke, documentCode: 'ID', issuingState: 'BEL', nationality: 'BEL', documentNumber: '000590240601' });
    expect(lines[0].slice(5, 20)).toBe('000590240<6011<');
    const asPrinted = [lines[0].slice(0, 18) + '3' + lines[0].slice(19), lines[1], lines[2]];
    const composite = checkDigitOf(asPrinted[0]!.slice(5, 30) + lines[1].slice(0, 7) + lines[1].slice(8, 15) + lines[1].slice(18, 29));
    asPrinted[1] = lines[1].slice(0, 29) + composite;
    expect(parse(asPrinted).valid).toBe(true);
    const neither = [lines[0].slice(0, 18) + '7' + lines[0].slice(19), lines[1], lines[2]];
    expect(field(parse(neither), 'documentNumberCheckDigit').error?.code).toBe('checkDigitMismatch');
  });
});

describe('parseMrz: dates', () => {
  const withDates = (birthDate: string, expirationDate: string) => parse(td3Lines({ ...willeke, birthDate, expirationDate }));

  it('puts birth dates in the past relative to the injected today', () => {
    expect(mrzFieldValue(withDates('261123', '300101'), 'birthDate')).toBe('2026-11-23');
    expect(mrzFieldValue(withDates('261124', '300101'), 'birthDate')).toBe('1926-11-24');
    expect(mrzFieldValue(withDates('991231', '300101'), 'birthDate')).toBe('1999-12-31');
  });

  it('lets expiry lie up to the maximum validity ahead', () => {
    expect(mrzFieldValue(withDates('800101', '361123'), 'expirationDate')).toBe('2036-11-23');
    expect(mrzFieldValue(withDates('800101', '361124'), 'expirationDate')).toBe('1936-11-24');
    // Identity cards may be valid far longer than passports.
    const card = parse(td1Lines({ ...willeke, documentCode: 'ID', expirationDate: '501231' }));
    expect(mrzFieldValue(card, 'expirationDate')).toBe('2050-12-31');
  });

  it('rejects days that do not exist and accepts leap days', () => {
    expect(field(withDates('740231', '300101'), 'birthDate').error?.code).toBe('invalidDate');
    expect(field(withDates('741301', '300101'), 'birthDate').error?.code).toBe('invalidDate');
    expect(mrzFieldValue(withDates('000229', '300101'), 'birthDate')).toBe('2000-02-29');
    expect(field(withDates('800101', '270229'), 'expirationDate').error?.code).toBe('invalidDate');
  });
});

describe('parseMrz: field syntax', () => {
  it('rejects an invalid sex, a digit in a name and a wrong document code', () => {
    const [a, b] = td3Lines(willeke);
    const result = parse(['Q' + a.slice(1, 10) + '4' + a.slice(11), b.slice(0, 20) + 'Q' + b.slice(21)]);
    expect(field(result, 'sex').error?.code).toBe('invalidSex');
    expect(field(result, 'lastName').error?.code).toBe('invalidName');
    expect(field(result, 'documentCode').error?.code).toBe('invalidDocumentCode');
  });

  it('reports characters that are not MRZ characters without throwing', () => {
    const [a, b] = td3Lines(willeke);
    const result = parse([a, b.slice(0, 3) + '?' + b.slice(4)]);
    expect(result.format).toBe('TD3');
    expect(result.valid).toBe(false);
    expect(result.errors.find((e) => e.field === null)?.message).toContain("line 2, column 4: '?'");
    expect(field(result, 'documentNumber').error?.code).toBe('illegalCharacter');
  });
});

describe('parseMrz: not an MRZ', () => {
  it.each([
    ['empty string', '', 'wrongLineCount'],
    ['no lines', [], 'wrongLineCount'],
    ['four lines', ['A', 'B', 'C', 'D'], 'wrongLineCount'],
    ['wrong lengths', ['ABC', 'DEF'], 'unrecognizedLineLength'],
    ['mixed lengths', ['P'.repeat(44), '1'.repeat(36)], 'inconsistentLineLength'],
    ['prose', 'hello, officer', 'unrecognizedLineLength'],
    ['an empty line before a 30-character line', ['', 'D1FRA13AA000026181231MARTIN<<9'], 'unrecognizedLineLength'],
    ['over-long lines', ['P'.repeat(100), 'L'.repeat(100)], 'unrecognizedLineLength'],
    // Longer than any MRZ with its line breaks: refused before it is read (inputLimits.mrz.maxInputCharacters).
    ['input longer than any MRZ', ['P'.repeat(144), 'L'.repeat(144)], 'inputTooLong'],
    ['more lines than any MRZ', Array.from({ length: 50 }, () => ''), 'inputTooLong'],
  ] as const)('%s', (_label, input, code) => {
    const result = parse(input);
    expect(result).toMatchObject({ format: null, valid: false, fields: [] });
    expect(result.errors[0]?.code).toBe(code);
    expect(result.errors[0]?.message.length).toBeGreaterThan(10);
  });
});

describe('parseMrz: OCR corrections', () => {
  it('offers O->0 in a document number when only that reading satisfies the check digit, without applying it', () => {
    const [a, b] = td3Lines({ ...willeke, documentNumber: 'L898902C3' });
    const misread = b.slice(0, 5) + 'O' + b.slice(6);
    const result = parse([a, misread]);
    expect(result.valid).toBe(false);
    expect(mrzFieldValue(result, 'documentNumber')).toBe('L8989O2C3');
    expect(result.corrections).toEqual([expect.objectContaining({ field: 'documentNumber', line: 1, position: 5, from: 'O', to: '0' })]);
  });

  it('reads letters in a date as the digits a check digit proves', () => {
    const [a, b] = td3Lines(willeke);
    const misread = b.slice(0, 13) + 'G5O3IO' + b.slice(19);
    const result = parse([a, misread]);
    expect(field(result, 'birthDate').error?.code).toBe('invalidDate');
    expect(result.corrections.map((c) => `${c.from}${c.to}`)).toEqual(['G6', 'O0', 'I1', 'O0']);
    expect(result.corrections.every((c) => c.field === 'birthDate' && c.reason.includes('birth date'))).toBe(true);
  });

  it('offers nothing when no check digit covers the misread character', () => {
    const [a, b] = td3Lines(willeke);
    const result = parse([a.slice(0, 7) + '8' + a.slice(8), b]);
    expect(field(result, 'lastName').valid).toBe(false);
    expect(result.corrections).toEqual([]);
  });
});
