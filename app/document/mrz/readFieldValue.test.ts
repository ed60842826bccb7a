import { describe, expect, it } from 'vitest';
import { td1Layout, td2Layout, td3Layout } from './icaoLayouts';
import { addYears, utcDayParts } from './mrzDates';
import type { MrzFieldSpec, MrzLayout } from './mrzLayout';
import type { MrzErrorCode, MrzFieldName } from './mrzTypes';
import { frenchDrivingLicenseLayout, frenchNationalIdLayout, swissDrivingLicenseLayout } from './nationalLayouts';
import { nameValue, readFieldValue, withoutFillers } from './readFieldValue';

// One field's characters as an officer would state the rule: what each kind of field accepts, the value it
// gives and, when refused, a message that names the field and what was found.

const today = utcDayParts(new Date('2026-11-23T10:00:00Z'));
const limits = { today, latestExpiry: addYears(today, 10) };

function specOf(layout: MrzLayout, name: MrzFieldName): MrzFieldSpec {
  const spec = layout.fields.find((f) => f.name === name);
  if (!spec) throw new Error(`${layout.format} has no field ${name}`);
  return spec;
}

const read = (layout: MrzLayout, name: MrzFieldName, raw: string) => readFieldValue(specOf(layout, name), raw, limits);
const accepted = (value: string) => ({ value, problem: null });
const refused = (code: MrzErrorCode, message: string, value: string | null = null) => ({ value, problem: { code, message } });

describe('fillers in a field', () => {
  it.each([
    ['no filler', 'L898902C3', 'L898902C3'],
    ['padding at the end', 'AB12<<<<<', 'AB12'],
    ['padding at the start (MRV-B optional data)', '<2020711', '2020711'],
    ['inner fillers read as spaces', '<AB<<12<', 'AB  12'],
    ['only fillers', '<<<<', ''],
    ['empty', '', ''],
  ])('%s: %s -> %s', (_what, raw, value) => {
    expect(withoutFillers(raw)).toBe(value);
  });

  it.each([
    ['one identifier', 'ERIKSSON', 'ERIKSSON'],
    ['components separated by one filler', 'ANNA<MARIA<<<<', 'ANNA MARIA'],
    ['a run of fillers is one separator', 'ANNA<<MARIA<<<', 'ANNA MARIA'],
    ['leading fillers are no name', '<<ANNA', 'ANNA'],
  ])('a name with %s: %s -> %s', (_what, raw, value) => {
    expect(nameValue(raw)).toBe(value);
  });
});

