import { describe, expect, it } from 'vitest';
import { mrvaLayout, mrvbLayout, td1Layout, td2Layout, td3Layout } from './icaoLayouts';
import { findLongDocumentNumber } from './longDocumentNumber';
import { utcDayParts } from './mrzDates';
import type { MrzLayout } from './mrzLayout';
import type { MrzFieldName } from './mrzTypes';
import { frenchDrivingLicenseLayout, frenchNationalIdLayout, swissDrivingLicenseLayout } from './nationalLayouts';
import { parseLayout } from './parseLayout';

// Every message about a field or a check digit names it by its label: an empty or shared label would leave the
// officer with "must be ..., found ..." and no way to tell which part of the MRZ is wrong.

const layouts = [td3Layout, td2Layout, td1Layout, mrvaLayout, mrvbLayout, frenchNationalIdLayout, frenchDrivingLicenseLayout, swissDrivingLicenseLayout];

describe('the layout tables', () => {
  it.each(layouts.map((layout) => [layout.format, layout] as const))('%s names each field and each check digit, no two alike', (_format, layout) => {
    for (const labels of [layout.fields.map((f) => f.label), layout.checks.map((c) => c.label)]) {
      expect(labels.every((label) => /[a-z]{3}/.test(label))).toBe(true);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});

describe('check digits over empty fields', () => {
  // An unknown date, or a passport without a personal number, may be printed as fillers with a filler for its check
  // digit (ICAO 9303-3 4.6, 9303-4); a document number or a composite is never empty, so a filler there is a missing
  // check digit.
  const limits = { today: utcDayParts(new Date('2026-12-07T00:00:00Z')), latestExpiry: utcDayParts(new Date('2036-12-07T00:00:00Z')) };
  const acceptedOnEmptyFields = (layout: MrzLayout): MrzFieldName[] => {
    const { fields } = parseLayout(layout, layout.lineLengths.map((length) => '<'.repeat(length)), limits);
    return layout.checks.map((c) => c.field).filter((name) => fields.find((f) => f.name === name)?.valid === true);
  };

  it.each([
    [td3Layout, ['birthDateCheckDigit', 'expirationDateCheckDigit', 'personalNumberCheckDigit']],
    [td2Layout, ['birthDateCheckDigit', 'expirationDateCheckDigit']],
    [td1Layout, ['birthDateCheckDigit', 'expirationDateCheckDigit']],
    [mrvaLayout, ['birthDateCheckDigit', 'expirationDateCheckDigit']],
    [mrvbLayout, ['birthDateCheckDigit', 'expirationDateCheckDigit']],
    [frenchNationalIdLayout, ['birthDateCheckDigit']],
    [frenchDrivingLicenseLayout, []],
  ] as const)('%#: a filler check digit over fillers holds for the dates and a personal number only', (layout, accepted) => {
    expect(acceptedOnEmptyFields(layout)).toEqual(accepted);
  });
});

describe('continued document numbers', () => {
  it.each([mrvaLayout, mrvbLayout])('none on a visa (%#): its number never continues in the optional data', (layout) => {
    const second = `D23145890<UTO7408122F1204159734${'<'.repeat(layout.lineLengths[1]! - 31)}`;
    expect(findLongDocumentNumber(layout, [`V<UTO${'<'.repeat(layout.lineLengths[0]! - 5)}`, second])).toBeNull();
    expect(findLongDocumentNumber(td2Layout, [`I<UTO${'<'.repeat(31)}`, second.slice(0, 36)])).not.toBeNull();
  });
});
