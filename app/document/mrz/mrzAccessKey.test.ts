import { describe, expect, it } from 'vitest';
import { accessKeyFromMrzLines, canSchema, mrzAccessKeySchema, mrzInformation } from './mrzAccessKey';
import { mrzFieldValue, parseMrz } from './parseMrz';
import { checkDigitOf, specimenPassport, td1Lines, td2Lines, td3Lines } from './testSupport/buildMrzLines';

// The chip's access key (BAC, PACE with the MRZ) from the three fields it is derived from: the document number,
// birth date and expiry date as printed, each with its check digit.

describe('mrzInformation', () => {
  it('is number, birth date and expiry each followed by its check digit (ICAO 9303-11 Appendix D.2)', () => {
    expect(mrzInformation({ documentNumber: 'L898902C<', birthDate: '690806', expiryDate: '940623' })).toBe('L898902C<369080619406236');
  });

  it('pads a number shorter than nine characters with fillers before its check digit', () => {
    expect(mrzInformation({ documentNumber: 'L898902C', birthDate: '690806', expiryDate: '940623' })).toBe('L898902C<369080619406236');
  });

  it('keeps a number longer than nine characters whole', () => {
    expect(mrzInformation({ documentNumber: 'D23145890734', birthDate: '740812', expiryDate: '120415' })).toBe(
      `D23145890734${checkDigitOf('D23145890734')}740812${checkDigitOf('740812')}120415${checkDigitOf('120415')}`,
    );
  });
});

describe('the access key schema', () => {
  it.each([
    ['a number of MRZ characters, dates of six digits', { documentNumber: 'L898902C<', birthDate: '690806', expiryDate: '940623' }],
    ['a 22-character number', { documentNumber: 'A'.repeat(22), birthDate: '690806', expiryDate: '940623' }],
  ])('accepts %s', (_what, key) => {
    expect(mrzAccessKeySchema.parse(key)).toEqual(key);
  });

  it.each([
    ['an empty number', { documentNumber: '', birthDate: '690806', expiryDate: '940623' }, 'documentNumber'],
    ['a 23-character number', { documentNumber: 'A'.repeat(23), birthDate: '690806', expiryDate: '940623' }, 'documentNumber'],
    ['a lowercase number', { documentNumber: 'l898902c', birthDate: '690806', expiryDate: '940623' }, 'document number may only contain 0-9, A-Z and <'],
    ['a number with a space at the end', { documentNumber: 'L898902C ', birthDate: '690806', expiryDate: '940623' }, 'document number may only contain 0-9, A-Z and <'],
    ['a number with a space at the start', { documentNumber: ' L898902C', birthDate: '690806', expiryDate: '940623' }, 'document number may only contain 0-9, A-Z and <'],
    ['a birth date with a letter', { documentNumber: 'L898902C<', birthDate: '69O806', expiryDate: '940623' }, 'birth date must be YYMMDD'],
    ['a birth date of seven digits', { documentNumber: 'L898902C<', birthDate: '6908061', expiryDate: '940623' }, 'birth date must be YYMMDD'],
    ['a birth date with something before it', { documentNumber: 'L898902C<', birthDate: 'X690806', expiryDate: '940623' }, 'birth date must be YYMMDD'],
    ['an expiry of five digits', { documentNumber: 'L898902C<', birthDate: '690806', expiryDate: '94062' }, 'expiry date must be YYMMDD'],
    ['an expiry with something after it', { documentNumber: 'L898902C<', birthDate: '690806', expiryDate: '940623X' }, 'expiry date must be YYMMDD'],
    ['an expiry with something before it', { documentNumber: 'L898902C<', birthDate: '690806', expiryDate: 'X940623' }, 'expiry date must be YYMMDD'],
  ])('refuses %s, naming what is wrong', (_what, key, problem) => {
    const result = mrzAccessKeySchema.safeParse(key);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(problem);
  });

  it.each(['123456', '000000'])('a CAN of six digits (%s) is accepted', (can) => {
    expect(canSchema.parse(can)).toBe(can);
  });

  it.each(['12345', '1234567', 'A23456', '12345A', ' 123456'])('a CAN %j is refused as not six digits', (can) => {
    const result = canSchema.safeParse(can);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('CAN must be 6 digits');
  });
});

describe('accessKeyFromMrzLines', () => {
  const card = { ...specimenPassport, documentCode: 'I', optional1: '' };
  const key = { documentNumber: 'SPECI2014', birthDate: '650310', expiryDate: '240309' };

  it('reads a TD3 passport', () => {
    expect(accessKeyFromMrzLines(td3Lines(specimenPassport))).toEqual(key);
  });

  it('reads lines with surrounding spaces and in lowercase as the MRZ they are', () => {
    const [a, b] = td3Lines(specimenPassport);
    expect(accessKeyFromMrzLines([` ${a.toLowerCase()} `, `\t${b.toLowerCase()}`])).toEqual(key);
  });

  it('reads a TD2 card, keeping the number with its fillers as printed', () => {
    expect(accessKeyFromMrzLines(td2Lines({ ...card, documentNumber: 'AB12' }))).toEqual({ ...key, documentNumber: 'AB12<<<<<' });
  });

  it.each([
    ['TD2', td2Lines],
    ['TD1', td1Lines],
  ] as const)('reads a %s number continued in the optional data as the parser does, optional data after it left out', (_format, build) => {
    for (const optional1 of ['', 'X', 'AB']) {
      const lines = build({ ...card, documentNumber: 'D23145890734', optional1 });
      expect(accessKeyFromMrzLines(lines)).toEqual({ ...key, documentNumber: 'D23145890734' });
      // One rule: the chip is opened with the number the officer sees.
      expect(mrzFieldValue(parseMrz(lines), 'documentNumber')).toBe('D23145890734');
    }
  });

  it('reads a short TD1 number with optional data after its check digit', () => {
    expect(accessKeyFromMrzLines(td1Lines({ ...card, optional1: 'AB12' }))).toEqual(key);
  });

  it.each([
    ['one line', [td3Lines(specimenPassport)[0]], '44'],
    ['two lines of different lengths', [td3Lines(specimenPassport)[0], td2Lines(card)[1]], '44+36'],
    ['two lines of 30', td1Lines(card).slice(0, 2), '30+30'],
    ['three lines of 36', [...td2Lines(card), td2Lines(card)[0]], '36+36+36'],
    ['three lines, one short', [...td1Lines(card).slice(0, 2), 'ERIKSSON'], '30+30+8'],
  ])('refuses %s', (_what, lines, lengths) => {
    expect(() => accessKeyFromMrzLines(lines)).toThrow(
      `MRZ must be 2 lines of 44 (TD3) or 36 (TD2), or 3 lines of 30 (TD1) characters; got ${lengths}`,
    );
  });

  it('refuses fields that are not what the chip needs (a letter in the birth date)', () => {
    const [a, b] = td3Lines(specimenPassport);
    expect(() => accessKeyFromMrzLines([a, b.slice(0, 13) + 'G' + b.slice(14)])).toThrow('birth date must be YYMMDD');
  });
});
