const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/**
 * How long an item has waited, at the precision a supervisor needs to prioritise: "< 1 min", "12 min",
 * "3 h 12 min", "2 d 4 h". Rounded down, so an item never looks older than it is.
 */
export function formatAge(ageMs: number): string {
  if (!Number.isFinite(ageMs) || ageMs < minuteMs) return '< 1 min';
  if (ageMs < hourMs) return `${Math.floor(ageMs / minuteMs)} min`;
  if (ageMs < dayMs) {
    const hours = Math.floor(ageMs / hourMs);
    const minutes = Math.floor((ageMs % hourMs) / minuteMs);
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  const days = Math.floor(ageMs / dayMs);
  const hours = Math.floor((ageMs % dayMs) / hourMs);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}
