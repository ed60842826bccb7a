import { describe, expect, it } from 'vitest';
import { detectLayout } from './detectLayout';

// Which layout a reading has, from its line count and lengths; and, when none, an error that says what was found
// and what an MRZ looks like.

const expected =
  'expected 2 lines of 44 (TD3, MRV-A), 2 of 36 (TD2, MRV-B, French ID), 3 of 30 (TD1), 9+30+30 (Swiss driving licence) or 1 of 30 (French driving licence)';
const line = (length: number, first = 'I') => first + '<'.repeat(length - 1);
const formatOf = (lines: readonly string[]) => {
  const detection = detectLayout(lines);
  return 'layout' in detection ? detection.layout.format : detection.error;
};

describe('detectLayout', () => {
  it.each([
    [[line(44, 'P'), line(44)], 'TD3'],
    [[line(44, 'V'), line(44)], 'MRVA'],
    [[line(36, 'I'), line(36)], 'TD2'],
    [[line(36, 'V'), line(36)], 'MRVB'],
    [['IDFRA' + '<'.repeat(31), line(36)], 'FRENCH_NATIONAL_ID'],
    [['XDFRA' + '<'.repeat(31), line(36)], 'FRENCH_NATIONAL_ID'],
    [[line(30), line(30), line(30)], 'TD1'],
    [[line(9), line(30), line(30)], 'SWISS_DRIVING_LICENSE'],
    [[line(30, 'D')], 'FRENCH_DRIVING_LICENSE'],
  ])('%j is %s', (lines, format) => {
    expect(formatOf(lines)).toBe(format);
  });

  it.each([
    [[], { code: 'wrongLineCount', message: 'an MRZ has 1 to 3 lines, found 0', field: null }],
    [[line(30), line(30), line(30), line(30)], { code: 'wrongLineCount', message: 'an MRZ has 1 to 3 lines, found 4', field: null }],
    [[line(44), line(36)], { code: 'inconsistentLineLength', message: `line lengths 44, 36 do not belong to one MRZ; ${expected}`, field: null }],
    [[line(30), line(30)], { code: 'unrecognizedLineLength', message: `line lengths 30, 30 match no MRZ layout; ${expected}`, field: null }],
    [[line(44)], { code: 'unrecognizedLineLength', message: `line lengths 44 match no MRZ layout; ${expected}`, field: null }],
    [[line(30), line(31)], { code: 'unrecognizedLineLength', message: `line lengths 30, 31 match no MRZ layout; ${expected}`, field: null }],
  ])('%j is refused', (lines, error) => {
    expect(formatOf(lines)).toEqual(error);
  });
});
