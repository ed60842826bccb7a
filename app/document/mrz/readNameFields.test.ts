import { describe, expect, it } from 'vitest';
import { td1Layout } from './icaoLayouts';
import type { MrzFieldSpec } from './mrzLayout';
import { readNameFields } from './readNameFields';

// The ICAO name field (TD1 line 3, columns 1-30): primary identifier, '<<', secondary identifiers.

const nameSpec = td1Layout.fields.find((f) => f.kind === 'names') as MrzFieldSpec;
const read = (text: string) => {
  const [lastName, firstName] = readNameFields(nameSpec, text);
  return { lastName, firstName };
};

describe('readNameFields', () => {
  it('splits at the first double filler, each part placed where it was read', () => {
    const part = (name: 'lastName' | 'firstName', value: string, raw: string, start: number) => ({
      name,
      value,
      raw,
      position: { line: 2, start, end: start + raw.length },
      valid: true,
      error: null,
      truncated: false,
    });
    expect(read('ERIKSSON<<ANNA<MARIA<<<<<<<<<<')).toEqual({
      lastName: part('lastName', 'ERIKSSON', 'ERIKSSON', 0),
      firstName: part('firstName', 'ANNA MARIA', 'ANNA<MARIA<<<<<<<<<<', 10),
    });
  });

  it('a name with no double filler is all primary identifier, with an empty secondary one at the end of the field', () => {
    const { lastName, firstName } = read('WOLFESCHLEGELSTEINHAUSENBERGE');
    expect(lastName).toMatchObject({ value: 'WOLFESCHLEGELSTEINHAUSENBERGE', position: { line: 2, start: 0, end: 29 }, valid: true });
    expect(firstName).toMatchObject({ value: '', raw: '', position: { line: 2, start: 30, end: 30 }, valid: true, error: null });
  });

  it.each([
    ['a field filled to its last character was cut by the issuer', 'ERIKSSON<<ANNA<MARIA<ELISABETH', true],
    ['a field ending in a filler was not', 'ERIKSSON<<ANNA<MARIA<ELISABET<', false],
    ['an empty field is not truncated', '', false],
  ])('%s', (_what, text, truncated) => {
    const { lastName, firstName } = read(text);
    expect([lastName.truncated, firstName.truncated]).toEqual([truncated, truncated]);
  });

  it('a digit is a misread name (which the officer can fix); any other character is not an MRZ character at all', () => {
    expect(read('ERIKSS0N<<ANNA<<<<<<<<<<<<<<<<').lastName.error).toEqual({
      code: 'invalidName',
      message: "last name (primary identifier) may hold only letters and '<', found 'ERIKSS0N'",
      field: 'lastName',
    });
    expect(read('ERIKSSON<<ANN4<<<<<<<<<<<<<<<<').firstName.error).toEqual({
      code: 'invalidName',
      message: "first name (secondary identifiers) may hold only letters and '<', found 'ANN4<<<<<<<<<<<<<<<<'",
      field: 'firstName',
    });
    expect(read('?RIKSSON<<ANNA<<<<<<<<<<<<<<<<').lastName.error?.code).toBe('illegalCharacter');
    expect(read('ERIKSSON?<<ANNA<<<<<<<<<<<<<<<').lastName.error?.code).toBe('illegalCharacter');
    expect(read('ERIKSSON<<ANNA<<<<<<<<<<<<<<<?').firstName).toMatchObject({ value: null, valid: false, error: { code: 'illegalCharacter' } });
  });

  it('a primary identifier alone that holds a digit is refused under its own label', () => {
    const { lastName, firstName } = read('ERIKSS0NWITHNOGIVENNAMESATALLX');
    expect(lastName.error?.message).toBe("last name (primary identifier) may hold only letters and '<', found 'ERIKSS0NWITHNOGIVENNAMESATALLX'");
    expect(firstName).toMatchObject({ name: 'firstName', value: '', valid: true });
  });
});
