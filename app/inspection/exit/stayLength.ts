/**
 * How a departure stands against the admit-until date, computed on the booth from the record (never taken from a
 * flag the service set). Calendar days in the port's calendar: leaving on the admit-until day is on time, the day
 * after is one day over. Pure date arithmetic on ISO dates (UTC noon-free: Date.UTC counts leap days exactly).
 */
export type StayStanding =
  /** Admitted for "duration of status" (no admit-until date): there is no date to overstay. */
  | { readonly kind: 'duration_of_status' }
  | { readonly kind: 'within'; readonly daysLeft: number }
  | { readonly kind: 'overstay'; readonly days: number };

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/** Days since 1970-01-01 of an ISO calendar date; throws on anything that is not a real date (2026-02-30). */
export function epochDay(date: string): number {
  const match = isoDate.exec(date);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) throw new RangeError(`not a calendar date: ${date}`);
  return Math.round(ms / dayMs);
}

/**
 * The calendar date at `instant` in a port `utcOffsetMinutes` from UTC (e.g. -480 for Pacific standard time):
 * a traveller leaving Blaine at 23:30 local time leaves on that local date, whatever the UTC date is.
 */
export function portCalendarDate(instant: Date, utcOffsetMinutes = 0): string {
  return new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The standing of a traveller admitted until `admitUntil` (null: duration of status) leaving on `departureDate`. */
export function stayStanding(admitUntil: string | null, departureDate: string): StayStanding {
  if (admitUntil === null) return { kind: 'duration_of_status' };
  const over = epochDay(departureDate) - epochDay(admitUntil);
  return over > 0 ? { kind: 'overstay', days: over } : { kind: 'within', daysLeft: Math.abs(over) };
}

/** Days over as the departure record carries it: 0 on time, null for duration of status. */
export function overstayDaysOf(standing: StayStanding): number | null {
  switch (standing.kind) {
    case 'duration_of_status':
      return null;
    case 'within':
      return 0;
    case 'overstay':
      return standing.days;
  }
}
