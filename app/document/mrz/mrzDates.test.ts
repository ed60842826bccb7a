import { describe, expect, it } from 'vitest';
import { addYears, daysInMonth, readDate, readYearMonth, utcDayParts } from './mrzDates';

const today = { year: 2026, month: 11, day: 23 };

describe('MRZ dates (YYMMDD)', () => {
  it('reads a date in the century that keeps it at or before the limit', () => {
    expect(readDate('740812', today)).toEqual({ iso: '1974-08-12' });
    expect(readDate('261123', today)).toEqual({ iso: '2026-11-23' }); // the limit itself is allowed
    expect(readDate('261124', today)).toEqual({ iso: '1926-11-24' }); // a day later is a century earlier
    expect(readDate('261201', today)).toEqual({ iso: '1926-12-01' });
    expect(readDate('251231', today)).toEqual({ iso: '2025-12-31' });
    expect(readDate('340415', addYears(today, 10))).toEqual({ iso: '2034-04-15' });
  });

  it('refuses month 00 and month 13, and accepts January and December', () => {
    expect(readDate('740012', today)).toEqual({ problem: 'month 00 does not exist' });
    expect(readDate('741312', today)).toEqual({ problem: 'month 13 does not exist' });
    expect(readDate('740101', today)).toEqual({ iso: '1974-01-01' });
    expect(readDate('741231', today)).toEqual({ iso: '1974-12-31' });
  });

  it('refuses day 00 and a day past the end of its month', () => {
    expect(readDate('740800', today)).toEqual({ problem: 'day 00 does not exist in month 08' });
    expect(readDate('740832', today)).toEqual({ problem: 'day 32 does not exist in month 08' });
    expect(readDate('740431', today)).toEqual({ problem: 'day 31 does not exist in month 04' });
    expect(readDate('740230', today)).toEqual({ problem: 'day 30 does not exist in month 02' });
    expect(readDate('740430', today)).toEqual({ iso: '1974-04-30' });
  });

  it('accepts 29 February only in a leap year: 2000 and 2024 are, 1900 and 2023 are not', () => {
    expect(readDate('000229', today)).toEqual({ iso: '2000-02-29' });
    expect(readDate('240229', today)).toEqual({ iso: '2024-02-29' });
    expect(readDate('230229', today)).toEqual({ problem: '2023-02-29 does not exist' });
    // Read before 2000, the same YYMMDD is in 1900: not a leap year (divisible by 100, not by 400).
    expect(readDate('000229', { year: 1950, month: 1, day: 1 })).toEqual({ problem: '1900-02-29 does not exist' });
  });

  it('refuses anything but six digits, saying what it found', () => {
    // '74081/': a character just below '0' after a digit must not read as a smaller number (1/ is not 09).
    for (const raw of ['74081', '7408122', '74O812', '7408/2', '74081/', '74:812', '<<<<<<', ''])
      expect(readDate(raw, today)).toEqual({ problem: `must be 6 digits YYMMDD, found '${raw}'` });
  });
});

describe('MRZ year and month (YYMM)', () => {
  it('reads a month in the past relative to the limit', () => {
    expect(readYearMonth('2611', today)).toEqual({ iso: '2026-11' });
    expect(readYearMonth('2612', today)).toEqual({ iso: '1926-12' });
    expect(readYearMonth('0001', today)).toEqual({ iso: '2000-01' });
    expect(readYearMonth('9912', today)).toEqual({ iso: '1999-12' });
  });

  it('refuses month 00 and month 13', () => {
    expect(readYearMonth('7400', today)).toEqual({ problem: 'month 00 does not exist' });
    expect(readYearMonth('7413', today)).toEqual({ problem: 'month 13 does not exist' });
  });

  it('refuses anything but four digits', () => {
    for (const raw of ['261', '26111', '2A11', '26/1', '261/', '2:11'])
      expect(readYearMonth(raw, today)).toEqual({ problem: `must be 4 digits YYMM, found '${raw}'` });
  });
});

describe('calendar helpers', () => {
  it('knows the length of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2023, month))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([1900, 2000, 2024, 2100, 2023].map((year) => daysInMonth(year, 2))).toEqual([28, 29, 29, 28, 28]);
  });

  it('takes the calendar day in UTC, whatever the booth time zone', () => {
    expect(utcDayParts(new Date('2026-12-31T23:30:00-05:00'))).toEqual({ year: 2027, month: 1, day: 1 });
    expect(utcDayParts(new Date('2026-01-01T00:00:00Z'))).toEqual({ year: 2026, month: 1, day: 1 });
  });

  it('adds whole years, keeping month and day', () => {
    expect(addYears(today, 10)).toEqual({ year: 2036, month: 11, day: 23 });
  });
});
