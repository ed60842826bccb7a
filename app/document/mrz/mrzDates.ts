/**
 * Two-digit MRZ years to full dates. The century is chosen as the latest one that keeps the date
 * at or before a limit: today for birth and issue dates, today + the layout's maximum validity for expiry.
 */

export type DayParts = { readonly year: number; readonly month: number; readonly day: number };

/** Calendar day of an injected clock reading, in UTC so results do not depend on the booth's time zone. */
export function utcDayParts(date: Date): DayParts {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const dayKey = (year: number, month: number, day: number): number => year * 10000 + month * 100 + day;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;

function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  return isDigitCode(a) && isDigitCode(b) ? (a - 48) * 10 + (b - 48) : -1;
}

function fullYear(twoDigitYear: number, month: number, day: number, limit: DayParts): number {
  const limitKey = dayKey(limit.year, limit.month, limit.day);
  let year = Math.floor(limit.year / 100) * 100 + twoDigitYear;
  while (dayKey(year, month, day) > limitKey) year -= 100;
  return year;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export type DateReading = { readonly iso: string } | { readonly problem: string };

/** YYMMDD to 'YYYY-MM-DD', resolving the century against `limit`. */
export function readDate(raw: string, limit: DayParts): DateReading {
  if (raw.length !== 6) return { problem: `must be 6 digits YYMMDD, found '${raw}'` };
  const yy = twoDigits(raw, 0);
  const month = twoDigits(raw, 2);
  const day = twoDigits(raw, 4);
  if (yy < 0 || month < 0 || day < 0) return { problem: `must be 6 digits YYMMDD, found '${raw}'` };
  if (month < 1 || month > 12) return { problem: `month ${pad(month, 2)} does not exist` };
  // Day range check with a leap year first; the exact check follows once the century is known.
  if (day < 1 || day > daysInMonth(2000, month)) return { problem: `day ${pad(day, 2)} does not exist in month ${pad(month, 2)}` };
  const year = fullYear(yy, month, day, limit);
  if (day > daysInMonth(year, month)) return { problem: `${year}-${pad(month, 2)}-${pad(day, 2)} does not exist` };
  return { iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/** YYMM to 'YYYY-MM', in the past relative to `limit`. */
export function readYearMonth(raw: string, limit: DayParts): DateReading {
  const yy = twoDigits(raw, 0);
  const month = twoDigits(raw, 2);
  if (raw.length !== 4 || yy < 0 || month < 0) return { problem: `must be 4 digits YYMM, found '${raw}'` };
  if (month < 1 || month > 12) return { problem: `month ${pad(month, 2)} does not exist` };
  const year = fullYear(yy, month, 1, limit);
  return { iso: `${pad(year, 4)}-${pad(month, 2)}` };
}

export function addYears(parts: DayParts, years: number): DayParts {
  return { year: parts.year + years, month: parts.month, day: parts.day };
}
