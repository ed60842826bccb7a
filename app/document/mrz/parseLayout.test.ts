import { describe, expect, it } from 'vitest';
import { td3Layout } from './icaoLayouts';
import { utcDayParts } from './mrzDates';
import type { MrzFieldName, MrzParseResult } from './mrzTypes';
import { swissDrivingLicenseLayout } from './nationalLayouts';
import { parseLayout } from './parseLayout';
import { parseMrz } from './parseMrz';
import { checkDigitOf, frenchIdLines, specimenPassport, td1Lines, td2Lines, td3Lines, visaLines } from './testSupport/buildMrzLines';

// How each check digit field is read, as an officer needs it stated: a digit that matches, a digit that does not
// (and what it should be), a filler where only empty data allows one, a letter, and characters that cannot be
// verified at all. Also where a non-MRZ character is reported, and long TD1 document numbers.

const today = new Date('2026-11-23T10:00:00Z');
const parse = (lines: readonly string[]) => parseMrz(lines, { today });
const replaceAt = (line: string, column: number, text: string) => line.slice(0, column) + text + line.slice(column + text.length);
const field = (result: MrzParseResult, name: MrzFieldName) => {
  const found = result.fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};

// SPECI20142NLD6503101F2403096999999990<<<<<84: document number 2, birth date 1, expiry 6, personal number 8, composite 4.
const [first, second] = td3Lines(specimenPassport);

describe('check digit fields', () => {
  it('every digit 0-9 is a check digit when it is the one the covered characters give', () => {
    const numbers = ['XA0000009', 'XA0000000', 'XA0000001', 'XA0000002', 'XA0000003', 'XA0000004', 'XA0000005', 'XA0000006', 'XA0000007', 'XA0000008'];
    numbers.forEach((documentNumber, digit) => {
      expect(checkDigitOf(documentNumber)).toBe(String(digit));
      const result = parse(td3Lines({ ...specimenPassport, documentNumber }));
      expect(result.errors).toEqual([]);
      expect(field(result, 'documentNumberCheckDigit')).toMatchObject({ value: String(digit), valid: true });
    });
  });

  it('a wrong digit names the characters it covers and the digit they give', () => {
    const result = parse([first, replaceAt(second, 9, '7')]);
    expect(field(result, 'documentNumberCheckDigit')).toMatchObject({
      value: '7',
      valid: false,
      error: { code: 'checkDigitMismatch', message: "document number check digit is 7 but the document number 'SPECI2014' gives 2", field: 'documentNumberCheckDigit' },
    });
  });

  it('a wrong composite digit says what it should be without listing the many characters it covers', () => {
    const result = parse([first, replaceAt(second, 43, '0')]);
    expect(result.errors).toEqual([
      { code: 'checkDigitMismatch', message: 'composite check digit is 0 but the characters it covers give 4', field: 'compositeCheckDigit' },
    ]);
  });

  it('a letter where a check digit belongs is refused as syntax, with the digit it should be', () => {
    const result = parse([first, replaceAt(second, 19, 'A')]);
    expect(field(result, 'birthDateCheckDigit')).toMatchObject({
      value: null,
      valid: false,
      error: { code: 'invalidFieldSyntax', message: "birth date check digit must be a digit, found 'A'; the birth date '650310' gives 1" },
    });
  });

  it("a filler check digit is accepted only over empty data whose check allows it (ICAO: an empty personal number)", () => {
    expect(parse(td3Lines({ ...specimenPassport, optional1: '' })).valid).toBe(true);
    // A personal number is present: its check digit cannot be left out.
    const result = parse([first, replaceAt(second, 42, '<')]);
    expect(field(result, 'personalNumberCheckDigit')).toMatchObject({
      value: '<',
      valid: false,
      error: { code: 'checkDigitMissing', message: "personal number check digit is missing ('<'); the personal number '999999990<<<<<' gives 8" },
    });
    // The document number's check digit is never optional, whatever it covers.
    const noNumber = td3Lines({ ...specimenPassport, documentNumber: '' });
    expect(noNumber[1].slice(0, 10)).toBe('<<<<<<<<<0');
    expect(field(parse([noNumber[0], replaceAt(noNumber[1], 9, '<')]), 'documentNumberCheckDigit').error?.code).toBe('checkDigitMissing');
    // Nor the composite one.
    expect(field(parse([first, replaceAt(second, 43, '<')]), 'compositeCheckDigit').error?.code).toBe('checkDigitMissing');
  });

  it('a check digit over characters that are not MRZ characters cannot be verified', () => {
    const result = parse([first, replaceAt(second, 2, '?')]);
    expect(field(result, 'documentNumberCheckDigit')).toMatchObject({
      valid: false,
      error: {
        code: 'illegalCharacter',
        message: 'document number check digit cannot be verified: the characters it covers include characters that are not MRZ characters',
      },
    });
  });

  it('a layout whose check digit field has no check is refused loudly (a layout table error, not an input error)', () => {
    const broken = { ...td3Layout, checks: td3Layout.checks.filter((c) => c.field !== 'birthDateCheckDigit') };
    const limits = { today: utcDayParts(today), latestExpiry: utcDayParts(today) };
    expect(() => parseLayout(broken, [first, second], limits)).toThrow('layout TD3 has no check for birthDateCheckDigit');
  });
});