const cases: readonly (readonly [MrzLayout, MrzFieldName, string, ReturnType<typeof readFieldValue>])[] = [
  // Document codes: the first letter from the layout's list, the second a letter or '<'.
  [td3Layout, 'documentCode', 'P<', accepted('P')],
  [td3Layout, 'documentCode', 'PO', accepted('PO')],
  [td2Layout, 'documentCode', 'I<', accepted('I')],
  [td3Layout, 'documentCode', 'V<', refused('invalidDocumentCode', "document code must start with P followed by a letter or '<', found 'V<'", 'V')],
  [td2Layout, 'documentCode', 'P<', refused('invalidDocumentCode', "document code must start with A, C, I followed by a letter or '<', found 'P<'", 'P')],
  [td3Layout, 'documentCode', 'P1', refused('invalidDocumentCode', "document code must start with P followed by a letter or '<', found 'P1'", 'P1')],
  [td3Layout, 'documentCode', '<P', refused('invalidDocumentCode', "document code must start with P followed by a letter or '<', found '<P'", 'P')],
  // The French driving licence's code may carry a digit second.
  [frenchDrivingLicenseLayout, 'documentCode', 'D1', accepted('D1')],
  [frenchDrivingLicenseLayout, 'documentCode', 'D<', accepted('D')],
  // Layouts that fix the exact code.
  [frenchNationalIdLayout, 'documentCode', 'ID', accepted('ID')],
  [frenchNationalIdLayout, 'documentCode', 'IR', refused('invalidDocumentCode', "document code must be ID, found 'IR'", 'IR')],
  [swissDrivingLicenseLayout, 'documentCode', 'F<', refused('invalidDocumentCode', "document code must be FA, found 'F<'", 'F')],
  // State codes: 1 to 3 letters padded with '<', from the ICAO list.
  [td3Layout, 'issuingState', 'NLD', accepted('NLD')],
  [td3Layout, 'issuingState', 'D<<', accepted('D')],
  [td3Layout, 'nationality', 'UTO', refused('unknownStateCode', "nationality 'UTO' is not an ICAO 9303 state or nationality code", 'UTO')],
  [td3Layout, 'issuingState', '<D<', refused('invalidFieldSyntax', "issuing state must be 1 to 3 letters padded with '<', found '<D<'")],
  [td3Layout, 'issuingState', '1D<', refused('invalidFieldSyntax', "issuing state must be 1 to 3 letters padded with '<', found '1D<'")],
  [td3Layout, 'issuingState', 'D<1', refused('invalidFieldSyntax', "issuing state must be 1 to 3 letters padded with '<', found 'D<1'")],
  [td3Layout, 'issuingState', 'D<D', refused('invalidFieldSyntax', "issuing state must be 1 to 3 letters padded with '<', found 'D<D'")],
  // Document numbers: padding trimmed, an inner filler kept as printed.
  [td3Layout, 'documentNumber', 'L898902C3', accepted('L898902C3')],
  [td3Layout, 'documentNumber', 'AB<12<<<<', accepted('AB<12')],
  [td3Layout, 'documentNumber', '<<<<<<<<<', refused('invalidFieldSyntax', 'document number is empty')],
  // Dates: an unknown birth date and a document without expiry are all fillers.
  [td3Layout, 'birthDate', '740812', accepted('1974-08-12')],
  [td3Layout, 'birthDate', '<<<<<<', accepted('')],
  [td3Layout, 'birthDate', '741312', refused('invalidDate', 'birth date month 13 does not exist')],
  [td3Layout, 'expirationDate', '<<<<<<', accepted('')],
  [td3Layout, 'expirationDate', '310229', refused('invalidDate', 'expiration date 2031-02-29 does not exist')],
  [frenchNationalIdLayout, 'issueDate', '1902', accepted('2019-02')],
  [frenchNationalIdLayout, 'issueDate', '1900', refused('invalidDate', 'issue date month 00 does not exist')],
  // Sex: M, F, or unspecified as X or '<'.
  [td3Layout, 'sex', 'M', accepted('M')],
  [td3Layout, 'sex', 'F', accepted('F')],
  [td3Layout, 'sex', 'X', accepted('X')],
  [td3Layout, 'sex', '<', accepted('X')],
  [td3Layout, 'sex', 'Q', refused('invalidSex', "sex must be M, F, X or '<', found 'Q'")],
  // Free optional data and administrative codes.
  [td3Layout, 'personalNumber', 'ZE184226B<<<<<', accepted('ZE184226B')],
  [td1Layout, 'optional2', '<<<<<<<<<<<', accepted('')],
  [frenchNationalIdLayout, 'administrativeCode', '0A<1<<', accepted('0A 1')],
  // Digits only (Swiss PIN code and version number).
  [swissDrivingLicenseLayout, 'pinCode', '123456789', accepted('123456789')],
  [swissDrivingLicenseLayout, 'pinCode', 'A23456789', refused('invalidFieldSyntax', "PIN code must be digits only, found 'A23456789'")],
  [swissDrivingLicenseLayout, 'versionNumber', '00A', refused('invalidFieldSyntax', "version number must be digits only, found '00A'")],
  [swissDrivingLicenseLayout, 'versionNumber', '0<1', refused('invalidFieldSyntax', "version number must be digits only, found '0<1'")],
  // The Swiss licence's language: Deutsch, Français, Italiano, Rumantsch.
  [swissDrivingLicenseLayout, 'languageCode', 'R', accepted('R')],
  [swissDrivingLicenseLayout, 'languageCode', 'E', refused('invalidFieldSyntax', "language code must be D, F, I or R, found 'E'")],
  [swissDrivingLicenseLayout, 'languageCode', 'DF', refused('invalidFieldSyntax', "language code must be D, F, I or R, found 'DF'")],
  [swissDrivingLicenseLayout, 'languageCode', 'XD', refused('invalidFieldSyntax', "language code must be D, F, I or R, found 'XD'")],
  // One identifier on its own (French identity card).
  [frenchNationalIdLayout, 'lastName', 'DUPONT<<<<', accepted('DUPONT')],
  [frenchNationalIdLayout, 'firstName', 'JEAN<<PAUL<<<', accepted('JEAN PAUL')],
  [frenchNationalIdLayout, 'lastName', '1DUPONT', refused('invalidName', "last name may hold only letters and '<', found '1DUPONT'")],
  [frenchNationalIdLayout, 'lastName', 'DUPONT1', refused('invalidName', "last name may hold only letters and '<', found 'DUPONT1'")],
];

describe('readFieldValue', () => {
  it.each(cases.map(([layout, name, raw, reading]) => ({ format: layout.format, layout, name, raw, reading })))('$format $name $raw', ({ layout, name, raw, reading }) => {
    expect(read(layout, name, raw)).toEqual(reading);
  });

  it('a layout that names no first letters accepts no document code (and says so)', () => {
    const spec: MrzFieldSpec = { name: 'documentCode', kind: 'documentCode', line: 0, start: 0, end: 2, label: 'document code' };
    expect(readFieldValue(spec, 'P<', limits)).toEqual(refused('invalidDocumentCode', "document code must start with  followed by a letter or '<', found 'P<'", 'P'));
  });

  it('a layout that allows several exact codes names them all', () => {
    const spec: MrzFieldSpec = { ...specOf(frenchNationalIdLayout, 'documentCode'), exactCodes: ['ID', 'IR'] };
    expect(readFieldValue(spec, 'IR', limits)).toEqual(accepted('IR'));
    expect(readFieldValue(spec, 'IX', limits)).toEqual(refused('invalidDocumentCode', "document code must be ID or IR, found 'IX'", 'IX'));
  });

  it('refuses to read names and check digits, which need more than their own characters', () => {
    expect(() => read(td3Layout, 'lastName', 'ERIKSSON<<ANNA')).toThrow("readFieldValue cannot read a 'names' field");
    expect(() => read(td3Layout, 'birthDateCheckDigit', '2')).toThrow("readFieldValue cannot read a 'checkDigit' field");
  });

  it('names a field kind it does not know instead of reading it', () => {
    const spec = { ...specOf(td3Layout, 'sex'), kind: 'shoeSize' } as unknown as MrzFieldSpec;
    expect(() => readFieldValue(spec, 'M', limits)).toThrow('Unexpected field kind: "shoeSize"');
  });
});
