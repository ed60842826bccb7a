/** Whole-day arithmetic on ISO dates in UTC, so a booth's time zone never shifts an age or an expiry. */

const dayMs = 86_400_000;

/** Days since 1970-01-01 of an ISO 'YYYY-MM-DD', or null when it is not one. */
export function epochDayOfIso(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / dayMs;
}

export function epochDayOf(date: Date): number {
  return Math.floor(date.getTime() / dayMs);
}

/** Completed years between a birth date and today (a birthday on 29 February counts on 1 March in common years). */
export function ageInYears(birthIso: string, today: Date): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthIso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ty = today.getUTCFullYear();
  const tm = today.getUTCMonth() + 1;
  const td = today.getUTCDate();
  const hadBirthday = tm > month || (tm === month && td >= day);
  return ty - year - (hadBirthday ? 0 : 1);
}