describe('characters that are not MRZ characters', () => {
  it.each([
    ['the first character of a field', 0, "document number holds '?' at line 2, column 1, which is not an MRZ character"],
    ['inside a field', 3, "document number holds '?' at line 2, column 4, which is not an MRZ character"],
    ['the last character of a field', 8, "document number holds '?' at line 2, column 9, which is not an MRZ character"],
  ])('are reported at their line and column: %s', (_where, column, message) => {
    const result = parse([first, replaceAt(second, column, '?')]);
    expect(field(result, 'documentNumber')).toMatchObject({ value: null, valid: false, error: { code: 'illegalCharacter', message } });
    expect(result.corrections).toEqual([]);
  });

  it('are found by the layout reading itself unless the caller has already scanned for them', () => {
    const limits = { today: utcDayParts(today), latestExpiry: utcDayParts(new Date('2036-11-23T00:00:00Z')) };
    const lines = [first, replaceAt(second, 14, '\t')];
    expect(parseLayout(td3Layout, lines, limits).fields.find((f) => f.name === 'birthDate')?.error).toEqual({
      code: 'illegalCharacter',
      message: 'birth date holds U+0009 at line 2, column 15, which is not an MRZ character',
      field: 'birthDate',
    });
  });

  it('make the MRZ invalid even where no field reads them (the gap in a Swiss licence)', () => {
    const swiss = ['AAB123D45', 'FACHE123456789001<<740812<<<<<', 'MUSTER<<HANS<<<<<<<<<<<<<<<<<<'];
    expect(parse(swiss)).toMatchObject({ format: 'SWISS_DRIVING_LICENSE', valid: true });
    // Column 18 of line 2 belongs to no field of the layout.
    expect(swissDrivingLicenseLayout.fields.some((f) => f.line === 1 && f.start <= 17 && f.end > 17)).toBe(false);
    const result = parse([swiss[0]!, replaceAt(swiss[1]!, 17, '?'), swiss[2]!]);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([{ code: 'illegalCharacter', message: "line 2, column 18: '?' is not an MRZ character (A-Z, 0-9, '<')", field: null }]);
  });

  it('are refused, not corrected, even where a check digit would prove another misreading', () => {
    // O for 0 in the birth date would be proven by its check digit, but a '?' in the name means this is no clean MRZ reading.
    const misread = [replaceAt(first, 10, '?'), replaceAt(second, 15, 'O')];
    const result = parse(misread);
    expect(field(result, 'birthDate').error?.code).toBe('invalidDate');
    expect(result.corrections).toEqual([]);
    // Without the '?', the same misreading is corrected.
    expect(parse([first, misread[1]!]).corrections).toEqual([expect.objectContaining({ field: 'birthDate', from: 'O', to: '0' })]);
  });
});

