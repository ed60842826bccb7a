import { describe, expect, it } from 'vitest';
import { epochDay, overstayDaysOf, portCalendarDate, stayStanding } from './stayLength';

describe('overstay arithmetic', () => {
  it('leaving on the admit-until day is on time; the day after is one day over', () => {
    expect(stayStanding('2026-08-29', '2026-08-29')).toEqual({ kind: 'within', daysLeft: 0 });
    expect(stayStanding('2026-08-29', '2026-08-30')).toEqual({ kind: 'overstay', days: 1 });
    expect(stayStanding('2026-08-29', '2026-08-28')).toEqual({ kind: 'within', daysLeft: 1 });
  });

  it('counts leap days exactly (29 February exists in 2024 and 2028, not in 2026 or 2100)', () => {
    expect(stayStanding('2024-02-28', '2024-03-01')).toEqual({ kind: 'overstay', days: 2 });
    expect(stayStanding('2026-02-28', '2026-03-01')).toEqual({ kind: 'overstay', days: 1 });
    expect(stayStanding('2100-02-28', '2100-03-01')).toEqual({ kind: 'overstay', days: 1 });
    expect(stayStanding('2000-02-28', '2000-03-01')).toEqual({ kind: 'overstay', days: 2 });
    expect(stayStanding('2024-02-29', '2025-02-28')).toEqual({ kind: 'overstay', days: 365 });
    expect(stayStanding('2023-03-01', '2024-03-01')).toEqual({ kind: 'overstay', days: 366 });
    // The scripted overstayer: admitted until 2026-08-29, leaving 2026-12-07.
    expect(stayStanding('2026-08-29', '2026-12-07')).toEqual({ kind: 'overstay', days: 100 });
  });

  it('no admit-until date is duration of status: never an overstay', () => {
    expect(stayStanding(null, '2040-01-01')).toEqual({ kind: 'duration_of_status' });
    expect(overstayDaysOf(stayStanding(null, '2040-01-01'))).toBeNull();
    expect(overstayDaysOf(stayStanding('2026-01-01', '2025-12-01'))).toBe(0);
    expect(overstayDaysOf(stayStanding('2026-01-01', '2026-01-11'))).toBe(10);
  });

  it('refuses what is not a calendar date, naming it', () => {
    expect(() => epochDay('2026-02-30')).toThrow('not a calendar date: 2026-02-30');
    expect(() => epochDay('2025-02-29')).toThrow('not a calendar date');
    expect(() => stayStanding('29/08/2026', '2026-08-30')).toThrow('not an ISO date');
    // Month 13 (or 00) is no month, never rolled into the next (or last) year.
    expect(() => epochDay('2026-13-01')).toThrow('not a calendar date: 2026-13-01');
    expect(() => epochDay('2026-00-15')).toThrow('not a calendar date');
    // A year before 100 is refused, never read as 19xx (Date.UTC's two-digit years).
    expect(() => epochDay('0050-01-01')).toThrow('not a calendar date: 0050-01-01');
    // The whole field is the date: nothing before or after it.
    expect(() => epochDay('2026-08-29T10:00:00Z')).toThrow('not an ISO date');
    expect(() => epochDay(' 2026-08-29')).toThrow('not an ISO date');
    expect(epochDay('1970-01-02')).toBe(1);
  });

  it('the departure date is the port\'s calendar date, not UTC\'s', () => {
    const lateEvening = new Date('2026-08-30T06:30:00Z'); // 23:30 on the 29th in Blaine (UTC-7 in summer)
    expect(portCalendarDate(lateEvening, -420)).toBe('2026-08-29');
    expect(stayStanding('2026-08-29', portCalendarDate(lateEvening, -420))).toEqual({ kind: 'within', daysLeft: 0 });
    expect(portCalendarDate(lateEvening)).toBe('2026-08-30');
  });
});