describe('long TD1 document numbers', () => {
  it('the full number is the document number only; every other field keeps its own value', () => {
    const result = parse(td1Lines({ ...specimenPassport, documentCode: 'I', documentNumber: 'D23145890734', optional1: 'AB', optional2: 'XY' }));
    expect(result.errors).toEqual([]);
    expect(result.fields.map((f) => [f.name, f.value])).toEqual([
      ['documentCode', 'I'],
      ['issuingState', 'NLD'],
      ['documentNumber', 'D23145890734'],
      ['documentNumberCheckDigit', checkDigitOf('D23145890734')],
      // The optional field as printed, continuation and check digit included (as the cheminfo cases read it).
      ['optional1', `734${checkDigitOf('D23145890734')} AB`],
      ['birthDate', '1965-03-10'],
      ['birthDateCheckDigit', '1'],
      ['sex', 'F'],
      ['expirationDate', '2024-03-09'],
      ['expirationDateCheckDigit', '6'],
      ['nationality', 'NLD'],
      ['optional2', 'XY'],
      ['compositeCheckDigit', expect.stringMatching(/^\d$/)],
      ['lastName', 'DE BRUIJN'],
      ['firstName', 'WILLEKE LISELOTTE'],
    ]);
  });
});

describe('a long TD1 or TD2 number with a wrong check digit', () => {
  const card = { ...specimenPassport, documentCode: 'I', documentNumber: 'D23145890734', optional1: '' };
  it.each([
    ['TD1', td1Lines(card)],
    ['TD2', td2Lines(card)],
  ] as const)('%s: names the full number its check digit covers, continuation included', (_format, lines) => {
    const checkDigit = field(parse(lines), 'documentNumberCheckDigit');
    const digit = checkDigitOf('D23145890734');
    expect(checkDigit).toMatchObject({ value: digit, valid: true });
    const wrong = String((Number(digit) + 5) % 10);
    const { line, start } = checkDigit.position;
    const result = parse(lines.map((text, l) => (l === line ? replaceAt(text, start, wrong) : text)));
    expect(field(result, 'documentNumberCheckDigit').error?.message).toBe(
      `document number check digit is ${wrong} but the document number 'D23145890734' gives ${digit}`,
    );
  });
});

describe('a TD2 document', () => {
  it('reads a number continued in the optional data as the document number (ICAO 9303-6), optional data after it kept', () => {
    const result = parse(td2Lines({ ...specimenPassport, documentCode: 'I', documentNumber: 'D23145890734', optional1: 'X' }));
    expect(result.errors).toEqual([]);
    expect(field(result, 'documentNumber')).toMatchObject({ value: 'D23145890734', position: { line: 1, start: 0, end: 9 } });
    expect(field(result, 'documentNumberCheckDigit')).toMatchObject({ value: checkDigitOf('D23145890734'), position: { line: 1, start: 31, end: 32 } });
    expect(field(result, 'optional1').value).toBe(`734${checkDigitOf('D23145890734')} X`);
  });

  it('an empty number field is reported empty, never filled in from the optional data that follows it', () => {
    // The number field all fillers and its check digit a filler, as a long number would have it; the optional data
    // holds something. There is no number to continue: the field is empty, and its value is not the optional data.
    const lines = td2Lines({ ...specimenPassport, documentCode: 'I', optional1: '1234567' });
    const result = parse([lines[0], replaceAt(lines[1], 0, '<<<<<<<<<<')]);
    expect(field(result, 'documentNumber')).toMatchObject({ value: null, error: { code: 'invalidFieldSyntax', message: 'document number is empty' } });
  });

  it('reads with the same check digit rules', () => {
    const lines = td2Lines({ ...specimenPassport, documentCode: 'I', optional1: '1234567' });
    expect(parse([lines[0], replaceAt(lines[1], 35, 'A')]).errors.map((e) => e.code)).toEqual(['invalidFieldSyntax']);
  });
});

describe('every check digit of every layout', () => {
  const frenchLicence = (() => {
    const head = 'D1FRA' + '13AA00002';
    const body = head + checkDigitOf(head) + '181231' + 'MARTIN<<';
    return [body + checkDigitOf(body)];
  })();
  const card = { ...specimenPassport, documentCode: 'I', optional1: '' };
  const french = frenchIdLines({ lastName: 'BERTHIER', firstName: 'CORINNE', cardNumber: '880692310285', administrativeCode: '', birthDate: '650712', sex: 'F' });
  // [layout, lines, [check digit field label, what a mismatch says the covered characters give]] in the layout's order.
  const layouts: readonly (readonly [string, readonly string[], readonly (readonly [string, string])[]])[] = [
    ['TD3', [first, second], [
      ['document number check digit', "the document number 'SPECI2014' gives"],
      ['birth date check digit', "the birth date '650310' gives"],
      ['expiration date check digit', "the expiration date '240309' gives"],
      ['personal number check digit', "the personal number '999999990<<<<<' gives"],
      ['composite check digit', 'the characters it covers give'],
    ]],
    ['TD2', td2Lines(card), [
      ['document number check digit', "the document number 'SPECI2014' gives"],
      ['birth date check digit', "the birth date '650310' gives"],
      ['expiration date check digit', "the expiration date '240309' gives"],
      ['composite check digit', 'the characters it covers give'],
    ]],
    ['TD1', td1Lines(card), [
      ['document number check digit', "the document number 'SPECI2014' gives"],
      ['birth date check digit', "the birth date '650310' gives"],
      ['expiration date check digit', "the expiration date '240309' gives"],
      ['composite check digit', 'the characters it covers give'],
    ]],
    ['MRVA', visaLines({ ...card, documentCode: 'V' }, 44), [
      ['document number check digit', "the document number 'SPECI2014' gives"],
      ['birth date check digit', "the birth date '650310' gives"],
      ['expiration date check digit', "the expiration date '240309' gives"],
    ]],
    ['MRVB', visaLines({ ...card, documentCode: 'V' }, 36), [
      ['document number check digit', "the document number 'SPECI2014' gives"],
      ['birth date check digit', "the birth date '650310' gives"],
      ['expiration date check digit', "the expiration date '240309' gives"],
    ]],
    ['FRENCH_NATIONAL_ID', french, [
      ['document number check digit', "the document number '880692310285' gives"],
      ['birth date check digit', "the birth date '650712' gives"],
      ['composite check digit', 'the characters it covers give'],
    ]],
    ['FRENCH_DRIVING_LICENSE', frenchLicence, [
      ['document number check digit', "the document number 'D1FRA13AA00002' gives"],
      ['composite check digit', 'the characters it covers give'],
    ]],
  ];

  it.each(layouts)('%s: each check digit is verified over its own characters, and a wrong one says which', (format, lines, checks) => {
    expect(parse(lines)).toMatchObject({ format, valid: true });
    const checkFields = parse(lines).fields.filter((f) => f.name.endsWith('CheckDigit'));
    expect(checkFields).toHaveLength(checks.length);
    checkFields.forEach((checkField, i) => {
      const { line, start } = checkField.position;
      const wrong = String((Number(checkField.raw) + 5) % 10);
      const result = parse(lines.map((text, l) => (l === line ? replaceAt(text, start, wrong) : text)));
      const [label, covered] = checks[i]!;
      expect(field(result, checkField.name).error?.message).toBe(`${label} is ${wrong} but ${covered} ${checkField.raw}`);
    });
  });
});
